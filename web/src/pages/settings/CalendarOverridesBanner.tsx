import { workCalendar } from "@weiquan/domain/cases/clock/calendar";
import { Alert } from "antd";
import { useLang } from "../../i18n/lang.tsx";

const text = {
  zh: (years: number[]) =>
    `${years.join("、")} 年的法定节假日安排尚未收录，期限暂按周一至周五计算，请在设置中补充调休安排`,
  en: (years: number[]) =>
    `The statutory holidays of ${years.join(", ")} are not known yet: deadlines count Monday to Friday for now. Add the year's holidays and make-up working days in Settings.`,
};

/** The year on the Shanghai calendar now. */
export function shanghaiYear(now = Date.now()): number {
  return new Date(now + 8 * 3_600_000).getUTCFullYear();
}

/** Of these years, those the national holiday data does not know (their deadlines count Monday to Friday). */
export function uncoveredOf(years: Iterable<number>): number[] {
  const calendar = workCalendar();
  return [...new Set(years)].filter((y) => !calendar.covers(y)).sort((a, b) => a - b);
}

/**
 * Says that deadlines in a year the holiday data does not know count weekdays only. Without `years`: this
 * year and the next (what the settings page warns about ahead of time).
 */
export function CalendarOverridesBanner({
  years,
  testId = "calendar-uncovered",
}: {
  years?: number[];
  testId?: string;
}) {
  const { lang } = useLang();
  const thisYear = shanghaiYear();
  const missing = years ? uncoveredOf(years) : workCalendar().uncoveredYears(thisYear, thisYear + 1);
  if (missing.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={text[lang](missing)}
      style={{ marginBottom: 16 }}
      data-testid={testId}
      data-years={missing.join(",")}
    />
  );
}
