import { z } from "zod";

const Id = z.string().min(1).max(64);

/** Onboarding: create and finish a claimed tenant's table (idempotent; a retry finishes a crashed run). */
export const ProvisionEvent = z.object({ tenantId: Id });
/** A complete export of a tenant's table to the exports bucket. */
export const ExportEvent = z.object({ export: z.object({ tenantId: Id, exportId: Id }) });
/** Drop the table of a tenant whose deletion has begun (invoked synchronously). */
export const DropTableEvent = z.object({ dropTable: z.object({ tenantId: Id }) });
/** The weekly tenant-table conformance check (EventBridge), report only: drift is logged and counted. */
export const ConformanceEvent = z.object({ conformance: z.object({ fix: z.literal(false) }) });

/**
 * Everything the provisioner is invoked with, shared with its callers (the api builds its payloads from
 * these types, the provisioner parses them), so the two cannot drift apart.
 */
export const ProvisionerEvent = z.union([ProvisionEvent, ExportEvent, DropTableEvent, ConformanceEvent]);
export type ProvisionerEvent = z.infer<typeof ProvisionerEvent>;
