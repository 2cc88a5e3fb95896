export * from "./decide.ts";
export * from "./schema.ts";
export * from "./sniff.ts";
