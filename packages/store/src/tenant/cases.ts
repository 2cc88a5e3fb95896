import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type {
  CaseDecision,
  CaseRecord,
  FiguresDelta,
  GaugeDelta,
  LedgerRow,
  TimelineEvent,
} from "@weiquan/domain";
import { encodeCursor } from "../cursor.ts";
import { T, TQ, withoutKeys } from "../keys.ts";
import { queryOf, queryPages, startOf } from "../query.ts";
import type { TenantTable } from "../tenant-access.ts";
import { type TransactItem, transact } from "../writes.ts";
import { gaugeAdd, rollupAdd } from "./figures-write.ts";
import { NoticesRepository } from "./notices.ts";
import { phoneKeyOf } from "./phone-key.ts";

/** Counters to add to a unit's month of figures (the domain's figures effect). */
export type RollupDelta = FiguresDelta;

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
  /** The consumer's phone equals this one (compared by `phoneKeyOf`, the row holds no number). */
  phone?: string;
  fromTime?: string;
  toTime?: string;
}

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
    for await (const page of queryPages(
      this.t.doc,
      queryOf(this.t.tableName, TQ.caseWithTimeline(id), { ConsistentRead: true }),
    )) {
      for (const item of page.Items ?? []) {
        if (T.isCaseItem(item)) record = withoutKeys<CaseRecord>(item);
        else timeline.push(withoutKeys<TimelineEvent>(item));
      }
    }
    return record ? { record, timeline } : null;
  }

  /**
   * Writes a decision of the domain in one transaction: the case (guarded by the version it was decided
   * on, or new), its timeline entry and every effect — ledger rows, figures, deadline index — plus the
   * caller's `extra` items. All or nothing.
   */
  async write(
    d: CaseDecision,
    opts: { expected?: Pick<CaseRecord, "version" | "overdueNoticed">; extra?: TransactItem[] } = {},
  ): Promise<CaseWriteResult> {
    const { next: record, event, effects } = d;
    // Every ledger row is put whole on each write, so a row moving ledgers, or a phone edited or
    // removed, carries the key of the case as it is now (or none).
    const ledgerRow: Record<string, unknown> = record.consumer.phone
      ? { ...effects.ledger.row, phoneKey: phoneKeyOf(this.t.tenantId, record.consumer.phone) }
      : effects.ledger.row;
    const caseItem: Record<string, unknown> = { ...T.case(record.id), ...record };
    if (effects.due) Object.assign(caseItem, T.caseDueIndex(effects.due, record.id));
    const items: TransactItem[] = [
      { Put: { TableName: this.t.tableName, Item: caseItem, ...asRead(opts.expected) } },
      {
        Put: {
          TableName: this.t.tableName,
          Item: { ...T.caseEvent(record.id, event.at, record.version * 10), ...event },
        },
      },
      ...effects.ledger.unitIds.map((unitId) => ({
        Put: {
          TableName: this.t.tableName,
          Item: { ...T.ledgerEntry(unitId, record.receivedAt, record.id), ...ledgerRow },
        },
      })),
      ...(effects.sampling
        ? [
            {
              Put: {
                TableName: this.t.tableName,
                Item: {
                  ...T.closedComplaint(effects.sampling.month, effects.sampling.unitPath, record.id),
                  ...effects.sampling,
                },
              },
            },
          ]
        : []),
      ...effects.figures.flatMap((r) =>
        r.unitIds.map((unitId) => this.rollupUpdate(unitId, r.month, r.counters)),
      ),
      ...effects.gauges.map((g) => gaugeAdd(this.t.tableName, g.unitId, g.counters)),
      ...effects.notices.flatMap((n) => new NoticesRepository(this.t).draftItems(n)),
    ];
    const extraStart = items.length;
    items.push(...(opts.extra ?? []));
    const result = await transact(this.t.doc, items);
    if (result.ok) return result;
    return {
      ok: false,
      stale: result.failed.includes(0),
      extraFailed: result.failed.filter((i) => i >= extraStart).map((i) => i - extraStart),
    };
  }

  private rollupUpdate(unitId: string, month: string, counters: Record<string, number>): TransactItem {
    return rollupAdd(this.t.tableName, unitId, month, counters);
  }

  /**
   * A page of a unit's ledger, newest first, filtered. A request evaluates at most `LEDGER_READ_BUDGET`
   * rows: a filter that matches rarely answers with fewer items (even none) and a cursor to read on, never
   * with a walk over the whole ledger. The cursor is the key of the last row returned, or of the last row
   * evaluated when the budget ran out, so nothing is skipped or repeated.
   */
  async ledger(
    unitId: string,
    filter: LedgerFilter,
    limit: number,
    cursor?: string,
  ): Promise<{ items: LedgerRow[]; nextCursor: string | null }> {
    const { expression, names, values } = ledgerFilterOf(this.t.tenantId, filter);
    const received: [string, string] | undefined =
      filter.fromTime || filter.toTime
        ? [filter.fromTime ?? "0000", `${filter.toTime ?? "9999"}~`]
        : undefined;
    const p = TQ.ledger(unitId, received);
    const items: LedgerRow[] = [];
    let start = startOf(p, cursor);
    let evaluated = 0;
    let next: Record<string, unknown> | undefined;
    for (let round = 0; round < LEDGER_MAX_QUERIES && items.length < limit; round++) {
      const budget = LEDGER_READ_BUDGET - evaluated;
      if (budget <= 0) break;
      const out = await this.t.doc.send(
        new QueryCommand(
          queryOf(this.t.tableName, p, {
            FilterExpression: expression,
            ...(expression && { ExpressionAttributeNames: names, ExpressionAttributeValues: values }),
            ScanIndexForward: false,
            ExclusiveStartKey: start,
            // Without a filter a page is exactly what is asked; with one, read ahead within the budget.
            Limit: expression ? budget : limit - items.length,
          }),
        ),
      );
      evaluated += out.ScannedCount ?? out.Items?.length ?? 0;
      const page = out.Items ?? [];
      const room = limit - items.length;
      items.push(...page.slice(0, room).map(ledgerRowFrom));
      // Rows of this page left over: the next page starts after the last one returned.
      next =
        page.length > room
          ? T.ledgerEntry(unitId, items.at(-1)!.receivedAt, items.at(-1)!.id)
          : out.LastEvaluatedKey;
      if (!next) break;
      start = next;
    }
    return { items, nextCursor: encodeCursor(next) };
  }

  /** Open cases whose running deadline passed before `now`, oldest deadline first (the sweep, offline). */
  async dueBefore(now: string): Promise<CaseRecord[]> {
    const out: CaseRecord[] = [];
    for await (const page of queryPages(this.t.doc, queryOf(this.t.tableName, TQ.dueBefore(now)))) {
      for (const i of page.Items ?? []) out.push(withoutKeys<CaseRecord>(i));
    }
    return out;
  }

  /**
   * The overdue sweep's mark of a lapse (without a new version: a console holding the case can still act)
   * and the gauges it moves, as transaction items: conditional on the case as the sweep read it.
   */
  overdueMark(c: CaseRecord, gauges: readonly GaugeDelta[]): TransactItem[] {
    return [
      {
        Update: {
          TableName: this.t.tableName,
          Key: T.case(c.id),
          UpdateExpression: "SET overdueNoticed = :due",
          ConditionExpression:
            "version = :v AND dueBy = :due AND (attribute_not_exists(overdueNoticed) OR overdueNoticed <> :due)",
          ExpressionAttributeValues: { ":v": c.version, ":due": c.dueBy },
        },
      },
      ...gauges.map((g) => gaugeAdd(this.t.tableName, g.unitId, g.counters)),
    ];
  }

  /** Does any case list this unit in its ledger (held now or ever by it or a unit below it)? */
  async anyInLedger(unitId: string): Promise<boolean> {
    const out = await this.t.doc.send(
      new QueryCommand(queryOf(this.t.tableName, TQ.ledger(unitId), { Limit: 1 })),
    );
    return (out.Items ?? []).length > 0;
  }
}

/** Rows a ledger request may evaluate, whatever its filter: the bound of one request's reads. */
export const LEDGER_READ_BUDGET = 400;
/** Queries a ledger request may make (a page of 400 rows of ~1 KB fits DynamoDB's 1 MB in one). */
const LEDGER_MAX_QUERIES = 3;

/** A stored ledger row as the domain knows it: without the table's keys and the phone's lookup key. */
function ledgerRowFrom(item: Record<string, unknown>): LedgerRow {
  const { phoneKey: _k, ...row } = withoutKeys<LedgerRow & { phoneKey?: string }>(item);
  return row;
}

/** The filter expression of a ledger request (undefined when nothing is filtered). */
function ledgerFilterOf(tenantId: string, filter: LedgerFilter) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
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
  if (filter.phone) {
    values[":phoneKey"] = phoneKeyOf(tenantId, filter.phone);
    conditions.push("phoneKey = :phoneKey");
  }
  return { expression: conditions.length ? conditions.join(" AND ") : undefined, names, values };
}

/**
 * The condition of a case's write: new, or still as the decision read it — its version and the overdue
 * sweep's mark, which the sweep sets without a new version (a mark set meanwhile moved the gauges the
 * decision computed from, so it must be decided again).
 */
function asRead(expected: Pick<CaseRecord, "version" | "overdueNoticed"> | undefined) {
  if (!expected) return { ConditionExpression: "attribute_not_exists(PK)" };
  const unmarked = expected.overdueNoticed === undefined;
  return {
    ConditionExpression: `version = :v AND ${unmarked ? "attribute_not_exists(overdueNoticed)" : "overdueNoticed = :noticed"}`,
    ExpressionAttributeValues: unmarked
      ? { ":v": expected.version }
      : { ":v": expected.version, ":noticed": expected.overdueNoticed },
  };
}
