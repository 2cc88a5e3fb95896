/** Asia/Shanghai is UTC+8 all year (no daylight saving since 1991). */
const OFFSET_MS = 8 * 3_600_000;

/** An instant written in Shanghai time with its offset: 2026-11-22T09:30:00.000+08:00. */
export function shanghaiIso(t: Date): string {
  return new Date(t.getTime() + OFFSET_MS).toISOString().replace("Z", "+08:00");
}

/** The Shanghai calendar month of an instant: 2026-11. */
export const shanghaiMonth = (t: Date | string): string => shanghaiIso(new Date(t)).slice(0, 7);
