export * from "./flow.ts";
export * from "./progress.ts";
export * from "./sample.ts";
export * from "./schema.ts";
