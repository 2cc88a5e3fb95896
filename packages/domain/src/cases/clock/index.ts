// `CalendarOverride` stays out of the package root: settings/schema.ts exports the zod schema of that
// name, which validates what a tenant stores; workCalendar takes it as is (same shape).
export { shanghaiDate, type WorkCalendar, workCalendar } from "./calendar.ts";
export {
  type ClockFacts,
  type ClockState,
  caseDeadlines,
  clockState,
  type Deadlines,
  deadlineAfter,
  type Pause,
} from "./deadlines.ts";
export { type Limit, type RuleSet, type RuleSetId, ruleSetById, ruleSetFor, ruleSets } from "./rules.ts";
