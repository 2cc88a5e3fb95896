import { deadlineAfter, type Settings, shanghaiDate, type WorkCalendar, workCalendar } from "@weiquan/domain";
import { SettingsRepository } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";

/** The tenant's working-day calendar: the national one with the tenant's overrides from settings. */
export async function tenantCalendar(scope: Pick<Scope, "table">): Promise<WorkCalendar> {
  const settings = await new SettingsRepository(scope.table).get<Settings>();
  return workCalendar(settings?.calendarOverrides ?? []);
}

/** The instants behind "overdue" and "due soon" today, for list filters and flags. */
export function dueWindow(cal: WorkCalendar, now: Date) {
  const today = shanghaiDate(now);
  return {
    /** A running deadline before this is overdue (its whole day has passed). */
    overdueBefore: `${today}T00:00:00+08:00`,
    /** A running deadline up to this is due soon (today or the next 2 working days, as clockState counts). */
    soonUntil: deadlineAfter(today, { days: 2, unit: "working" }, cal)!,
  };
}
