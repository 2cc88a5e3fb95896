export * from "./auth/roles.ts";
export * from "./auth/schema.ts";
export * from "./common/errors.ts";
export * from "./tenants/schema.ts";
export * from "./units/schema.ts";
export * from "./users/schema.ts";
