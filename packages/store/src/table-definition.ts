/**
 * The one definition of Weiquan's tables. Tenant tables are created at onboarding from
 * `tenantTableDefinition` (never by hand); the control table is created by CDK in AWS and by the
 * local runtime from `controlTableDefinition`. CDK reads the same constants so both agree.
 */

export interface KeyPair {
  partitionKey: string;
  sortKey: string;
}

export interface TableDefinition {
  keys: KeyPair;
  /** Global secondary indexes, all projecting ALL attributes. */
  indexes: Record<string, KeyPair>;
  /** Attribute holding an epoch-seconds expiry (idempotency records, rate-limit counters). */
  ttlAttribute: string;
  streams: boolean;
  pointInTimeRecovery: boolean;
  deletionProtection: boolean;
}

export const tenantTableDefinition: TableDefinition = {
  keys: { partitionKey: "PK", sortKey: "SK" },
  indexes: {
    GSI1: { partitionKey: "GSI1PK", sortKey: "GSI1SK" },
    GSI2: { partitionKey: "GSI2PK", sortKey: "GSI2SK" },
  },
  ttlAttribute: "ttl",
  streams: true,
  pointInTimeRecovery: true,
  deletionProtection: true,
};

export const controlTableDefinition: TableDefinition = {
  keys: { partitionKey: "PK", sortKey: "SK" },
  indexes: {
    GSI1: { partitionKey: "GSI1PK", sortKey: "GSI1SK" },
  },
  ttlAttribute: "ttl",
  streams: false,
  pointInTimeRecovery: true,
  deletionProtection: true,
};

export const controlTableName = (stage: string) => `${stage}-control`;
export const tenantTableName = (stage: string, tenantId: string) => `${stage}-tenant-${tenantId}`;
/** Prefix every tenant table of a stage shares: the IAM scope of the data-access role. */
export const tenantTablePrefix = (stage: string) => `${stage}-tenant-`;

/**
 * A stage name: it prefixes every table, and the grants of one stage name `{stage}-tenant-*`. So it is
 * short, lower-case, and never contains `tenant` — otherwise the stage `a` could reach the tables of a
 * stage `a-tenant-x` (`a-tenant-x-tenant-…` matches `a-tenant-*`).
 */
export function stageNameProblem(stage: string): string | null {
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage))
    return `stage "${stage}" must be 1-20 characters of a-z, 0-9 and -, starting with a letter`;
  if (stage.includes("tenant"))
    return `stage "${stage}" must not contain "tenant" (it would overlap tenant-table grants)`;
  if (stage.endsWith("-")) return `stage "${stage}" must not end with "-"`;
  return null;
}
