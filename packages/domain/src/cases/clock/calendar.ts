/*
 * The package's own functions (isWorkday, findWorkday …) are not used: they parse and format dates in
 * the host's local time zone, so a browser west of UTC gets the neighbouring day, and Node cannot
 * import them by name (the entry is a UMD bundle). Its JSON table is plain data, and smaller once
 * gzipped than the functions (about 3.2 kB against 7.9 kB, which carry the lunar calendar along).
 */
import chineseDays from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { assertDay, weekday, yearOf } from "./days.ts";

export { shanghaiDate } from "./days.ts";

/** A tenant's correction to the national calendar (a local holiday, a day worked to make up for one). */
export interface CalendarOverride {
  date: string;
  workday: boolean;
  note?: string;
}

export interface WorkCalendar {
  isWorkday(date: string): boolean;
  /** Whether the holiday data knows this year; an unknown year counts Monday to Friday only. */
  covers(year: number): boolean;
  uncoveredYears(fromYear: number, toYear: number): number[];
}

/** Date → "English name,中文名,length"; only membership matters here. */
interface HolidayTable {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const table: HolidayTable = chineseDays;

/**
 * Every year the package publishes has New Year's Day in `holidays`, so the years present there are
 * the years it knows (2004–2026 in chinese-days 1.5.7).
 */
const knownYears: ReadonlySet<number> = new Set(Object.keys(table.holidays).map(yearOf));

const covers = (year: number): boolean => knownYears.has(year);

export function workCalendar(overrides: readonly CalendarOverride[] = []): WorkCalendar {
  const own = new Map<string, boolean>();
  for (const o of overrides) {
    assertDay(o.date);
    own.set(o.date, o.workday);
  }
  return {
    isWorkday(date) {
      assertDay(date);
      const decided = own.get(date);
      if (decided !== undefined) return decided;
      if (covers(yearOf(date))) {
        if (Object.hasOwn(table.workdays, date)) return true;
        if (Object.hasOwn(table.holidays, date)) return false;
      }
      const d = weekday(date);
      return d !== 0 && d !== 6;
    },
    covers,
    uncoveredYears(fromYear, toYear) {
      const years: number[] = [];
      for (let y = fromYear; y <= toYear; y++) if (!covers(y)) years.push(y);
      return years;
    },
  };
}
