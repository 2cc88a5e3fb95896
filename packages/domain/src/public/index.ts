export * from "./checks.ts";
export * from "./code.ts";
export * from "./limits.ts";
export * from "./notice.ts";
export * from "./schema.ts";
