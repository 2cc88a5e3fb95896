import { z } from "zod";

/** One tenant's share of the daily jobs: the scheduler sends one per active tenant to the sweep queue. */
export const SweepMessage = z.object({
  tenantId: z.string().min(1).max(64),
  /** When the daily run was scheduled (EventBridge's time): the sweep's "now". */
  at: z.iso.datetime({ offset: true }),
});
export type SweepMessage = z.infer<typeof SweepMessage>;
