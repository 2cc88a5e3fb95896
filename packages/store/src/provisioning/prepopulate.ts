import { createHash } from "node:crypto";
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { CountyDivisions } from "@weiquan/divisions";
import {
  defaultTemplates,
  fourOnesOf,
  placeName,
  type UnifiedTemplates,
  unitNameFrom,
} from "@weiquan/domain";
import { T } from "../keys.ts";
import type { UnitRecord } from "../tenant/units.ts";
import type { TenantTable } from "../tenant-access.ts";

const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";

/**
 * The id of the unit pre-populated for a division: 26 Crockford base32 characters (like the ulids of
 * other units) hashed from tenant and 12-digit code, so a retried provisioning writes the same items
 * again instead of new ones, and two tenants of one county never share a unit id.
 */
export function divisionUnitId(tenantId: string, divisionCode: string): string {
  const digest = createHash("sha256").update(`${tenantId}/division/${divisionCode}`).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 17)) bits = (bits << 8n) | BigInt(byte);
  let id = "";
  for (let i = 0; i < 26; i++) {
    id = CROCKFORD[Number(bits & 31n)]! + id;
    bits >>= 5n;
  }
  return id;
}

/**
 * Townships / streets become planned stations under the bureau, villages / communities planned points
 * under their township's station; named by the tenant's 统一名称 patterns from the places in the division
 * data, with its 12-digit codes; 四个一 all unmet.
 */
export function divisionUnits(
  tenantId: string,
  root: Pick<UnitRecord, "id" | "path">,
  divisions: CountyDivisions,
  at: string,
  templates: Pick<UnifiedTemplates, "stationNamePattern" | "pointNamePattern"> = defaultTemplates,
): UnitRecord[] {
  const facts = { staff: undefined, plaque: false, phone: undefined, ledger: null };
  const standards = fourOnesOf(facts);
  const unit = (
    parent: Pick<UnitRecord, "id" | "path">,
    type: "station" | "point",
    code: string,
    name: string,
  ) => {
    const id = divisionUnitId(tenantId, code);
    return {
      id,
      parentId: parent.id,
      type,
      name,
      code,
      ...facts,
      status: "planned",
      version: 1,
      standards,
      path: `${parent.path}/${id}`,
      createdAt: at,
      updatedAt: at,
    } satisfies UnitRecord;
  };
  const units: UnitRecord[] = [];
  for (const t of divisions.townships) {
    const station = unit(
      root,
      "station",
      t.code,
      unitNameFrom(templates.stationNamePattern, placeName(t.name)),
    );
    units.push(station);
    for (const v of t.villages)
      units.push(unit(station, "point", v.code, unitNameFrom(templates.pointNamePattern, placeName(v.name))));
  }
  return units;
}

const BATCH = 25; // BatchWriteItem's limit
const PARALLEL = 8;

/**
 * Writes the units with BatchWriteItem, several batches at a time, re-sending unprocessed items with
 * backoff. Plain puts are safe here: ids are deterministic and the tenant is still `provisioning`
 * (nobody can log in to edit a unit), so a retried run rewrites identical items.
 */
export async function writeUnitsInBatches(table: TenantTable, units: UnitRecord[]): Promise<void> {
  const batches: UnitRecord[][] = [];
  for (let i = 0; i < units.length; i += BATCH) batches.push(units.slice(i, i + BATCH));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      await writeBatch(table, batch);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, batches.length) }, worker));
}

async function writeBatch(table: TenantTable, batch: UnitRecord[]) {
  type Request = { PutRequest: { Item: Record<string, unknown> } };
  let requests: Request[] = batch.map((u) => ({
    PutRequest: { Item: { ...T.unit(u.id), ...T.unitIndex(u.path), ...u } },
  }));
  for (let attempt = 0; requests.length > 0; attempt++) {
    if (attempt > 0) {
      if (attempt > 8) throw new Error(`BatchWriteItem left ${requests.length} units unprocessed`);
      await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt) * Math.random()));
    }
    const out = await table.doc.send(
      new BatchWriteCommand({ RequestItems: { [table.tableName]: requests } }),
    );
    requests = (out.UnprocessedItems?.[table.tableName] ?? []) as Request[];
  }
}
