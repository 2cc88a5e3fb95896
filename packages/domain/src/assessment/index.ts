export * from "./build.ts";
export * from "./metrics.ts";
export * from "./schema.ts";
export * from "./score.ts";
