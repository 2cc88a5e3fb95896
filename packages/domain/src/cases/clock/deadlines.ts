import type { WorkCalendar } from "./calendar.ts";
import { addDays, endOfDay, instantMs, shanghaiDate } from "./days.ts";
import { type Limit, type RuleSetId, ruleSetById } from "./rules.ts";

/** A stretch during which the clock stood still (检验、检测、鉴定). */
export interface Pause {
  /** ISO date-time with a time zone. */
  from: string;
  /** ISO date-time with a time zone; absent while the clock is still stopped. */
  to?: string;
  reason?: string;
}

/**
 * Which days a pause takes out of the count. A pause from day P to day R (Shanghai calendar days)
 * stops the days P, P+1 … R−1:
 * - the day the clock stops is not counted (from that moment on nobody can work the case), and the day
 *   it resumes counts again (the clock runs on it) — the same reading as 民法典 Art. 201, where the
 *   day an event happens is not the first day of the period;
 * - so a pause never returns more days than the midnights it spanned, a pause within one day returns
 *   none, and for a working-day limit only the working days among them matter;
 * - and a pause that starts on or before the deadline's day always moves the deadline to the day the
 *   clock resumes or later: a case is never overdue at the moment its clock starts again.
 * A pause that starts after the deadline's day changes nothing: the limit had already run out.
 * An open pause stops every day from P on, so the deadline is unknown (null) unless it fell before P.
 */
interface Stop {
  from: string;
  /** First day counted again; undefined while the pause is open. */
  until?: string;
}

function stopsOf(pauses: readonly Pause[]): Stop[] {
  return pauses.map((p) => {
    if (p.to !== undefined && instantMs(p.to) < instantMs(p.from))
      throw new RangeError(`pause ends (${p.to}) before it starts (${p.from})`);
    return { from: shanghaiDate(p.from), until: p.to === undefined ? undefined : shanghaiDate(p.to) };
  });
}

/** Longest walk we accept: far beyond 60 days plus any realistic run of pauses and holidays. */
const MAX_DAYS = 3660;

/**
 * The end of the limit counted from `start`: the day of `start` (Shanghai) is not counted; the nth
 * working day (or calendar day) after it, skipping days a pause stopped, ends at 23:59:59 +08:00.
 * null while an open pause stops the clock.
 */
export function deadlineAfter(
  start: string,
  limit: Limit,
  cal: WorkCalendar,
  pauses: readonly Pause[] = [],
): string | null {
  if (!Number.isInteger(limit.days) || limit.days < 1)
    throw new RangeError(`a limit is a positive whole number of days: ${limit.days}`);
  const stops = stopsOf(pauses);
  let day = shanghaiDate(start);
  let counted = 0;
  for (let walked = 0; counted < limit.days; walked++) {
    if (walked > MAX_DAYS) throw new RangeError(`no end found within ${MAX_DAYS} days of ${start}`);
    day = addDays(day, 1);
    const stop = stops.find((s) => s.from <= day && (s.until === undefined || day < s.until));
    if (stop) {
      if (stop.until === undefined) return null;
      continue;
    }
    if (limit.unit === "calendar" || cal.isWorkday(day)) counted++;
  }
  return endOfDay(day);
}

export interface ClockFacts {
  kind: "complaint" | "report" | "consultation";
  status: string;
  ruleSet: RuleSetId;
  receivedAt: string;
  acceptedAt?: string;
  /** When the report's lead reached the enforcement body: its check clock starts here. */
  handedOverAt?: string;
  /** The enforcement body's head approved the extension of the check (+15 working days). */
  checkExtended?: boolean;
  pauses?: readonly Pause[];
}

export interface Deadlines {
  acceptBy?: string;
  mediateBy?: string;
  handOverBy?: string;
  checkBy?: string;
}

/**
 * Every deadline the case's facts allow, running or not. Pauses apply to the clocks whose rules
 * exclude testing / appraisal time: mediation and the report check; deciding on acceptance and
 * handing a report over do not stop for them.
 */
export function caseDeadlines(f: ClockFacts, cal: WorkCalendar): Deadlines {
  const { limits } = ruleSetById(f.ruleSet);
  const pauses = f.pauses ?? [];
  const out: Deadlines = {};
  const set = (key: keyof Deadlines, value: string | null) => {
    if (value !== null) out[key] = value;
  };
  if (f.kind === "complaint") {
    set("acceptBy", deadlineAfter(f.receivedAt, limits.accept, cal));
    if (f.acceptedAt !== undefined)
      set("mediateBy", deadlineAfter(f.acceptedAt, limits.mediate, cal, pauses));
  } else if (f.kind === "report") {
    set("handOverBy", deadlineAfter(f.receivedAt, limits.handOver, cal));
    if (f.handedOverAt !== undefined) {
      const check: Limit = f.checkExtended
        ? { days: limits.reportCheck.days + limits.reportCheckExtension.days, unit: limits.reportCheck.unit }
        : limits.reportCheck;
      set("checkBy", deadlineAfter(f.handedOverAt, check, cal, pauses));
    }
  }
  return out;
}

/** The clock each open status runs; every other status (decided, closed, escalated …) runs none. */
const runningClock = new Map<string, keyof Deadlines>([
  ["complaint:registered", "acceptBy"],
  ["complaint:accepted", "mediateBy"],
  ["complaint:mediating", "mediateBy"],
  ["report:registered", "handOverBy"],
  ["report:handed_over", "checkBy"],
]);

const pausable: ReadonlySet<keyof Deadlines> = new Set(["mediateBy", "checkBy"]);

/** Working days ahead of today that still count as "due soon". */
const DUE_SOON_WORKING_DAYS = 2;

export interface ClockState {
  deadlines: Deadlines;
  running?: keyof Deadlines;
  dueBy?: string;
  /** Now is past the end (Shanghai) of the running deadline's day. */
  overdue: boolean;
  /** Not overdue, and the running deadline's day is today or one of the next 2 working days. */
  dueSoon: boolean;
  /** The running clock is stopped by an open pause. */
  paused: boolean;
}

export function clockState(f: ClockFacts, cal: WorkCalendar, now: Date): ClockState {
  const deadlines = caseDeadlines(f, cal);
  const running = runningClock.get(`${f.kind}:${f.status}`);
  if (running === undefined) return { deadlines, overdue: false, dueSoon: false, paused: false };
  const dueBy = deadlines[running];
  if (dueBy === undefined) {
    const paused = pausable.has(running) && (f.pauses ?? []).some((p) => p.to === undefined);
    return { deadlines, running, overdue: false, dueSoon: false, paused };
  }
  const today = shanghaiDate(now);
  const dueDay = shanghaiDate(dueBy);
  const overdue = today > dueDay;
  const soonHorizon = deadlineAfter(today, { days: DUE_SOON_WORKING_DAYS, unit: "working" }, cal);
  const dueSoon = !overdue && soonHorizon !== null && dueDay <= shanghaiDate(soonHorizon);
  return { deadlines, running, dueBy, overdue, dueSoon, paused: false };
}
