import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Role } from "@weiquan/domain";
import {
  type Doc,
  ExportsRepository,
  type ObjectStore,
  type Placement,
  PlatformUsersRepository,
  type TenantAccess,
  TenantsRepository,
} from "@weiquan/store";
import type { SigningKey } from "./auth/keys.ts";
import type { RequestBudget } from "./http/deadline.ts";

/** Everything a request needs, built once per process (cold start) and shared by every request. */
export interface AppDeps {
  stage: string;
  /** This deployment's region and account, recorded on every tenant it onboards (store placement.ts). */
  placement: Placement;
  mode: "local" | "aws";
  tokenTtlSeconds: number;
  /**
   * Roles that must use a TOTP second factor: such a user without one gets an enrollment-only token at
   * login. Empty locally (the demo works with passwords alone); bureau and platform admins in AWS.
   */
  requireTotpFor: readonly Role[];
  /**
   * Whether a password someone else set (an admin creating or resetting the account, the first-operator
   * command) must be changed at the next login: such a login gets a password-change-only token. Off
   * locally (the demo's users were created by an admin), on in AWS.
   */
  requirePasswordChange: boolean;
  now: () => Date;
  /** How long a request may wait on its dependencies before it answers 503 (see http/deadline.ts). */
  budget: RequestBudget;
  control: {
    doc: Doc;
    tableName: string;
    tenants: TenantsRepository;
    platformUsers: PlatformUsersRepository;
    exports: ExportsRepository;
  };
  tenantAccess: TenantAccess;
  signingKey: () => Promise<SigningKey>;
  /**
   * Starts provisioning a claimed tenant: locally it runs to the end before returning ("done");
   * in AWS it invokes the provisioner function asynchronously ("started").
   */
  startProvisioning: (tenantId: string) => Promise<"done" | "started">;
  /** Where a tenant export's file goes (`file://…` locally, `s3://…` in AWS). */
  exportLocation: (tenantId: string, exportId: string) => string;
  /**
   * Runs a recorded export: locally to the end before returning ("done"); in AWS the provisioner
   * function runs it asynchronously ("started").
   */
  startExport: (tenantId: string, exportId: string) => Promise<"done" | "started">;
  /**
   * Drops the table of a tenant whose deletion has begun (locally in-process; in AWS the provisioner,
   * which alone holds DeleteTable rights, invoked synchronously).
   */
  dropTenantTable: (tenantId: string) => Promise<void>;
  /**
   * The value CloudFront's origin-verify header carries (AWS): only requests with it are trusted to name
   * the client's address in CloudFront's headers (http/client-address.ts). Absent locally.
   */
  originSecret?: string;
  /** Attachments' object store (S3 in AWS, the local S3-protocol server locally); absent → attachments 503. */
  files?: ObjectStore;
  /** The console's index.html, served by the api with the security headers (AWS China only). */
  consolePage?: { file: string; connectSources: string[] };
  /** Low-level client (local mode only: table creation runs in-process). */
  dynamo?: DynamoDBClient;
}

export function controlRepositories(doc: Doc, tableName: string): AppDeps["control"] {
  return {
    doc,
    tableName,
    tenants: new TenantsRepository(doc, tableName),
    platformUsers: new PlatformUsersRepository(doc, tableName),
    exports: new ExportsRepository(doc, tableName),
  };
}
