import { startDynamoLocal, startLocalS3 } from "@weiquan/local";
import type { TestProject } from "vitest/node";

/**
 * One in-memory DynamoDB Local and one local S3-protocol server for the API project; each test file works
 * in its own stage's tables (and its own tenants' key prefixes).
 */
export default async function setup(project: TestProject) {
  const [dynamo, s3] = await Promise.all([startDynamoLocal(), startLocalS3()]);
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("s3Endpoint", s3.endpoint);
  return async () => {
    await s3.stop();
    await dynamo.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    s3Endpoint: string;
  }
}
