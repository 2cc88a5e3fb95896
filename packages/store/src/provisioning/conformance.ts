import type { TableDescription } from "@aws-sdk/client-dynamodb";
import type { KeyPair, TableDefinition } from "../table-definition.ts";

/**
 * What DynamoDB says about one table: DescribeTable, DescribeContinuousBackups, DescribeTimeToLive and
 * ListTagsOfResource. `null` where this DynamoDB cannot tell (DynamoDB Local has no backups or tags):
 * that aspect is listed as unchecked, never as a drift.
 */
export interface TableState {
  table: TableDescription;
  pointInTimeRecovery: boolean | null;
  ttl: { status: string; attribute: string | null };
  tags: Record<string, string> | null;
  /** False on DynamoDB Local, which never describes encryption (in AWS no description is the owned key). */
  encryptionReported: boolean;
}

/** How a drift is put right in place; `null` on a drift means report only (the table must be rebuilt). */
export type DriftFix =
  | { kind: "createIndex"; index: string }
  | { kind: "billing" }
  | { kind: "sse" }
  | { kind: "streams" }
  | { kind: "deletionProtection" }
  | { kind: "pointInTimeRecovery" }
  | { kind: "ttl" }
  | { kind: "tags"; tags: Record<string, string> };

export interface Drift {
  /** What differs, e.g. `key schema`, `index GSI2`, `ttl`, `tag weiquan:county`. */
  aspect: string;
  expected: string;
  found: string;
  fix: DriftFix | null;
}

export interface Conformance {
  drifts: Drift[];
  /** Aspects this DynamoDB could not report (DynamoDB Local: encryption, point-in-time recovery, tags). */
  unchecked: string[];
}

type KeyElement = { AttributeName?: string; KeyType?: string };
const keysOf = (schema: KeyElement[] | undefined) => {
  const name = (type: string) => schema?.find((k) => k.KeyType === type)?.AttributeName ?? "-";
  return `${name("HASH")} / ${name("RANGE")}`;
};
const keysText = (k: KeyPair) => `${k.partitionKey} / ${k.sortKey}`;
const onOff = (on: boolean) => (on ? "on" : "off");

function indexDrifts(table: TableDescription, def: TableDefinition): Drift[] {
  // An index being deleted is as good as gone: --fix waits for it to go, then adds it again.
  const found = new Map(
    (table.GlobalSecondaryIndexes ?? [])
      .filter((i) => i.IndexStatus !== "DELETING")
      .map((i) => [i.IndexName ?? "", i]),
  );
  const drifts: Drift[] = [];
  for (const [name, keys] of Object.entries(def.indexes)) {
    const index = found.get(name);
    const aspect = `index ${name}`;
    const expected = `${keysText(keys)}, projection ALL`;
    if (!index) {
      drifts.push({ aspect, expected, found: "missing", fix: { kind: "createIndex", index: name } });
      continue;
    }
    const actual = `${keysOf(index.KeySchema)}, projection ${index.Projection?.ProjectionType ?? "-"}`;
    // An index's keys and projection cannot change in place: dropping and rebuilding it is a decision.
    if (actual !== expected) drifts.push({ aspect, expected, found: actual, fix: null });
  }
  for (const name of found.keys()) {
    if (!(name in def.indexes))
      drifts.push({ aspect: `index ${name}`, expected: "absent", found: "present", fix: null });
  }
  return drifts;
}

function settingDrifts(table: TableDescription, def: TableDefinition, sseReported: boolean): Drift[] {
  const drifts: Drift[] = [];
  const billing = table.BillingModeSummary?.BillingMode ?? "PROVISIONED";
  if (billing !== "PAY_PER_REQUEST")
    drifts.push({
      aspect: "billing mode",
      expected: "PAY_PER_REQUEST",
      found: billing,
      fix: { kind: "billing" },
    });
  // CreateTable asks for SSE with the AWS-managed KMS key (SSEType KMS); no description is the owned key.
  const sse = table.SSEDescription;
  const sseFound = sse ? `${sse.SSEType ?? "-"} ${sse.Status ?? "-"}` : "AWS owned key";
  if (sseReported && sse?.Status !== "ENABLED" && sse?.Status !== "UPDATING")
    drifts.push({ aspect: "encryption", expected: "KMS ENABLED", found: sseFound, fix: { kind: "sse" } });
  const stream = table.StreamSpecification;
  const streamOn = stream?.StreamEnabled === true;
  if (def.streams && !streamOn)
    drifts.push({ aspect: "stream", expected: "NEW_AND_OLD_IMAGES", found: "off", fix: { kind: "streams" } });
  else if (def.streams && stream?.StreamViewType !== "NEW_AND_OLD_IMAGES")
    drifts.push({
      aspect: "stream",
      expected: "NEW_AND_OLD_IMAGES",
      found: `${stream?.StreamViewType}`,
      fix: null,
    });
  else if (!def.streams && streamOn)
    drifts.push({ aspect: "stream", expected: "off", found: `${stream?.StreamViewType}`, fix: null });
  const protection = table.DeletionProtectionEnabled === true;
  if (protection !== def.deletionProtection)
    drifts.push({
      aspect: "deletion protection",
      expected: onOff(def.deletionProtection),
      found: onOff(protection),
      fix: { kind: "deletionProtection" },
    });
  return drifts;
}

function ttlDrifts(ttl: TableState["ttl"], def: TableDefinition): Drift[] {
  const on = ttl.status === "ENABLED" || ttl.status === "ENABLING";
  const found = on ? `${ttl.attribute} (${ttl.status})` : ttl.status;
  if (!on) return [{ aspect: "ttl", expected: def.ttlAttribute, found, fix: { kind: "ttl" } }];
  // Another attribute: switching needs TTL off first, and DynamoDB then refuses changes for an hour.
  if (ttl.attribute !== def.ttlAttribute)
    return [{ aspect: "ttl", expected: def.ttlAttribute, found, fix: null }];
  return [];
}

function tagDrifts(tags: Record<string, string>, expected: Record<string, string>): Drift[] {
  return Object.entries(expected)
    .filter(([key, value]) => tags[key] !== value)
    .map(([key, value]) => ({
      aspect: `tag ${key}`,
      expected: value,
      found: tags[key] ?? "missing",
      fix: { kind: "tags" as const, tags: { [key]: value } },
    }));
}

/**
 * A table against the shared definition: key schema, indexes (names, keys, projection), billing mode,
 * encryption, stream, deletion protection, point-in-time recovery, TTL and the expected tags (extra tags
 * are the operator's own and left alone). Each drift says what is expected, what was found, and how it is
 * fixed in place — or `fix: null` when it cannot be (a wrong key schema: report only).
 */
export function compareTable(
  state: TableState,
  def: TableDefinition,
  tags: Record<string, string>,
): Conformance {
  const drifts: Drift[] = [];
  const unchecked: string[] = [];
  const keys = keysOf(state.table.KeySchema);
  if (keys !== keysText(def.keys))
    drifts.push({ aspect: "key schema", expected: keysText(def.keys), found: keys, fix: null });
  drifts.push(...indexDrifts(state.table, def), ...settingDrifts(state.table, def, state.encryptionReported));
  if (!state.encryptionReported) unchecked.push("encryption");
  if (state.pointInTimeRecovery === null) unchecked.push("point-in-time recovery");
  else if (state.pointInTimeRecovery !== def.pointInTimeRecovery)
    drifts.push({
      aspect: "point-in-time recovery",
      expected: onOff(def.pointInTimeRecovery),
      found: onOff(state.pointInTimeRecovery),
      fix: def.pointInTimeRecovery ? { kind: "pointInTimeRecovery" } : null,
    });
  drifts.push(...ttlDrifts(state.ttl, def));
  if (state.tags === null) unchecked.push("tags");
  else drifts.push(...tagDrifts(state.tags, tags));
  return { drifts, unchecked };
}
