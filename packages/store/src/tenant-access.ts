import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { STSClient } from "@aws-sdk/client-sts";
import { AWS_TIMEOUTS, boundedCalls } from "./aws-config.ts";
import { type Doc, documentClient } from "./client.ts";
import { guardPublicSession } from "./public-session.ts";
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

/**
 * `full`: a signed-in caller's (and the jobs') session on the tenant's table. `public`: the paths nobody
 * has signed in to yet (login, the public complaint page), limited to the items they need
 * (public-session.ts).
 */
export type SessionScope = "full" | "public";

export interface TenantAccess {
  forTenant(tenantId: string, scope?: SessionScope): Promise<TenantTable>;
}

/**
 * Local mode: DynamoDB Local checks no IAM, so every tenant shares one client (the policies are tested in
 * CDK); the public session's item rule is checked here all the same, on every command.
 */
export function sharedClientAccess(stage: string, doc: Doc): TenantAccess {
  const publicDoc = guardPublicSession(doc);
  return {
    async forTenant(tenantId, scope = "full") {
      return {
        tenantId,
        tableName: tenantTableName(stage, tenantId),
        doc: scope === "public" ? publicDoc : doc,
      };
    },
  };
}

/**
 * AWS mode, the "token vending machine": the API function's own role cannot touch any tenant table.
 * Per tenant it assumes the data-access role with session tag TenantId=<tenant>; that role's policy
 * only allows `table/{stage}-tenant-${aws:PrincipalTag/TenantId}`. Credentials are cached per tenant
 * until shortly before they expire. The `public` scope assumes `publicRoleArn` instead, whose policy also
 * limits the items (public-session.ts); without it (the jobs) only the full scope exists.
 */
export function tokenVendingAccess(opts: {
  stage: string;
  roleArn: string;
  publicRoleArn?: string;
  region?: string;
}): TenantAccess {
  // STS loads with the first tenant session, not with the function (health checks, the console's page).
  let sts: Promise<typeof import("@aws-sdk/client-sts") & { client: STSClient }> | undefined;
  const assumeRole = async (roleArn: string, tenantId: string) => {
    sts ??= import("@aws-sdk/client-sts").then((m) => ({
      ...m,
      client: new m.STSClient({ region: opts.region, ...boundedCalls(AWS_TIMEOUTS) }),
    }));
    const { AssumeRoleCommand, client } = await sts.catch((e) => {
      sts = undefined; // a failed load is tried again by the next request
      throw e;
    });
    return client.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: `tenant-${tenantId}`.slice(0, 64),
        Tags: [{ Key: "TenantId", Value: tenantId }],
        DurationSeconds: 3600,
      }),
    );
  };
  const cache = new Map<string, { table: TenantTable; expires: number }>();
  return {
    async forTenant(tenantId, scope = "full") {
      const roleArn = scope === "public" ? opts.publicRoleArn : opts.roleArn;
      if (!roleArn) throw new Error(`no data-access role for the ${scope} session`);
      const cacheKey = `${scope}:${tenantId}`;
      const hit = cache.get(cacheKey);
      // Presigned file URLs (up to 15 minutes) die with the credentials that signed them: renew early.
      if (hit && hit.expires > Date.now() + 20 * 60_000) return hit.table;
      const out = await assumeRole(roleArn, tenantId);
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
      cache.set(cacheKey, { table, expires: c.Expiration?.getTime() ?? Date.now() + 15 * 60_000 });
      return table;
    },
  };
}
