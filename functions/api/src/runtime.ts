import { tmpdir } from "node:os";
import { join } from "node:path";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import type { Role } from "@weiquan/domain";
import {
  AWS_TIMEOUTS,
  awsDynamoClient,
  boundedCalls,
  type CallTimeouts,
  controlTableName,
  documentClient,
  dropTenantTable,
  fileExportLocation,
  localDynamoClient,
  ObjectStore,
  openSink,
  provisionTenant,
  runExport,
  sharedClientAccess,
  tokenVendingAccess,
} from "@weiquan/store";
import { fileKeySource, memoryKeySource, secretKeySource, signingKeys } from "./auth/keys.ts";
import { type AppDeps, controlRepositories } from "./deps.ts";
import { AWS_BUDGET, LOCAL_BUDGET, type RequestBudget } from "./http/deadline.ts";

const TOKEN_TTL_SECONDS = 8 * 60 * 60; // one working day; there is no refresh token yet

/** Production settings require a second factor for the administrators (architecture.md § Auth). */
export const PRODUCTION_TOTP_ROLES: readonly Role[] = ["bureau_admin", "platform_admin"];

const required = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`environment variable ${name} is required`);
  return v;
};

/** Local mode: DynamoDB Local at `endpoint`, the key in `<dataDir>/signing-key.json` (memory if no dataDir). */
export function localDeps(opts: {
  endpoint: string;
  stage?: string;
  dataDir?: string;
  now?: () => Date;
  /** Roles that must enroll TOTP; none by default, so the local demo logs in with passwords alone. */
  requireTotpFor?: readonly Role[];
  /** Tests that move the clock by weeks keep their tokens alive with a longer life. */
  tokenTtlSeconds?: number;
  /** Where tenant exports go: `<dataDir>/exports` by default, the system temp folder without a dataDir. */
  exportsDir?: string;
  /** Attachments' store: the local S3-protocol server (`@weiquan/local` starts one). */
  files?: ObjectStore;
  /** Per-call timeouts of the DynamoDB client (LOCAL_TIMEOUTS by default). */
  timeouts?: CallTimeouts;
  /** How long a request may wait before it answers 503 (LOCAL_BUDGET by default). */
  budget?: RequestBudget;
}): AppDeps {
  const stage = opts.stage ?? "local";
  const dynamo = localDynamoClient(opts.endpoint, opts.timeouts);
  const doc = documentClient(dynamo);
  const control = controlRepositories(doc, controlTableName(stage));
  const now = opts.now ?? (() => new Date());
  return {
    stage,
    mode: "local",
    tokenTtlSeconds: opts.tokenTtlSeconds ?? TOKEN_TTL_SECONDS,
    requireTotpFor: opts.requireTotpFor ?? [],
    now,
    budget: opts.budget ?? LOCAL_BUDGET,
    control,
    tenantAccess: sharedClientAccess(stage, doc),
    signingKey: signingKeys(
      opts.dataDir ? fileKeySource(join(opts.dataDir, "signing-key.json")) : memoryKeySource(),
    ),
    dynamo,
    files: opts.files,
    startProvisioning: async (tenantId) => {
      await provisionTenant({ client: dynamo, tenants: control.tenants, now }, tenantId);
      return "done";
    },
    exportLocation: (tenantId, exportId) =>
      fileExportLocation(
        opts.exportsDir ?? join(opts.dataDir ?? join(tmpdir(), "weiquan"), "exports"),
        stage,
        tenantId,
        exportId,
      ),
    startExport: async (tenantId, exportId) => {
      const exportDeps = { client: dynamo, tenants: control.tenants, exports: control.exports, now };
      await runExport({ ...exportDeps, openSink: openSink() }, tenantId, exportId);
      return "done";
    },
    dropTenantTable: (tenantId) => dropTenantTable({ client: dynamo, tenants: control.tenants }, tenantId),
  };
}

/** AWS mode, from the environment CDK sets on the function. */
export function awsDeps(): AppDeps {
  const stage = required("WEIQUAN_STAGE");
  const doc = documentClient(awsDynamoClient());
  const lambda = new LambdaClient(boundedCalls(AWS_TIMEOUTS));
  const provisioner = required("WEIQUAN_PROVISIONER_FUNCTION");
  const exportBucket = required("WEIQUAN_EXPORT_BUCKET");
  const filesBucket = required("WEIQUAN_FILES_BUCKET");
  const invoke = (payload: unknown, InvocationType: "Event" | "RequestResponse") =>
    lambda.send(
      new InvokeCommand({
        FunctionName: provisioner,
        InvocationType,
        Payload: new TextEncoder().encode(JSON.stringify(payload)),
      }),
    );
  return {
    stage,
    mode: "aws",
    tokenTtlSeconds: TOKEN_TTL_SECONDS,
    requireTotpFor: process.env.WEIQUAN_REQUIRE_TOTP === "false" ? [] : PRODUCTION_TOTP_ROLES,
    now: () => new Date(),
    budget: AWS_BUDGET,
    control: controlRepositories(doc, process.env.WEIQUAN_CONTROL_TABLE ?? controlTableName(stage)),
    tenantAccess: tokenVendingAccess({ stage, roleArn: required("WEIQUAN_DATA_ACCESS_ROLE_ARN") }),
    signingKey: signingKeys(secretKeySource(required("WEIQUAN_SIGNING_KEY_SECRET_ARN"))),
    // Signed per tenant with its vended session, whose policy allows only the tenant's key prefix.
    files: new ObjectStore({ bucket: filesBucket, region: process.env.AWS_REGION }),
    startProvisioning: async (tenantId) => {
      await lambda.send(
        new InvokeCommand({
          FunctionName: provisioner,
          InvocationType: "Event",
          Payload: new TextEncoder().encode(JSON.stringify({ tenantId })),
        }),
      );
      return "started";
    },
    exportLocation: (tenantId, exportId) => `s3://${exportBucket}/exports/${tenantId}/${exportId}.jsonl.gz`,
    startExport: async (tenantId, exportId) => {
      await invoke({ export: { tenantId, exportId } }, "Event");
      return "started";
    },
    dropTenantTable: async (tenantId) => {
      const out = await invoke({ dropTable: { tenantId } }, "RequestResponse");
      if (out.FunctionError) {
        throw new Error(
          `dropping the table failed: ${new TextDecoder().decode(out.Payload ?? new Uint8Array())}`,
        );
      }
    },
  };
}

/** Deps from the environment: `WEIQUAN_MODE=aws` in Lambda, otherwise local (DynamoDB Local). */
export function depsFromEnv(): AppDeps {
  if (process.env.WEIQUAN_MODE === "aws") return awsDeps();
  return localDeps({
    endpoint:
      process.env.WEIQUAN_DYNAMODB_ENDPOINT ??
      `http://127.0.0.1:${process.env.WEIQUAN_DYNAMODB_PORT ?? 8000}`,
    stage: process.env.WEIQUAN_STAGE,
    dataDir: process.env.WEIQUAN_DATA_DIR,
    exportsDir: process.env.WEIQUAN_EXPORTS_DIR,
  });
}
