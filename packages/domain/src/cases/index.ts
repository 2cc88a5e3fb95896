export * from "./clock/index.ts";
export * from "./identifiers.ts";
export * from "./reasons.ts";
export * from "./schema.ts";
export * from "./taxonomy.ts";
export * from "./workflow.ts";
