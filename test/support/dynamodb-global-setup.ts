import { startDynamoLocal } from "@weiquan/local";
import type { TestProject } from "vitest/node";

/** One in-memory DynamoDB Local for the API project; each test file works in its own stage's tables. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal();
  project.provide("dynamoEndpoint", dynamo.endpoint);
  return () => dynamo.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
