import {
  monthToRemind,
  nthWorkingDay,
  REMINDER_WORKING_DAY,
  shanghaiDate,
  shanghaiIso,
} from "@weiquan/domain";
import {
  InspectionsRepository,
  NoticesRepository,
  noticeOverdueFinding,
  RoundsRepository,
  type TenantAccess,
  type TenantsRepository,
  type TenantTable,
  transact,
  UnitsRepository,
} from "@weiquan/store";
import { tenantCalendar } from "../cases/calendar.ts";
import { forEachActiveTenant } from "../jobs/tenants.ts";
import { roundIdOf } from "../sampling/rounds.ts";

export interface SupervisionDaily {
  /** 1 when the bureau was reminded today that last month's round is still to be drawn. */
  reminded: number;
  /** Findings whose lapse was notified to their unit by this run. */
  overdueFindings: number;
}

/**
 * The daily supervision job of one tenant (with the overdue sweep, 00:10 Asia/Shanghai):
 * - once the 5th working day of the month has passed (the tenant's calendar) and last month has no
 *   round for the bureau, the bureau gets a reminder — once per month, however often this runs;
 * - every open finding past its due date is told to its unit, once per due date.
 */
export async function dailySupervision(table: TenantTable, now: Date): Promise<SupervisionDaily> {
  const out: SupervisionDaily = { reminded: 0, overdueFindings: 0 };
  const today = shanghaiDate(now);
  const cal = await tenantCalendar({ table });
  const month = monthToRemind(today, cal);
  const root = month ? await new UnitsRepository(table).root() : null;
  if (month && root && !(await new RoundsRepository(table).header(roundIdOf(month, root.id)))) {
    const deadline = nthWorkingDay(today.slice(0, 7), REMINDER_WORKING_DAY, cal)!;
    const written = await transact(
      table.doc,
      new NoticesRepository(table).draftItems({
        unitId: root.id,
        kind: "sampling_reminder",
        // The deadline, not today: the same reminder has the same key on every later day.
        at: `${deadline}T23:59:59.999+08:00`,
        text: `已过本月第 ${REMINDER_WORKING_DAY} 个工作日（${deadline}），${month} 的抽查回访尚未抽取样本`,
        ref: { type: "round", id: roundIdOf(month, root.id) },
        dedupeKey: month,
      }),
    );
    if (written.ok) out.reminded = 1;
  }

  for (const f of await new InspectionsRepository(table).overdue(shanghaiIso(now))) {
    if (f.overdueNoticed === f.dueBy) continue;
    const noticed = await noticeOverdueFinding(table, f, {
      unitId: f.unitId,
      kind: "finding_overdue",
      at: f.dueBy,
      text: `检查发现的问题已超过整改期限：「${f.text.slice(0, 40)}」`,
      ref: { type: "inspection", id: f.inspectionId },
      dueBy: f.dueBy,
      dedupeKey: f.id,
    });
    if (noticed) out.overdueFindings++;
  }
  return out;
}

/** The daily supervision job of every active tenant; one tenant's failure does not stop the others. */
export const superviseAllTenants = (
  deps: { tenants: TenantsRepository; tenantAccess: TenantAccess },
  now: Date,
) => forEachActiveTenant(deps, (table) => dailySupervision(table, now));
