import type { IncomingMessage } from "node:http";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import {
  addCounters,
  type Counters,
  countersForAction,
  countersForCreate,
  nationalCategories,
} from "@weiquan/domain";
import { makeHandler } from "@weiquan/fn-api";
import { DEMO_COUNTY, DEMO_PASSWORD, startLocalStack, toEvent } from "@weiquan/local";
import { batchWrite, RollupsRepository, T, UnitsRepository } from "@weiquan/store";
import type { Context } from "aws-lambda";
import { percentile, round, sample } from "./lib.ts";

const ctx = {
  awsRequestId: "bench",
  functionName: "bench",
  getRemainingTimeInMillis: () => 29_000,
} as unknown as Context;

function event(method: string, url: string, headers: Record<string, string>, body?: unknown) {
  const req = { method, url, headers, httpVersion: "1.1", socket: { remoteAddress: "127.0.0.1" } };
  const buf = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
  return toEvent(req as unknown as IncomingMessage, buf);
}

/** Two years of months: the dashboard below asks for all of them (the worst case of a period). */
const MONTHS = Array.from(
  { length: 24 },
  (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
);
const FROM = MONTHS[0]!;
const TO = MONTHS.at(-1)!;
/** Overdue cases are a backlog, not a share of history: the same 50 at every scale. */
const OVERDUE_BACKLOG = 50;

/**
 * Dashboard cost at 1k, 10k and 100k cases in one tenant. The cases' ledger rows (in the bureau's
 * ledger, the partition every case is listed in) and the rollup items they add up to are bulk-written
 * straight into DynamoDB Local; then the dashboard's two requests (summary and categories, two years)
 * run through the real handler. The figures read only rollup items (units × months) and the units'
 * gauges (one item a unit), so latency and capacity stay flat while the ledger grows a hundredfold.
 */
export async function figuresScale(opts: { levels: number[]; runs: number }) {
  const stack = await startLocalStack({ seedDemo: true });
  try {
    const { deps } = stack;
    const handler = makeHandler(deps);
    const json = { "content-type": "application/json", host: "localhost" };
    const loginBody = { tenant: DEMO_COUNTY.countyCode, username: "bureau", password: DEMO_PASSWORD };
    const first = (await handler(event("POST", "/v1/auth/login", json, loginBody), ctx)) as { body: string };
    const { token } = JSON.parse(first.body);
    const auth = { authorization: `Bearer ${token}`, host: "localhost" };
    const tenant = (await deps.control.tenants.getByCountyCode(DEMO_COUNTY.countyCode))!;
    const table = await deps.tenantAccess.forTenant(tenant.id);
    const units = await new UnitsRepository(table).listByPath();
    const root = units.find((u) => !u.parentId)!;
    const points = units.filter((u) => u.type === "point");
    const pathOf = new Map(units.map((u) => [u.id, u.path]));

    // The overdue backlog: open cases whose deadline has passed, on the deadline index.
    await batchWrite(
      table,
      Array.from({ length: OVERDUE_BACKLOG }, (_, i) => {
        const p = points[i % points.length]!;
        const id = `bench-overdue-${i}`;
        return {
          PutRequest: {
            Item: {
              ...T.case(id),
              ...T.caseDueIndex(`2025-01-${String((i % 28) + 1).padStart(2, "0")}T23:59:59+08:00`, id),
              id,
              status: "registered",
              kind: "complaint",
              unitId: p.id,
              handlerPath: p.path,
              subject: "逾期未处理的投诉（基准数据）",
            },
          },
        };
      }),
    );

    const rollups = new Map<string, Counters>();
    let written = 0;
    const results: Record<string, number>[] = [];
    for (const level of opts.levels) {
      const t0 = performance.now();
      const ledger: Parameters<typeof batchWrite>[1] = [];
      for (let i = written; i < level; i++) {
        const month = MONTHS[i % MONTHS.length]!;
        const point = points[i % points.length]!;
        const kind = i % 10 < 7 ? "complaint" : i % 10 < 9 ? "consultation" : "report";
        const category = nationalCategories[(i * 7) % nationalCategories.length]!.code;
        const receivedAt = `${month}-${String((i % 28) + 1).padStart(2, "0")}T10:00:00.000+08:00`;
        const id = `bench-${String(i).padStart(7, "0")}`;
        const counters = countersForCreate({ kind, channel: "walk_in", category, nature: "quality" });
        if (kind === "complaint") {
          addCounters(counters, countersForAction({ kind, action: "accept", onTime: i % 5 !== 0 }));
          addCounters(
            counters,
            countersForAction({
              kind,
              action: "resolve",
              recoveredFen: 10_000 + (i % 50) * 100,
              onTime: true,
            }),
          );
          addCounters(counters, countersForAction({ kind, action: "close" }));
          addCounters(
            counters,
            countersForAction({ kind, action: "callback", result: i % 3 ? "satisfied" : "unsatisfied" }),
          );
        }
        for (const unitId of pathOf.get(point.id)!.split("/")) {
          const key = `${unitId}\u0000${month}`;
          rollups.set(key, addCounters(rollups.get(key) ?? {}, counters));
        }
        ledger.push({
          PutRequest: {
            Item: {
              ...T.ledgerEntry(root.id, receivedAt, id),
              id,
              trackingNo: `120115${month.replace("-", "")}01${String(i).padStart(4, "0")}`,
              kind,
              channel: "walk_in",
              status: "closed",
              unitId: point.id,
              originUnitId: point.id,
              category,
              subject: "新买的电冰箱不制冷，商家拒绝退换（基准数据）",
              amountFen: 329_900,
              recoveredFen: 10_000,
              receivedAt,
              deadlines: {},
              dueBy: null,
              version: 5,
              updatedAt: receivedAt,
              consumerName: "张**",
              businessName: "宝坻区惠民家电商店",
              search: `${id} 新买的电冰箱不制冷 宝坻区惠民家电商店`,
            },
          },
        });
      }
      // Sixteen writers at once: DynamoDB Local takes bulk loads faster in parallel.
      const chunk = Math.ceil(ledger.length / 16);
      await Promise.all(
        Array.from({ length: 16 }, (_, k) => batchWrite(table, ledger.slice(k * chunk, (k + 1) * chunk))),
      );
      await Promise.all(
        [...rollups].map(([key, counters]) => {
          const [unitId, month] = key.split("\u0000") as [string, string];
          return table.doc.send(
            new PutCommand({
              TableName: table.tableName,
              Item: { ...T.rollup(unitId, month), unitId, month, ...counters },
            }),
          );
        }),
      );
      written = level;
      const loadMs = performance.now() - t0;

      const summaryEvent = event("GET", `/v1/stats/summary?from=${FROM}&to=${TO}`, auth);
      const categoriesEvent = event("GET", `/v1/stats/categories?from=${FROM}&to=${TO}&kind=complaint`, auth);
      const check = (await handler(summaryEvent, ctx)) as { statusCode: number; body: string };
      const received = JSON.parse(check.body).received as number;
      if (check.statusCode !== 200 || received !== level)
        throw new Error(`summary at ${level}: ${check.statusCode} received=${received}`);
      const summary = await sample(opts.runs, () => handler(summaryEvent, ctx), 30);
      const categories = await sample(opts.runs, () => handler(categoriesEvent, ctx));
      const unitsEvent = event("GET", `/v1/stats/units?from=${FROM}&to=${TO}`, auth);
      const unitTable = await sample(opts.runs, () => handler(unitsEvent, ctx));
      const dashboard = await sample(opts.runs, () =>
        Promise.all([handler(summaryEvent, ctx), handler(categoriesEvent, ctx)]),
      );

      // The figure reads of one dashboard load, with their consumed capacity.
      const repo = new RollupsRepository(table);
      await repo.months(root.id, FROM, TO);
      const summaryRollupRcu = repo.consumed.capacityUnits;
      await repo.gauges([root.id]);
      const overdueRcu = repo.consumed.capacityUnits - summaryRollupRcu;
      await repo.months(root.id, FROM, TO);
      results.push({
        cases: level,
        "load s": round(loadMs / 1000, 1),
        "summary p50 ms": round(percentile(summary, 50)),
        "summary p99 ms": round(percentile(summary, 99)),
        "categories p50 ms": round(percentile(categories, 50)),
        "dashboard p50 ms": round(percentile(dashboard, 50)),
        "dashboard p99 ms": round(percentile(dashboard, 99)),
        [`unit table (${units.length} units) p50 ms`]: round(percentile(unitTable, 50)),
        "rollup items read": repo.consumed.items,
        "rollup RCU": round(summaryRollupRcu * 2, 1),
        "overdue RCU": round(overdueRcu, 1),
        "dashboard RCU": round(repo.consumed.capacityUnits, 1),
      });
    }
    return results;
  } finally {
    await stack.stop();
  }
}
