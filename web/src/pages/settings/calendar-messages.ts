import type { Limit, RuleSet } from "@weiquan/domain/cases/clock/rules";
import { useLang } from "../../i18n/lang.tsx";

type LimitKey = keyof RuleSet["limits"];

/** The working-day settings' labels, Chinese first; English has exactly the same keys. */
const zh = {
  calendarTitle: "工作日调整（调休安排）",
  calendarIntro:
    "期限按国家法定节假日和调休安排计算工作日。本地另有放假或调休上班的日期，在此补充；国家尚未公布的年份也在此补充。保存后对新计算的期限生效。",
  date: "日期",
  kind: "调整为",
  dayOff: "放假",
  workday: "上班",
  note: "备注",
  notePlaceholder: "如：2027 年春节",
  national: "全国安排",
  nationalWorkday: "工作日",
  nationalDayOff: "休息日",
  add: "添加",
  remove: "删除",
  empty: "尚无调整",
  duplicate: "该日期已有调整，请先删除",
  pickDate: "请选择日期",
  saved: "工作日调整已保存",
  saveFailed: "保存失败",
  weekdays: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
  rulesTitle: "办理时限规则",
  rulesIntro: "每件案件按受理之日施行的规则计算期限，并终身沿用该规则。本表只读。",
  rulesLoadFailed: "时限规则加载失败",
  effective: (from: string, to?: string) => (to ? `${from} 至 ${to}` : `${from} 起施行`),
  colLimit: "期限",
  colDays: "时限",
  colBasis: "依据",
  limitDays: (l: Limit) => (l.unit === "working" ? `${l.days} 个工作日` : `${l.days} 日`),
  limits: {
    accept: "决定是否受理投诉",
    mediate: "调解终止",
    handOver: "移交举报线索",
    reportCheck: "核查举报线索",
    reportCheckExtension: "核查延长",
  } satisfies Record<LimitKey, string>,
};
type CalendarMessages = typeof zh;

const en: CalendarMessages = {
  calendarTitle: "Working-day corrections",
  calendarIntro:
    "Deadlines count working days by the national holidays and make-up working days. Add the county's own days off or working days here, and the holidays of a year the national data does not know yet. Saved corrections apply to deadlines computed from now on.",
  date: "Date",
  kind: "Make it",
  dayOff: "Day off",
  workday: "Working day",
  note: "Note",
  notePlaceholder: "e.g. Spring Festival 2027",
  national: "National calendar",
  nationalWorkday: "Working day",
  nationalDayOff: "Day off",
  add: "Add",
  remove: "Remove",
  empty: "No corrections",
  duplicate: "That date is already corrected; remove it first",
  pickDate: "Pick a date",
  saved: "Working-day corrections saved",
  saveFailed: "Could not save",
  weekdays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
  rulesTitle: "Time-limit rules",
  rulesIntro:
    "Each case's deadlines follow the rules in force on the day it was received, for its whole life. Read only.",
  rulesLoadFailed: "Could not load the time-limit rules",
  effective: (from: string, to?: string) => (to ? `${from} to ${to}` : `in force from ${from}`),
  colLimit: "Limit",
  colDays: "Length",
  colBasis: "Basis",
  limitDays: (l: Limit) => (l.unit === "working" ? `${l.days} working days` : `${l.days} days`),
  limits: {
    accept: "Decide whether to accept a complaint",
    mediate: "Mediation ends",
    handOver: "Hand a report's lead over",
    reportCheck: "Check a report's lead",
    reportCheckExtension: "Extension of the check",
  },
};

export const useCalendarT = (): CalendarMessages => (useLang().lang === "zh" ? zh : en);
