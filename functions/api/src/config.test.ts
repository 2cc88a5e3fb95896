import { describe, expect, it } from "vitest";
import { apiConfig, schedulerConfig } from "./config.ts";

const aws = {
  WEIQUAN_MODE: "aws",
  WEIQUAN_STAGE: "prod",
  WEIQUAN_CONTROL_TABLE: "prod-control",
  WEIQUAN_SIGNING_KEY_ID: "arn:aws-cn:kms:cn-north-1:123456789012:key/k",
  WEIQUAN_DATA_ACCESS_ROLE_ARN: "arn:aws-cn:iam::123456789012:role/r",
  WEIQUAN_PUBLIC_DATA_ACCESS_ROLE_ARN: "arn:aws-cn:iam::123456789012:role/p",
  WEIQUAN_PROVISIONER_FUNCTION: "prod-provisioner",
  WEIQUAN_EXPORT_BUCKET: "prod-exports",
  WEIQUAN_FILES_BUCKET: "prod-files",
  WEIQUAN_ORIGIN_SECRET: "0123456789abcdef0123",
};

describe("the api's configuration", () => {
  it("reads every AWS setting by the names the stack sets", () => {
    expect(apiConfig(aws)).toEqual({
      mode: "aws",
      stage: "prod",
      controlTable: "prod-control",
      signingKeyId: aws.WEIQUAN_SIGNING_KEY_ID,
      dataAccessRoleArn: aws.WEIQUAN_DATA_ACCESS_ROLE_ARN,
      publicDataAccessRoleArn: aws.WEIQUAN_PUBLIC_DATA_ACCESS_ROLE_ARN,
      provisionerFunction: "prod-provisioner",
      exportBucket: "prod-exports",
      filesBucket: "prod-files",
      originSecret: aws.WEIQUAN_ORIGIN_SECRET,
      requireTotp: true,
      requirePasswordChange: true,
    });
  });

  it("fails at start naming each missing variable, never falling back to a default stage or to local mode", () => {
    const { WEIQUAN_STAGE: _s, WEIQUAN_SIGNING_KEY_ID: _k, ...missing } = aws;
    expect(() => apiConfig(missing)).toThrow(/WEIQUAN_STAGE is required; WEIQUAN_SIGNING_KEY_ID is required/);
    expect(() => apiConfig({})).toThrow(/WEIQUAN_MODE is required/);
    expect(() => apiConfig({ ...aws, WEIQUAN_STAGE: "a-tenant-b" })).toThrow(/WEIQUAN_STAGE: .*tenant/);
    expect(() => apiConfig({ ...aws, WEIQUAN_REQUIRE_TOTP: "no" })).toThrow(/WEIQUAN_REQUIRE_TOTP/);
  });

  it("runs locally only when told to, with DynamoDB Local's port as the default endpoint", () => {
    expect(apiConfig({ WEIQUAN_MODE: "local" })).toMatchObject({
      mode: "local",
      stage: "local",
      dynamoEndpoint: "http://127.0.0.1:8000",
    });
    expect(apiConfig({ WEIQUAN_MODE: "local", WEIQUAN_DYNAMODB_PORT: "8123" })).toMatchObject({
      dynamoEndpoint: "http://127.0.0.1:8123",
    });
  });

  it("gives the scheduler no default for anything", () => {
    expect(() => schedulerConfig({ WEIQUAN_STAGE: "prod" })).toThrow(
      /WEIQUAN_CONTROL_TABLE is required; WEIQUAN_DATA_ACCESS_ROLE_ARN is required; WEIQUAN_SWEEP_QUEUE_URL is required; WEIQUAN_FILES_BUCKET is required/,
    );
  });
});
