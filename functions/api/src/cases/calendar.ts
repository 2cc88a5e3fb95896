import { type Settings, shanghaiDate, type WorkCalendar, workCalendar } from "@weiquan/domain";
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
  let soon = today;
  for (let counted = 0; counted < 2; ) {
    soon = nextDay(soon);
    if (cal.isWorkday(soon)) counted++;
  }
  return {
    /** A running deadline before this is overdue (its whole day has passed). */
    overdueBefore: `${today}T00:00:00+08:00`,
    /** A running deadline up to this is due soon (today or the next 2 working days). */
    soonUntil: `${soon}T23:59:59+08:00`,
  };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
