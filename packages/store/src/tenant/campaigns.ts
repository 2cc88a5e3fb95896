import { BatchGetCommand, GetCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Campaign, CampaignCounts, CampaignUnit, CampaignUnitStatus } from "@weiquan/domain";
import { isConditionFailure } from "../client.ts";
import { encodeCursor } from "../cursor.ts";
import { T, TQ, withoutKeys } from "../keys.ts";
import { queryOf, queryPage, queryPages, startOf } from "../query.ts";
import type { TenantTable } from "../tenant-access.ts";
import { type TransactItem, transact, updateVersioned } from "../writes.ts";
import { batchWrite } from "./rollups.ts";

/** A campaign as stored. */
export type CampaignRecord = Campaign;

/** A unit as stored: its path at enrolment (tree order, subtree visibility); `inSample` is joined on read. */
export type CampaignUnitRecord = Omit<CampaignUnit, "inSample" | "lot"> & { path: string };

/** One station's counts (the 街道 of seed 003's progress per township). */
export type CampaignStationRecord = CampaignCounts & { stationId: string; stationName: string; path: string };

/** The drawn sample: which units, from which station. */
export interface CampaignSampleRecord {
  campaignId: string;
  /** With each unit's lot (SHA-256 of `{seed}:{unit id}`), so the printed sample shows how it was drawn. */
  units: { unitId: string; stationId: string; lot: string; path: string }[];
}

/** A filtered unit list reads at most this many pages before answering with what it found and a cursor. */
const MAX_FILTERED_PAGES = 5;

/**
 * Creation campaigns (创建活动): the campaign, one counts item per station, one item per enrolled unit
 * and the sample, in one partition. Every change of a unit moves its station's and the campaign's counts
 * in the same transaction, so progress is read from O(stations) items, never by walking the units.
 */
export class CampaignsRepository {
  constructor(private readonly t: TenantTable) {}

  private header = (c: CampaignRecord) => ({ ...T.campaign(c.id), ...T.campaignIndex(c.year, c.id), ...c });
  private unitItem = (u: CampaignUnitRecord) => ({
    ...T.campaignUnit(u.campaignId, u.unitId),
    ...T.campaignUnitTree(u.campaignId, u.path),
    ...u,
  });

  /**
   * The first step of a new campaign, as transaction items: the campaign (`creating`, so no unit can
   * change yet) and its roster, the ids of the enrolled units (compact: a county's 1,200 points stay far
   * below an item's 400 KB). `fill` then writes the stations and units, `activate` opens the campaign.
   */
  begin(c: CampaignRecord, unitIds: readonly string[]): TransactItem[] {
    const put = (Item: Record<string, unknown>): TransactItem => ({
      Put: { TableName: this.t.tableName, Item, ConditionExpression: "attribute_not_exists(PK)" },
    });
    return [put(this.header({ ...c, status: "creating" })), put({ ...T.campaignRoster(c.id), unitIds })];
  }

  /** The ids of the units a campaign enrolled (empty for a campaign made before rosters were kept). */
  roster = async (id: string): Promise<string[]> =>
    (await this.getItem<{ unitIds: string[] }>(T.campaignRoster(id)))?.unitIds ?? [];

  /**
   * Writes a `creating` campaign's stations and units in parallel batches. Unconditional and so
   * repeatable: nothing of a campaign changes while it is `creating`.
   */
  async fill(id: string, stations: CampaignStationRecord[], units: CampaignUnitRecord[]): Promise<void> {
    const rest = [
      ...stations.map((s) => ({ PutRequest: { Item: { ...T.campaignStation(id, s.stationId), ...s } } })),
      ...units.map((u) => ({ PutRequest: { Item: this.unitItem(u) } })),
    ];
    for (let i = 0; i < rest.length; i += 100)
      await Promise.all(
        [0, 25, 50, 75]
          .filter((k) => i + k < rest.length)
          .map((k) => batchWrite(this.t, rest.slice(i + k, Math.min(i + k + 25, i + 100)))),
      );
  }

  /** Opens a `creating` campaign; answers the campaign as it is now (null if there is none). */
  async activate(id: string): Promise<CampaignRecord | null> {
    const out = await this.t.doc
      .send(
        new UpdateCommand({
          TableName: this.t.tableName,
          Key: T.campaign(id),
          UpdateExpression: "SET #status = :active",
          ConditionExpression: "#status = :creating",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":active": "active", ":creating": "creating" },
          ReturnValues: "ALL_NEW",
        }),
      )
      .catch((e: unknown) => {
        if (isConditionFailure(e)) return null;
        throw e;
      });
    return out?.Attributes ? withoutKeys<CampaignRecord>(out.Attributes) : this.get(id);
  }

  private async getItem<R>(key: Record<string, string>): Promise<R | null> {
    const out = await this.t.doc.send(
      new GetCommand({ TableName: this.t.tableName, Key: key, ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<R>(out.Item) : null;
  }

  get = (id: string) => this.getItem<CampaignRecord>(T.campaign(id));
  getUnit = (id: string, unitId: string) => this.getItem<CampaignUnitRecord>(T.campaignUnit(id, unitId));
  getSample = (id: string) => this.getItem<CampaignSampleRecord>(T.campaignSample(id));

  async list(year: string | undefined, limit: number, cursor?: string) {
    return queryPage<CampaignRecord>(this.t.doc, this.t.tableName, TQ.campaigns(year), limit, cursor, {
      ScanIndexForward: false,
    });
  }

  /** Every station's counts, in tree order: as many items as the campaign has stations. */
  async stations(id: string): Promise<CampaignStationRecord[]> {
    const out: CampaignStationRecord[] = [];
    for await (const page of queryPages(
      this.t.doc,
      queryOf(this.t.tableName, TQ.campaignParts(id, "stations"), { ConsistentRead: true }),
    ))
      for (const i of page.Items ?? []) out.push(withoutKeys<CampaignStationRecord>(i));
    return out.sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /**
   * A page of units in tree order below `pathPrefix`, optionally of one status: a filter that matches
   * rarely answers with fewer units and a cursor after a few pages, never reads on to the end.
   */
  async listUnits(
    id: string,
    opts: { pathPrefix?: string; status?: CampaignUnitStatus },
    limit: number,
    cursor?: string,
  ): Promise<{ items: CampaignUnitRecord[]; nextCursor: string | null }> {
    const p = TQ.campaignUnitTree(id, opts.pathPrefix);
    const items: CampaignUnitRecord[] = [];
    let start = startOf(p, cursor);
    for (let page = 0; page < MAX_FILTERED_PAGES && items.length < limit; page++) {
      const out = await this.t.doc.send(
        new QueryCommand(
          queryOf(this.t.tableName, p, {
            ...(opts.status && {
              FilterExpression: "#status = :s",
              ExpressionAttributeNames: { "#status": "status" },
              ExpressionAttributeValues: { ":s": opts.status },
            }),
            ExclusiveStartKey: start,
            Limit: limit - items.length,
          }),
        ),
      );
      for (const i of out.Items ?? []) items.push(withoutKeys<CampaignUnitRecord>(i));
      start = out.LastEvaluatedKey as Record<string, string> | undefined;
      if (!start) break;
    }
    return { items, nextCursor: encodeCursor(start) };
  }

  /** Every unit of a campaign (drawing the sample): O(enrolled units), an action, never a list request. */
  async allUnits(id: string): Promise<CampaignUnitRecord[]> {
    const out: CampaignUnitRecord[] = [];
    for await (const page of queryPages(
      this.t.doc,
      queryOf(this.t.tableName, TQ.campaignParts(id, "units"), { ConsistentRead: true }),
    ))
      for (const i of page.Items ?? []) out.push(withoutKeys<CampaignUnitRecord>(i));
    return out;
  }

  /** Units by id (a page of the sample), in the order asked; absent ones left out. */
  async unitsById(id: string, unitIds: readonly string[]): Promise<CampaignUnitRecord[]> {
    const found = new Map<string, CampaignUnitRecord>();
    for (let i = 0; i < unitIds.length; i += 100) {
      let keys: Record<string, string>[] = unitIds.slice(i, i + 100).map((u) => T.campaignUnit(id, u));
      for (let attempt = 0; keys.length && attempt < 10; attempt++) {
        const out = await this.t.doc.send(
          new BatchGetCommand({ RequestItems: { [this.t.tableName]: { Keys: keys, ConsistentRead: true } } }),
        );
        for (const item of out.Responses?.[this.t.tableName] ?? []) {
          const u = withoutKeys<CampaignUnitRecord>(item);
          found.set(u.unitId, u);
        }
        keys = (out.UnprocessedKeys?.[this.t.tableName]?.Keys ?? []) as Record<string, string>[];
      }
    }
    return unitIds.flatMap((u) => found.get(u) ?? []);
  }

  /**
   * Writes a unit's change if the unit is still at `expectedVersion` and the campaign active, moving its
   * station's and the campaign's counts in the same transaction.
   */
  async changeUnit(
    next: CampaignUnitRecord,
    expectedVersion: number,
    delta: Record<string, number>,
    at: string,
  ): Promise<"ok" | "stale" | "not_active"> {
    const adds = Object.keys(delta);
    const values = Object.fromEntries(adds.map((k, i) => [`:d${i}`, delta[k]]));
    const out = await transact(this.t.doc, [
      {
        Put: {
          TableName: this.t.tableName,
          Item: this.unitItem(next),
          ConditionExpression: "version = :v",
          ExpressionAttributeValues: { ":v": expectedVersion },
        },
      },
      {
        Update: {
          TableName: this.t.tableName,
          Key: T.campaignStation(next.campaignId, next.stationId),
          UpdateExpression: `ADD ${adds.map((_, i) => `#k${i} :d${i}`).join(", ")}`,
          ExpressionAttributeNames: Object.fromEntries(adds.map((k, i) => [`#k${i}`, k])),
          ExpressionAttributeValues: values,
        },
      },
      {
        Update: {
          TableName: this.t.tableName,
          Key: T.campaign(next.campaignId),
          // ADD works on top-level attributes only: the counts map moves by SET arithmetic.
          UpdateExpression: `SET updatedAt = :at, ${adds.map((_, i) => `#c.#k${i} = #c.#k${i} + :d${i}`).join(", ")}`,
          ConditionExpression: "#status = :active",
          ExpressionAttributeNames: {
            "#c": "counts",
            "#status": "status",
            ...Object.fromEntries(adds.map((k, i) => [`#k${i}`, k])),
          },
          ExpressionAttributeValues: { ...values, ":at": at, ":active": "active" },
        },
      },
    ]);
    if (out.ok) return "ok";
    return out.failed.includes(2) ? "not_active" : "stale";
  }

  /** Records the drawn sample once: false if one was drawn already (or the campaign is not active). */
  async putSample(sample: CampaignSampleRecord, summary: NonNullable<Campaign["sample"]>): Promise<boolean> {
    const out = await transact(this.t.doc, [
      {
        Put: {
          TableName: this.t.tableName,
          Item: { ...T.campaignSample(sample.campaignId), ...sample },
          ConditionExpression: "attribute_not_exists(PK)",
        },
      },
      {
        Update: {
          TableName: this.t.tableName,
          Key: T.campaign(sample.campaignId),
          UpdateExpression: "SET #sample = :s",
          ConditionExpression: "#status = :active AND #sample = :none",
          ExpressionAttributeNames: { "#status": "status", "#sample": "sample" },
          ExpressionAttributeValues: { ":s": summary, ":active": "active", ":none": null },
        },
      },
    ]);
    return out.ok;
  }

  /** Sets a campaign's own fields at `expectedVersion` (counts move without it); null on a stale version. */
  async patch(
    id: string,
    expectedVersion: number,
    set: Record<string, unknown>,
  ): Promise<CampaignRecord | null> {
    const out = await updateVersioned(this.t.doc, this.t.tableName, T.campaign(id), expectedVersion, set);
    return out ? withoutKeys<CampaignRecord>(out) : null;
  }
}
