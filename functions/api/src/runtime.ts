import type { Role } from "@weiquan/domain";
import type { ProvisionerEvent } from "@weiquan/fn-provisioner/events";
import { lazy } from "@weiquan/runtime/lazy";
import {
  AWS_TIMEOUTS,
  awsDynamoClient,
  boundedCalls,
  deploymentPlacement,
  documentClient,
  ObjectStore,
  tokenVendingAccess,
} from "@weiquan/store";
import { kmsSigningKey } from "./auth/keys.ts";
import { type ApiConfig, apiConfig } from "./config.ts";
import { type AppDeps, controlRepositories } from "./deps.ts";
import { AWS_BUDGET } from "./http/deadline.ts";

export const TOKEN_TTL_SECONDS = 8 * 60 * 60; // one working day; there is no refresh token yet

/** Production settings require a second factor for the administrators (architecture.md § Auth). */
export const PRODUCTION_TOTP_ROLES: readonly Role[] = ["bureau_admin", "platform_admin"];

/** AWS mode, from the configuration CDK puts in the function's environment (see config.ts). */
export function awsDeps(config: Extract<ApiConfig, { mode: "aws" }>): AppDeps {
  const doc = documentClient(awsDynamoClient());
  // Only onboarding, exports and deletion invoke the provisioner: its client loads on first use.
  const lambda = lazy(async () => {
    const { InvokeCommand, LambdaClient } = await import("@aws-sdk/client-lambda");
    return { InvokeCommand, client: new LambdaClient(boundedCalls(AWS_TIMEOUTS)) };
  });
  const invoke = async (payload: ProvisionerEvent, InvocationType: "Event" | "RequestResponse") => {
    const { InvokeCommand, client } = await lambda();
    return client.send(
      new InvokeCommand({
        FunctionName: config.provisionerFunction,
        InvocationType,
        Payload: new TextEncoder().encode(JSON.stringify(payload)),
      }),
    );
  };
  return {
    stage: config.stage,
    placement: deploymentPlacement(),
    mode: "aws",
    tokenTtlSeconds: TOKEN_TTL_SECONDS,
    requireTotpFor: config.requireTotp ? PRODUCTION_TOTP_ROLES : [],
    requirePasswordChange: config.requirePasswordChange,
    originSecret: config.originSecret,
    consolePage: config.consolePage
      ? { file: config.consolePage, connectSources: [bucketOrigin(config.filesBucket)] }
      : undefined,
    // Signed per tenant with its vended session, whose policy allows only the tenant's key prefix.
    files: new ObjectStore({ bucket: config.filesBucket, region: process.env.AWS_REGION }),
    now: () => new Date(),
    budget: AWS_BUDGET,
    control: controlRepositories(doc, config.controlTable),
    tenantAccess: tokenVendingAccess({
      stage: config.stage,
      roleArn: config.dataAccessRoleArn,
      publicRoleArn: config.publicDataAccessRoleArn,
    }),
    signingKey: kmsSigningKey(config.signingKeyId, boundedCalls(AWS_TIMEOUTS)),
    startProvisioning: async (tenantId) => {
      await invoke({ tenantId }, "Event");
      return "started";
    },
    exportLocation: (tenantId, exportId) =>
      `s3://${config.exportBucket}/exports/${tenantId}/${exportId}.jsonl.gz`,
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

/** The origin presigned URLs of a bucket in this function's region start with. */
function bucketOrigin(bucket: string): string {
  const region = process.env.AWS_REGION ?? "";
  return `https://${bucket}.s3.${region}.amazonaws.com${region.startsWith("cn-") ? ".cn" : ""}`;
}

/**
 * Deps from the environment: `WEIQUAN_MODE=aws` in Lambda, `local` for a local run; nothing guessed.
 * Local mode (DynamoDB Local, in-process provisioning) is loaded only when asked for, so none of it is
 * in a Lambda's cold start.
 */
export async function depsFromEnv(env: Record<string, string | undefined> = process.env): Promise<AppDeps> {
  const config = apiConfig(env);
  if (config.mode === "aws") return awsDeps(config);
  const { localDeps } = await import("./local-runtime.ts");
  return localDeps({
    endpoint: config.dynamoEndpoint,
    stage: config.stage,
    dataDir: config.dataDir,
    exportsDir: config.exportsDir,
  });
}
