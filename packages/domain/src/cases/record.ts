import { z } from "zod";
import { maskName } from "../common/mask.ts";
import { Case, CaseSummary } from "./schema.ts";

/**
 * A case as stored: the API shape without the per-caller fields (who may act, what is masked, the clock
 * flags of today), plus what visibility and the overdue sweep need.
 */
export const CaseRecord = Case.omit({
  canHandle: true,
  allowedActions: true,
  masked: true,
  overdue: true,
  dueSoon: true,
  paused: true,
}).extend({
  /** Materialized path of the handling unit (`unitId`): who may act on the case. */
  handlerPath: z.string(),
  /** Every unit whose ledger lists the case: the ancestors of each unit that has held it. */
  ledgerUnits: z.array(z.string()),
  createdByName: z.string(),
  /** The deadline the overdue sweep last noticed (so each lapse is notified and counted once). */
  overdueNoticed: z.string().optional(),
});
export type CaseRecord = z.infer<typeof CaseRecord>;

/**
 * One row of a unit's ledger, written beside the case in every unit that lists it: the list's columns
 * with personal data already masked, and the lower-cased text the ledger's search matches.
 */
export const LedgerRow = CaseSummary.extend({ search: z.string() });
export type LedgerRow = z.infer<typeof LedgerRow>;

/** The ledger row of a case (the clock flags are today's, set when the row is read). */
export function ledgerRowOf(r: CaseRecord): LedgerRow {
  return {
    id: r.id,
    trackingNo: r.trackingNo,
    kind: r.kind,
    channel: r.channel,
    status: r.status,
    unitId: r.unitId,
    originUnitId: r.originUnitId,
    category: r.category,
    subject: r.subject,
    amountFen: r.amountFen,
    recoveredFen: r.recoveredFen,
    receivedAt: r.receivedAt,
    deadlines: r.deadlines,
    dueBy: r.status === "closed" ? null : r.dueBy,
    overdue: false,
    dueSoon: false,
    paused: r.pauses.some((p) => !p.to),
    version: r.version,
    updatedAt: r.updatedAt,
    consumerName: r.consumer.name ? maskName(r.consumer.name) : null,
    businessName: r.business.name ?? null,
    search: [r.trackingNo, r.subject, r.business.name ?? ""].join(" ").toLowerCase(),
  };
}
