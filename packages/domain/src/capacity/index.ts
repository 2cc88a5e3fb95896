export * from "./access.ts";
export * from "./figures.ts";
export * from "./patch.ts";
export * from "./publicity.ts";
export * from "./rollup.ts";
export * from "./trainings.ts";
export * from "./volunteers.ts";
export * from "./warnings.ts";
