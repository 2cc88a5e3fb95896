export * from "./bridge.ts";
export * from "./dynamodb.ts";
export * from "./s3.ts";
export * from "./seed/control-plane.ts";
export * from "./seed/demo.ts";
export * from "./seed/demo-cases.ts";
export * from "./seed/demo-network.ts";
export * from "./stack.ts";
