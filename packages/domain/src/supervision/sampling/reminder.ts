import type { WorkCalendar } from "../../cases/clock/calendar.ts";
import { addDays } from "../../cases/clock/days.ts";
import { addMonths } from "../../figures/period.ts";

/** The working day of the month by which last month's round should be drawn. */
export const REMINDER_WORKING_DAY = 5;

/** The `n`th working day of the month `yyyy-mm`, or null if the month has fewer. */
export function nthWorkingDay(month: string, n: number, cal: WorkCalendar): string | null {
  let seen = 0;
  for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) {
    if (cal.isWorkday(d) && ++seen === n) return d;
  }
  return null;
}

/**
 * The month whose round is overdue on `today` (a Shanghai date): last month, once today is past the 5th
 * working day of this month; null before that. Whether a round exists is the caller's question.
 */
export function monthToRemind(today: string, cal: WorkCalendar): string | null {
  const month = today.slice(0, 7);
  const deadline = nthWorkingDay(month, REMINDER_WORKING_DAY, cal);
  return deadline !== null && today > deadline ? addMonths(month, -1) : null;
}
