import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { AWS_TIMEOUTS, boundedCalls } from "./aws-config.ts";
import { type Doc, documentClient } from "./client.ts";
import { tenantTableName } from "./table-definition.ts";

/** Temporary credentials of one tenant's data-access session (AWS); absent locally. */
export interface TenantCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** Where a tenant's data lives and the client allowed to reach it. */
export interface TenantTable {
  tenantId: string;
  tableName: string;
  doc: Doc;
  /** The tenant's own session credentials, which also sign its file URLs (AWS mode only). */
  credentials?: TenantCredentials;
}

export interface TenantAccess {
  forTenant(tenantId: string): Promise<TenantTable>;
}

/** Local mode: DynamoDB Local checks no IAM, so every tenant shares one client (the policies are tested in CDK). */
export function sharedClientAccess(stage: string, doc: Doc): TenantAccess {
  return {
    async forTenant(tenantId) {
      return { tenantId, tableName: tenantTableName(stage, tenantId), doc };
    },
  };
}

/**
 * AWS mode, the "token vending machine": the API function's own role cannot touch any tenant table.
 * Per tenant it assumes the data-access role with session tag TenantId=<tenant>; that role's policy
 * only allows `table/{stage}-tenant-${aws:PrincipalTag/TenantId}`. Credentials are cached per tenant
 * until shortly before they expire.
 */
export function tokenVendingAccess(opts: { stage: string; roleArn: string; region?: string }): TenantAccess {
  const sts = new STSClient({ region: opts.region, ...boundedCalls(AWS_TIMEOUTS) });
  const cache = new Map<string, { table: TenantTable; expires: number }>();
  return {
    async forTenant(tenantId) {
      const hit = cache.get(tenantId);
      // Presigned file URLs (up to 15 minutes) die with the credentials that signed them: renew early.
      if (hit && hit.expires > Date.now() + 20 * 60_000) return hit.table;
      const out = await sts.send(
        new AssumeRoleCommand({
          RoleArn: opts.roleArn,
          RoleSessionName: `tenant-${tenantId}`.slice(0, 64),
          Tags: [{ Key: "TenantId", Value: tenantId }],
          DurationSeconds: 3600,
        }),
      );
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error("AssumeRole returned no credentials");
      const credentials: TenantCredentials = {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        expiration: c.Expiration,
      };
      const client = new DynamoDBClient({ region: opts.region, ...boundedCalls(AWS_TIMEOUTS), credentials });
      const table = {
        tenantId,
        tableName: tenantTableName(opts.stage, tenantId),
        doc: documentClient(client),
        credentials,
      };
      cache.set(tenantId, { table, expires: c.Expiration?.getTime() ?? Date.now() + 15 * 60_000 });
      return table;
    },
  };
}
