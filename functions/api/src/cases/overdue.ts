import { type CaseRecord, gaugeDeltas, shanghaiDate, shanghaiIso } from "@weiquan/domain";
import {
  CasesRepository,
  NoticesRepository,
  type TenantAccess,
  type TenantsRepository,
  type TenantTable,
  transact,
} from "@weiquan/store";
import { forEachActiveTenant } from "../jobs/tenants.ts";

export interface SweepResult {
  /** Cases whose running deadline ended before today. */
  overdue: number;
  /** Of those, the ones notified by this sweep (the rest were notified before, or changed meanwhile). */
  noticed: number;
}

/**
 * The daily overdue sweep of one tenant (issue 4 item 3): every case whose running deadline ended before
 * today in Shanghai is marked once per lapsed deadline (`overdueNoticed` = that deadline) and its
 * handling unit gets a console notice. Reads only the sparse DUE index — the cases that have a running
 * clock — never the whole table.
 *
 * Each mark and its notice are one transaction, conditional on the case's version and deadline as read:
 * a transition that lands meanwhile wins and the case is looked at again by the next sweep. The version
 * is not bumped, so a console holding the case can still act on it.
 */
export async function sweepOverdue(table: TenantTable, now: Date): Promise<SweepResult> {
  const cases = new CasesRepository(table);
  const notices = new NoticesRepository(table);
  const before = `${shanghaiDate(now)}T00:00:00+08:00`;
  const candidates = await cases.dueBefore(before);
  let noticed = 0;
  for (const hit of candidates) {
    if (hit.overdueNoticed === hit.dueBy) continue;
    // The index is eventually consistent: decide on the case itself.
    const c = await cases.get(hit.id);
    if (!c || !isNewlyOverdue(c, before)) continue;
    const marked = { ...c, overdueNoticed: c.dueBy! };
    const mark = cases.overdueMark(c, gaugeDeltas(c, marked));
    const result = await transact(table.doc, [
      ...mark,
      ...notices.overdueNotice({
        unitId: c.unitId,
        at: shanghaiIso(now),
        caseId: c.id,
        trackingNo: c.trackingNo,
        subject: c.subject,
        dueBy: c.dueBy!,
      }),
    ]);
    if (result.ok) noticed++;
    // The notice of this very lapse exists but the mark does not (data from before transitions kept the
    // mark): mark it again without counting or notifying twice — the rebuild recounts the gauges.
    else if (!result.failed.includes(0)) await transact(table.doc, cases.overdueMark(c, []));
  }
  return { overdue: candidates.length, noticed };
}

const isNewlyOverdue = (c: CaseRecord, before: string) =>
  c.status !== "closed" && c.dueBy !== null && c.dueBy < before && c.overdueNoticed !== c.dueBy;

export interface TenantSweep extends SweepResult {
  tenantId: string;
  error?: string;
}

/**
 * Sweeps every active tenant, each through the tenant data access of the API (in AWS the token-vending
 * role, so a sweep can only reach the table of the tenant it is sweeping). One tenant's failure is
 * reported and the others are still swept.
 */
export async function sweepAllTenants(
  deps: { tenants: TenantsRepository; tenantAccess: TenantAccess },
  now: Date,
): Promise<TenantSweep[]> {
  const swept = await forEachActiveTenant(deps, (table) => sweepOverdue(table, now));
  return swept.map((t) =>
    "result" in t
      ? { tenantId: t.tenantId, ...t.result }
      : { tenantId: t.tenantId, overdue: 0, noticed: 0, error: t.error },
  );
}
