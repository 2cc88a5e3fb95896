export * from "./calendar.ts";
export * from "./deadlines.ts";
export * from "./rules.ts";
