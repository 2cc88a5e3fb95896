import { readEnvironment, StageName, Text } from "@weiquan/runtime/environment";
import { z } from "zod";

/**
 * The environment variables of the api, reports and scheduler functions: the stacks set them by these
 * names (infra imports this module), the functions read them through `apiConfig` / `schedulerConfig`.
 */
export const ENV = {
  mode: "WEIQUAN_MODE",
  stage: "WEIQUAN_STAGE",
  controlTable: "WEIQUAN_CONTROL_TABLE",
  /** KMS key (id, ARN or alias) that signs access tokens (ECC_NIST_P256, kms:Sign). */
  signingKey: "WEIQUAN_SIGNING_KEY_ID",
  dataAccessRole: "WEIQUAN_DATA_ACCESS_ROLE_ARN",
  /** The narrower data-access role of login and the public page (packages/store/src/public-session.ts). */
  publicDataAccessRole: "WEIQUAN_PUBLIC_DATA_ACCESS_ROLE_ARN",
  provisioner: "WEIQUAN_PROVISIONER_FUNCTION",
  exportBucket: "WEIQUAN_EXPORT_BUCKET",
  /** Attachments (evidence, photos): one bucket per stage, a key prefix per tenant. */
  filesBucket: "WEIQUAN_FILES_BUCKET",
  /** `false` lifts the TOTP requirement for administrators (a test stage only). */
  requireTotp: "WEIQUAN_REQUIRE_TOTP",
  /** `false` lifts the forced change of a password set by someone else (a test stage only). */
  requirePasswordChange: "WEIQUAN_REQUIRE_PASSWORD_CHANGE",
  /** The console's page shipped next to the bundle, served by the api (China regions only). */
  consolePage: "WEIQUAN_CONSOLE_PAGE",
  /** The secret CloudFront's origin-verify header carries (proof that a request came through it). */
  originSecret: "WEIQUAN_ORIGIN_SECRET",
  /** Which rotation of the origin secret is deployed (only makes CloudFormation re-resolve it). */
  originSecretVersion: "WEIQUAN_ORIGIN_SECRET_VERSION",
  /** The queue the scheduler fans the daily sweep out to, one message per tenant. */
  sweepQueue: "WEIQUAN_SWEEP_QUEUE_URL",
  /** Local mode: DynamoDB endpoint, or the port of DynamoDB Local on 127.0.0.1. */
  dynamoEndpoint: "WEIQUAN_DYNAMODB_ENDPOINT",
  dynamoPort: "WEIQUAN_DYNAMODB_PORT",
  dataDir: "WEIQUAN_DATA_DIR",
  exportsDir: "WEIQUAN_EXPORTS_DIR",
} as const;

const Stage = StageName;
const Flag = z.enum(["true", "false"]).transform((v) => v === "true");

const Aws = z.object({
  [ENV.mode]: z.literal("aws"),
  [ENV.stage]: Stage,
  [ENV.controlTable]: Text,
  [ENV.signingKey]: Text,
  [ENV.dataAccessRole]: Text,
  [ENV.publicDataAccessRole]: Text,
  [ENV.provisioner]: Text,
  [ENV.exportBucket]: Text,
  [ENV.filesBucket]: Text,
  [ENV.originSecret]: z.string().min(16, "at least 16 characters"),
  [ENV.requireTotp]: Flag.default(true),
  [ENV.requirePasswordChange]: Flag.default(true),
  [ENV.consolePage]: Text.optional(),
});

const Local = z.object({
  [ENV.mode]: z.literal("local"),
  [ENV.stage]: Stage.default("local"),
  [ENV.dynamoEndpoint]: z.url().optional(),
  [ENV.dynamoPort]: z.coerce.number().int().min(1).max(65535).default(8000),
  [ENV.dataDir]: Text.optional(),
  [ENV.exportsDir]: Text.optional(),
});

/** What the api reads from its environment: AWS (everything named, nothing guessed) or local mode. */
export type ApiConfig =
  | {
      mode: "aws";
      stage: string;
      controlTable: string;
      signingKeyId: string;
      dataAccessRoleArn: string;
      publicDataAccessRoleArn: string;
      provisionerFunction: string;
      exportBucket: string;
      filesBucket: string;
      originSecret: string;
      requireTotp: boolean;
      requirePasswordChange: boolean;
      consolePage?: string;
    }
  | {
      mode: "local";
      stage: string;
      dynamoEndpoint: string;
      dataDir?: string;
      exportsDir?: string;
    };

const Mode = z.object({ [ENV.mode]: z.enum(["aws", "local"]) });

/** Parses the api's environment; a missing or malformed variable fails the cold start with its name. */
export function apiConfig(env: Record<string, string | undefined> = process.env): ApiConfig {
  const { [ENV.mode]: mode } = readEnvironment(Mode, env, "api");
  if (mode === "aws") {
    const e = readEnvironment(Aws, env, "api");
    return {
      mode,
      stage: e[ENV.stage],
      controlTable: e[ENV.controlTable],
      signingKeyId: e[ENV.signingKey],
      dataAccessRoleArn: e[ENV.dataAccessRole],
      publicDataAccessRoleArn: e[ENV.publicDataAccessRole],
      provisionerFunction: e[ENV.provisioner],
      exportBucket: e[ENV.exportBucket],
      filesBucket: e[ENV.filesBucket],
      originSecret: e[ENV.originSecret],
      requireTotp: e[ENV.requireTotp],
      requirePasswordChange: e[ENV.requirePasswordChange],
      consolePage: e[ENV.consolePage],
    };
  }
  const e = readEnvironment(Local, env, "api");
  return {
    mode,
    stage: e[ENV.stage],
    dynamoEndpoint: e[ENV.dynamoEndpoint] ?? `http://127.0.0.1:${e[ENV.dynamoPort]}`,
    dataDir: e[ENV.dataDir],
    exportsDir: e[ENV.exportsDir],
  };
}

const Scheduler = z.object({
  [ENV.stage]: Stage,
  [ENV.controlTable]: Text,
  [ENV.dataAccessRole]: Text,
  [ENV.sweepQueue]: Text,
  [ENV.filesBucket]: Text,
});

export interface SchedulerConfig {
  stage: string;
  controlTable: string;
  dataAccessRoleArn: string;
  sweepQueueUrl: string;
  filesBucket: string;
}

/** The scheduler and the per-tenant sweeper run only in AWS: every variable is required. */
export function schedulerConfig(env: Record<string, string | undefined> = process.env): SchedulerConfig {
  const e = readEnvironment(Scheduler, env, "scheduler");
  return {
    stage: e[ENV.stage],
    controlTable: e[ENV.controlTable],
    dataAccessRoleArn: e[ENV.dataAccessRole],
    sweepQueueUrl: e[ENV.sweepQueue],
    filesBucket: e[ENV.filesBucket],
  };
}
