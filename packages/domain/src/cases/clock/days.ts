/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings. Everything runs on UTC fields so the answer never
 * depends on the time zone of the machine (a Lambda in UTC, a browser anywhere).
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** Asia/Shanghai has been UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** A date-time must say which instant it is: `Z` or an explicit offset, never local time. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

function utcMs(date: string): number {
  const m = DAY.exec(date);
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
    if (new Date(ms).toISOString().slice(0, 10) === date) return ms;
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
}

export function assertDay(date: string): void {
  utcMs(date);
}

export function addDays(date: string, n: number): string {
  return new Date(utcMs(date) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(utcMs(date)).getUTCDay();
}

export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** The instant of `t` in milliseconds; a bare `YYYY-MM-DD` is the start of that day in Shanghai. */
export function instantMs(t: string | Date): number {
  if (t instanceof Date) {
    const ms = t.getTime();
    if (Number.isNaN(ms)) throw new RangeError("invalid Date");
    return ms;
  }
  if (DAY.test(t)) return utcMs(t) - SHANGHAI_OFFSET_MS;
  const ms = DATE_TIME.test(t) ? Date.parse(t) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date-time with a time zone: ${t}`);
  return ms;
}

export function shanghaiDate(t: string | Date): string {
  if (typeof t === "string" && DAY.test(t)) {
    assertDay(t);
    return t;
  }
  return new Date(instantMs(t) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last second of a Shanghai calendar day, the form every deadline takes. */
export const endOfDay = (date: string): string => `${date}T23:59:59+08:00`;
