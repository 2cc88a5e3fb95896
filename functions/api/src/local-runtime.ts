import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Role } from "@weiquan/domain";
import {
  type CallTimeouts,
  controlTableName,
  documentClient,
  dropTenantTable,
  fileExportLocation,
  LOCAL_PLACEMENT,
  localDynamoClient,
  type ObjectStore,
  openSink,
  provisionTenant,
  runExport,
  sharedClientAccess,
} from "@weiquan/store";
import { fileKeySource, memoryKeySource, signingKeys } from "./auth/keys.ts";
import { type AppDeps, controlRepositories } from "./deps.ts";
import { LOCAL_BUDGET, type RequestBudget } from "./http/deadline.ts";
import { TOKEN_TTL_SECONDS } from "./runtime.ts";

/** Local mode: DynamoDB Local at `endpoint`, the key in `<dataDir>/signing-key.json` (memory if no dataDir). */
export function localDeps(opts: {
  endpoint: string;
  stage?: string;
  dataDir?: string;
  now?: () => Date;
  /** Roles that must enroll TOTP; none by default, so the local demo logs in with passwords alone. */
  requireTotpFor?: readonly Role[];
  /** CloudFront's origin secret, for tests of the client-address rule (none locally). */
  originSecret?: string;
  /** Whether a password set by someone else must be changed at login; off by default (the demo). */
  requirePasswordChange?: boolean;
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
    placement: LOCAL_PLACEMENT,
    mode: "local",
    tokenTtlSeconds: opts.tokenTtlSeconds ?? TOKEN_TTL_SECONDS,
    requireTotpFor: opts.requireTotpFor ?? [],
    requirePasswordChange: opts.requirePasswordChange ?? false,
    originSecret: opts.originSecret,
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
