export * from "./app.ts";
export * from "./auth/keys.ts";
export * from "./auth/password.ts";
export * from "./auth/tokens.ts";
export * from "./deps.ts";
export * from "./handler.ts";
export * from "./platform/tenants.ts";
export * from "./runtime.ts";
