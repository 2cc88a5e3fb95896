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
