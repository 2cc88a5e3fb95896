import { BatchGetCommand, BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import {
  addCounters,
  type Counters,
  capacityCountersOf,
  findingGaugeDeltas,
  type Gauge,
  gaugeDeltas,
  type ReplayDelta,
  replayCase,
  supervisionCountersOf,
} from "@weiquan/domain";
import { T, TQ } from "../keys.ts";
import { queryOf, queryPages } from "../query.ts";
import type { TenantTable } from "../tenant-access.ts";
import { CasesRepository } from "./cases.ts";
import { InspectionsRepository } from "./supervision/inspections.ts";
import { UnitsRepository } from "./units.ts";

/** One unit's counters of one month, as the rollup item keeps them. */
export interface MonthRollup {
  month: string;
  counters: Counters;
}

/** Read capacity a figures request consumed (for the benchmark: it must not grow with cases). */
export interface ReadCost {
  capacityUnits: number;
  items: number;
}

const NON_COUNTERS = new Set(["PK", "SK", "unitId", "month"]);

function countersOf(item: Record<string, unknown>): Counters {
  const out: Counters = {};
  for (const [k, v] of Object.entries(item)) if (!NON_COUNTERS.has(k) && typeof v === "number") out[k] = v;
  return out;
}

/**
 * The figures' storage: per unit × month counters written by the case transaction (see
 * `CasesRepository.write`) and read here — a unit's period is one Query on `ROLLUP#{unitId}` with the
 * sort key between two months, so it costs O(months) whatever the number of cases.
 */
export class RollupsRepository {
  constructor(
    private readonly t: TenantTable,
    private readonly cost: ReadCost = { capacityUnits: 0, items: 0 },
  ) {}

  /** What the reads of this repository have consumed so far. */
  get consumed(): ReadCost {
    return this.cost;
  }

  /** The unit's months from `from` to `to` (inclusive) that have any figures, oldest first. */
  async months(unitId: string, from: string, to: string): Promise<MonthRollup[]> {
    const out: MonthRollup[] = [];
    for await (const page of queryPages(
      this.t.doc,
      queryOf(this.t.tableName, TQ.rollupMonths(unitId, from, to), { ReturnConsumedCapacity: "TOTAL" }),
    )) {
      this.cost.capacityUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
      for (const item of page.Items ?? []) {
        this.cost.items++;
        out.push({ month: item.month as string, counters: countersOf(item) });
      }
    }
    return out;
  }

  /**
   * Each unit's counters summed over the months from `from` to `to`: one query per unit, `concurrency`
   * at a time (inside DynamoDB's burst for a large network) — O(units × months) items, never a case.
   */
  async totals(
    unitIds: readonly string[],
    from: string,
    to: string,
    concurrency = 16,
  ): Promise<Map<string, Counters>> {
    const out = new Map<string, Counters>();
    let next = 0;
    const worker = async () => {
      while (next < unitIds.length) {
        const id = unitIds[next++]!;
        const total: Counters = {};
        for (const m of await this.months(id, from, to)) addCounters(total, m.counters);
        out.set(id, total);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, unitIds.length) }, worker));
    return out;
  }

  /** Units' gauges of right now (open and overdue cases of their subtree, open cases of their own). */
  async gauges(unitIds: readonly string[]): Promise<Map<string, Record<Gauge, number>>> {
    const out = new Map<string, Record<Gauge, number>>();
    for (const id of unitIds) out.set(id, { open: 0, openOwn: 0, overdue: 0, overdueFindings: 0 });
    for (let i = 0; i < unitIds.length; i += 100) {
      let keys: Record<string, string>[] = unitIds.slice(i, i + 100).map((id) => T.gauges(id));
      for (let attempt = 0; keys.length; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
        const page = await this.t.doc.send(
          new BatchGetCommand({
            RequestItems: { [this.t.tableName]: { Keys: keys } },
            ReturnConsumedCapacity: "TOTAL",
          }),
        );
        for (const c of page.ConsumedCapacity ?? []) this.cost.capacityUnits += c.CapacityUnits ?? 0;
        for (const item of page.Responses?.[this.t.tableName] ?? []) {
          this.cost.items++;
          out.set(item.unitId as string, gaugesOf(item));
        }
        keys = (page.UnprocessedKeys?.[this.t.tableName]?.Keys ?? []) as Record<string, string>[];
      }
    }
    return out;
  }
}

/** A unit's gauges from its stored item (all zero without one). */
export function gaugesOf(item: Record<string, unknown> | null): Record<Gauge, number> {
  return {
    open: Math.max(0, Number(item?.open ?? 0)),
    openOwn: Math.max(0, Number(item?.openOwn ?? 0)),
    overdue: Math.max(0, Number(item?.overdue ?? 0)),
    overdueFindings: Math.max(0, Number(item?.overdueFindings ?? 0)),
  };
}

export interface RebuildResult {
  cases: number;
  events: number;
  /** Rollup items written (unit × month). */
  written: number;
  /** Stale rollup items removed (a unit × month that no case supports any more). */
  removed: number;
}

/**
 * Recomputes a tenant's rollups from its cases — offline (a job or a script, never a request): pages
 * through the root unit's ledger (every case is listed there), replays each case's timeline with the
 * same counter functions as the write path, and replaces every unit's rollup items with the result; the
 * gauges of right now (open and overdue cases) are recounted from the cases as they stand.
 *
 * Attribution follows the unit tree as it is now: a unit moved under another parent has its whole
 * history counted under the new parents after a rebuild (the write path counted it under the parents of
 * the day). Run it while no cases are written (a maintenance window): counters added by a concurrent
 * transaction between the read and the write would be lost.
 */
export async function rebuildRollups(
  t: TenantTable,
  opts: { pageSize?: number } = {},
): Promise<RebuildResult> {
  const units = await new UnitsRepository(t).listByPath();
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const root = units.find((u) => !u.parentId) ?? units.find((u) => !u.path.includes("/"));
  if (!root) return { cases: 0, events: 0, written: 0, removed: 0 };

  const fresh = new Map<string, Counters>();
  const add = (d: ReplayDelta) => {
    const path = pathOf.get(d.unitId) ?? d.unitId;
    for (const unitId of path.split("/")) {
      const key = `${unitId}\u0000${d.month}`;
      fresh.set(key, addCounters(fresh.get(key) ?? {}, d.counters));
    }
  };

  // The gauges of right now, from each case as it stands (at its handling unit's place in the tree today).
  const gauges = new Map<string, Counters>();
  const cases = new CasesRepository(t);
  let cursor: string | undefined;
  let caseCount = 0;
  let eventCount = 0;
  do {
    const page = await cases.ledger(root.id, {}, opts.pageSize ?? 100, cursor);
    for (const row of page.items) {
      const found = await cases.getWithTimeline(row.id);
      if (!found) continue;
      caseCount++;
      eventCount += found.timeline.length;
      for (const d of replayCase(found.record, found.timeline)) add(d);
      for (const g of gaugeDeltas(null, {
        ...found.record,
        handlerPath: pathOf.get(found.record.unitId) ?? found.record.handlerPath,
      }))
        gauges.set(g.unitId, addCounters(gauges.get(g.unitId) ?? {}, g.counters as Counters));
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  // Keep what cases do not replay (supervision's and capacity's counters), remove what nothing supports any more, then
  // write the fresh items whole.
  const stale: Record<string, string>[] = [];
  for (const u of units) {
    for (const m of await new RollupsRepository(t).months(u.id, "0000-01", "9999-12")) {
      const key = `${u.id}\u0000${m.month}`;
      const kept = { ...supervisionCountersOf(m.counters), ...capacityCountersOf(m.counters) };
      if (Object.keys(kept).length) fresh.set(key, addCounters(fresh.get(key) ?? {}, kept));
      else if (!fresh.has(key)) stale.push(T.rollup(u.id, m.month));
    }
  }
  const puts = [...fresh].map(([key, counters]) => {
    const [unitId, month] = key.split("\u0000") as [string, string];
    return { PutRequest: { Item: { ...T.rollup(unitId, month), unitId, month, ...counters } } };
  });
  // Inspection findings overdue now, as the daily job marked them (the open ones are a small index).
  for (const f of await new InspectionsRepository(t).overdue("9999-12-31"))
    for (const g of findingGaugeDeltas(null, {
      ...f,
      status: "open",
      unitPath: pathOf.get(f.unitId) ?? f.unitPath,
    }))
      gauges.set(g.unitId, addCounters(gauges.get(g.unitId) ?? {}, g.counters as Counters));
  const gaugePuts = units.map((u) => ({
    PutRequest: {
      Item: {
        ...T.gauges(u.id),
        unitId: u.id,
        open: 0,
        openOwn: 0,
        overdue: 0,
        overdueFindings: 0,
        ...gauges.get(u.id),
      },
    },
  }));
  await batchWrite(t, [...stale.map((Key) => ({ DeleteRequest: { Key } })), ...puts, ...gaugePuts]);
  return { cases: caseCount, events: eventCount, written: puts.length, removed: stale.length };
}

type WriteRequest = NonNullable<
  NonNullable<ConstructorParameters<typeof BatchWriteCommand>[0]["RequestItems"]>[string]
>[number];

/** BatchWriteItem in chunks of 25, retrying unprocessed items with a growing pause. */
export async function batchWrite(t: TenantTable, requests: WriteRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending = requests.slice(i, i + 25);
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt)));
      const out = await t.doc.send(new BatchWriteCommand({ RequestItems: { [t.tableName]: pending } }));
      pending = (out.UnprocessedItems?.[t.tableName] ?? []) as WriteRequest[];
      if (attempt > 20 && pending.length) throw new Error("rollup rebuild: DynamoDB kept items unprocessed");
    }
  }
}
