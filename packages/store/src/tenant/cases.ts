import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Case, CaseSummary, TimelineEvent } from "@weiquan/domain";
import { decodeCursor, encodeCursor } from "../cursor.ts";
import { T, withoutKeys } from "../keys.ts";
import { queryPages } from "../query.ts";
import type { TenantTable } from "../tenant-access.ts";
import { type TransactItem, transact } from "../writes.ts";

/** A case as stored: the API shape without the per-caller fields, plus what visibility needs. */
export interface CaseRecord
  extends Omit<Case, "canHandle" | "allowedActions" | "masked" | "overdue" | "dueSoon" | "paused"> {
  /** Materialized path of the handling unit (`unitId`): who may act on the case. */
  handlerPath: string;
  /** Every unit whose ledger lists the case: the ancestors of each unit that has held it. */
  ledgerUnits: string[];
  createdByName: string;
  /** The deadline the overdue sweep last noticed (so each lapse is notified once). */
  overdueNoticed?: string;
}

/** Counters to add to a unit's month of figures. */
export interface RollupDelta {
  unitIds: string[];
  month: string;
  counters: Record<string, number>;
}

export interface CaseWrite {
  record: CaseRecord;
  /** The version the change was made against; absent for a new case. */
  expectedVersion?: number;
  events: TimelineEvent[];
  rollups: RollupDelta[];
  /** Extra items of the same transaction (tracking counter and pointer, idempotency record). */
  extra?: TransactItem[];
}

export type CaseWriteResult = { ok: true } | { ok: false; stale: boolean; extraFailed: number[] };

export interface LedgerFilter {
  statuses?: string[];
  kind?: string;
  /** This category code or any sub-code below it. */
  category?: string;
  /** Only cases handled by this unit now (not its whole subtree). */
  onlyUnitId?: string;
  /** Running deadline before this instant (overdue). */
  dueBefore?: string;
  /** Running deadline within [now, until] (due soon). */
  dueWithin?: { from: string; until: string };
  text?: string;
  fromTime?: string;
  toTime?: string;
}

export type LedgerRow = CaseSummary & { search: string; dueBy: string | null };

export class CasesRepository {
  constructor(private readonly t: TenantTable) {}

  async get(id: string): Promise<CaseRecord | null> {
    const out = await this.t.doc.send(
      new GetCommand({ TableName: this.t.tableName, Key: T.case(id), ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<CaseRecord>(out.Item) : null;
  }

  /** The case and its timeline in one query (they share a partition). */
  async getWithTimeline(id: string): Promise<{ record: CaseRecord; timeline: TimelineEvent[] } | null> {
    let record: CaseRecord | null = null;
    const timeline: TimelineEvent[] = [];
    for await (const page of queryPages(this.t.doc, {
      TableName: this.t.tableName,
      KeyConditionExpression: "PK = :pk",
      ExpressionAttributeValues: { ":pk": T.case(id).PK },
      ConsistentRead: true,
    })) {
      for (const item of page.Items ?? []) {
        if (item.SK === "CASE") record = withoutKeys<CaseRecord>(item);
        else timeline.push(withoutKeys<TimelineEvent>(item));
      }
    }
    return record ? { record, timeline } : null;
  }

  async idByTrackingNo(trackingNo: string): Promise<string | null> {
    const out = await this.t.doc.send(
      new GetCommand({ TableName: this.t.tableName, Key: T.tracking(trackingNo), ConsistentRead: true }),
    );
    return (out.Item?.caseId as string | undefined) ?? null;
  }

  /** The last sequence number used on a day (0 if none yet). */
  async lastSeq(day: string): Promise<number> {
    const out = await this.t.doc.send(
      new GetCommand({ TableName: this.t.tableName, Key: T.caseCounter(day), ConsistentRead: true }),
    );
    return (out.Item?.seq as number | undefined) ?? 0;
  }

  /** The counter move that claims `seq` for `day`: fails unless the day's last number is `seq - 1`. */
  claimSeq(day: string, seq: number): TransactItem {
    return {
      Update: {
        TableName: this.t.tableName,
        Key: T.caseCounter(day),
        UpdateExpression: "SET seq = :next",
        ConditionExpression: seq === 1 ? "attribute_not_exists(PK)" : "seq = :prev",
        ExpressionAttributeValues: seq === 1 ? { ":next": seq } : { ":next": seq, ":prev": seq - 1 },
      },
    };
  }

  trackingPointer(trackingNo: string, caseId: string): TransactItem {
    return {
      Put: {
        TableName: this.t.tableName,
        Item: { ...T.tracking(trackingNo), caseId },
        ConditionExpression: "attribute_not_exists(PK)",
      },
    };
  }

  /**
   * Writes the case, its new timeline events, its ledger rows and the rollup counters in one
   * transaction: all or nothing, guarded by the case's version.
   */
  async write(w: CaseWrite): Promise<CaseWriteResult> {
    const { record } = w;
    const caseItem: Record<string, unknown> = { ...T.case(record.id), ...record };
    if (record.dueBy && record.status !== "closed")
      Object.assign(caseItem, T.caseDueIndex(record.dueBy, record.id));
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.t.tableName,
          Item: caseItem,
          ConditionExpression: w.expectedVersion === undefined ? "attribute_not_exists(PK)" : "version = :v",
          ExpressionAttributeValues:
            w.expectedVersion === undefined ? undefined : { ":v": w.expectedVersion },
        },
      },
      ...w.events.map((e, i) => ({
        Put: {
          TableName: this.t.tableName,
          Item: { ...T.caseEvent(record.id, e.at, record.version * 10 + i), ...e },
        },
      })),
      ...record.ledgerUnits.map((unitId) => ({
        Put: {
          TableName: this.t.tableName,
          Item: { ...T.ledgerEntry(unitId, record.receivedAt, record.id), ...ledgerRow(record) },
        },
      })),
      ...w.rollups.flatMap((r) => r.unitIds.map((unitId) => this.rollupUpdate(unitId, r.month, r.counters))),
    ];
    const extraStart = items.length;
    items.push(...(w.extra ?? []));
    const result = await transact(this.t.doc, items);
    if (result.ok) return result;
    return {
      ok: false,
      stale: result.failed.includes(0),
      extraFailed: result.failed.filter((i) => i >= extraStart).map((i) => i - extraStart),
    };
  }

  private rollupUpdate(unitId: string, month: string, counters: Record<string, number>): TransactItem {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ":u": unitId, ":m": month };
    const adds = Object.entries(counters).map(([k, v], i) => {
      names[`#c${i}`] = k;
      values[`:c${i}`] = v;
      return `#c${i} :c${i}`;
    });
    return {
      Update: {
        TableName: this.t.tableName,
        Key: T.rollup(unitId, month),
        UpdateExpression: `SET unitId = :u, #month = :m${adds.length ? ` ADD ${adds.join(", ")}` : ""}`,
        ExpressionAttributeNames: { ...names, "#month": "month" },
        ExpressionAttributeValues: values,
      },
    };
  }

  /**
   * A page of a unit's ledger, newest first, filtered. Reads on until `limit` rows match or the ledger
   * ends; the cursor is the key of the last row returned, so nothing is skipped or repeated.
   */
  async ledger(
    unitId: string,
    filter: LedgerFilter,
    limit: number,
    cursor?: string,
  ): Promise<{ items: LedgerRow[]; nextCursor: string | null }> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ":pk": T.ledger(unitId) };
    const conditions: string[] = [];
    if (filter.statuses?.length) {
      names["#status"] = "status";
      const keys = filter.statuses.map((s, i) => {
        values[`:s${i}`] = s;
        return `:s${i}`;
      });
      conditions.push(`#status IN (${keys.join(", ")})`);
    }
    if (filter.kind) {
      names["#kind"] = "kind";
      values[":kind"] = filter.kind;
      conditions.push("#kind = :kind");
    }
    if (filter.category) {
      values[":cat"] = filter.category;
      values[":catBelow"] = `${filter.category}.`;
      conditions.push("(category = :cat OR begins_with(category, :catBelow))");
    }
    if (filter.onlyUnitId) {
      values[":unit"] = filter.onlyUnitId;
      conditions.push("unitId = :unit");
    }
    if (filter.dueBefore) {
      values[":dueBefore"] = filter.dueBefore;
      conditions.push("dueBy < :dueBefore");
    }
    if (filter.dueWithin) {
      values[":dueFrom"] = filter.dueWithin.from;
      values[":dueUntil"] = filter.dueWithin.until;
      conditions.push("dueBy BETWEEN :dueFrom AND :dueUntil");
    }
    if (filter.text) {
      values[":q"] = filter.text.toLowerCase();
      names["#search"] = "search";
      conditions.push("contains(#search, :q)");
    }
    let keyCondition = "PK = :pk";
    if (filter.fromTime || filter.toTime) {
      values[":from"] = filter.fromTime ?? "0000";
      values[":to"] = `${filter.toTime ?? "9999"}~`;
      keyCondition += " AND SK BETWEEN :from AND :to";
    }
    const items: LedgerRow[] = [];
    let start = decodeCursor(cursor, ["PK", "SK"]);
    if (start && start.PK !== values[":pk"]) start = undefined;
    let more = true;
    while (items.length < limit && more) {
      const out = await this.t.doc.send(
        new QueryCommand({
          TableName: this.t.tableName,
          KeyConditionExpression: keyCondition,
          FilterExpression: conditions.length ? conditions.join(" AND ") : undefined,
          ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          ExclusiveStartKey: start,
          // Without a filter a page is exactly what is asked; with one, read ahead in bigger pages.
          Limit: conditions.length ? Math.max(200, limit * 4) : limit - items.length,
        }),
      );
      const page = out.Items ?? [];
      let taken = 0;
      for (const item of page) {
        if (items.length === limit) break;
        items.push(withoutKeys<LedgerRow>(item));
        taken++;
      }
      // More remain if this page had rows left over or the query has further pages.
      more = taken < page.length || Boolean(out.LastEvaluatedKey);
      if (more && items.length < limit) start = out.LastEvaluatedKey as Record<string, string>;
    }
    const last = items.at(-1);
    const nextCursor =
      more && last
        ? encodeCursor(T.ledgerEntry(unitId, last.receivedAt, last.id) as Record<string, string>)
        : null;
    return { items, nextCursor };
  }

  /** Open cases whose running deadline passed before `now`, oldest deadline first. */
  async dueBefore(now: string): Promise<CaseRecord[]> {
    const out: CaseRecord[] = [];
    for await (const page of queryPages(this.t.doc, {
      TableName: this.t.tableName,
      IndexName: "GSI2",
      KeyConditionExpression: "GSI2PK = :pk AND GSI2SK < :now",
      ExpressionAttributeValues: { ":pk": "DUE", ":now": now },
    })) {
      for (const i of page.Items ?? []) out.push(withoutKeys<CaseRecord>(i));
    }
    return out;
  }

  /** Does any case list this unit in its ledger (held now or ever by it or a unit below it)? */
  async anyInLedger(unitId: string): Promise<boolean> {
    const out = await this.t.doc.send(
      new QueryCommand({
        TableName: this.t.tableName,
        KeyConditionExpression: "PK = :pk",
        ExpressionAttributeValues: { ":pk": T.ledger(unitId) },
        Limit: 1,
      }),
    );
    return (out.Items ?? []).length > 0;
  }

  /** How many cases a unit handles now that are not closed (a unit with open cases cannot be closed). */
  async openCount(unitId: string): Promise<number> {
    let count = 0;
    for await (const page of queryPages(this.t.doc, {
      TableName: this.t.tableName,
      KeyConditionExpression: "PK = :pk",
      FilterExpression: "unitId = :u AND #status <> :closed",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":pk": T.ledger(unitId), ":u": unitId, ":closed": "closed" },
      Select: "COUNT",
    })) {
      count += page.Count ?? 0;
    }
    return count;
  }
}

/** The ledger row of a case: list columns only, personal data masked, plus the free-text field. */
function ledgerRow(r: CaseRecord): LedgerRow {
  return {
    id: r.id,
    trackingNo: r.trackingNo,
    kind: r.kind,
    channel: r.channel,
    status: r.status,
    unitId: r.unitId,
    originUnitId: r.originUnitId,
    category: r.category,
    subject: r.subject,
    amountFen: r.amountFen,
    recoveredFen: r.recoveredFen,
    receivedAt: r.receivedAt,
    deadlines: r.deadlines,
    dueBy: r.status === "closed" ? null : r.dueBy,
    overdue: false,
    dueSoon: false,
    paused: (r.pauses ?? []).some((p) => !p.to),
    version: r.version,
    updatedAt: r.updatedAt,
    consumerName: r.consumer.name ? maskedName(r.consumer.name) : null,
    businessName: r.business.name ?? null,
    search: [r.trackingNo, r.subject, r.business.name ?? ""].join(" ").toLowerCase(),
  };
}

function maskedName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? "*" : `${chars[0]}${"*".repeat(chars.length - 1)}`;
}
