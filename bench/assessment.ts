import type { IncomingMessage } from "node:http";
import {
  addCounters,
  type Counters,
  closedOfReceived,
  countersForAction,
  countersForCreate,
  fourOnesOf,
  inspectionCounters,
  nationalCategories,
  roundItemCounters,
} from "@weiquan/domain";
import { makeHandler } from "@weiquan/fn-api";
import { DEMO_COUNTY, DEMO_PASSWORD, startLocalStack, toEvent } from "@weiquan/local";
import { batchWrite, RollupsRepository, T, type UnitRecord, UnitsRepository } from "@weiquan/store";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { instrument } from "./cases.ts";
import { percentile, printTable, round, writeResults } from "./lib.ts";

export const ctx = {
  awsRequestId: "bench",
  functionName: "bench",
  // The local budget is then its 60 s cap: DynamoDB Local, not the code, is what is slow here.
  getRemainingTimeInMillis: () => 120_000,
} as unknown as Context;

export function event(method: string, url: string, headers: Record<string, string>, body?: unknown) {
  const req = { method, url, headers, httpVersion: "1.1", socket: { remoteAddress: "127.0.0.1" } };
  const buf = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
  return toEvent(req as unknown as IncomingMessage, buf);
}

const YEAR = "2026";
const MONTHS = Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, "0")}`);

/**
 * A county of `stations` stations with `pointsPerStation` points each, under the demo bureau: unit items
 * written straight into DynamoDB Local, one in five points short of the 四个一.
 */
export function network(
  root: UnitRecord,
  stations: number,
  pointsPerStation: number,
  at: string,
): UnitRecord[] {
  const out: UnitRecord[] = [];
  const unit = (id: string, parent: UnitRecord, type: "station" | "point", name: string, i: number) => {
    const facts = {
      staff: { name: "张敏", phone: "13800000000" },
      plaque: true,
      phone: i % 5 === 0 ? undefined : "022-29240000",
      ledger: "electronic" as const,
    };
    const u: UnitRecord = {
      id,
      parentId: parent.id,
      type,
      name,
      ...facts,
      status: "active",
      version: 1,
      standards: fourOnesOf(facts),
      path: `${parent.path}/${id}`,
      createdAt: at,
      updatedAt: at,
    };
    out.push(u);
    return u;
  };
  for (let s = 0; s < stations; s++) {
    const station = unit(
      `bench-st${String(s).padStart(3, "0")}`,
      root,
      "station",
      `基准第${s + 1}镇消费维权服务站`,
      s,
    );
    for (let p = 0; p < pointsPerStation; p++)
      unit(
        `${station.id}-pt${String(p).padStart(3, "0")}`,
        station,
        "point",
        `基准第${s + 1}镇第${p + 1}村服务点`,
        p,
      );
  }
  return out;
}

/**
 * The year's rollups of `cases` cases spread over the points (complaints accepted, mediated, closed and
 * called back; consultations answered and closed), a sampled callback for one in ten complaints and a
 * quarterly inspection of every station — summed per unit × month for the unit and every ancestor,
 * exactly as the write paths count them.
 */
function yearRollups(units: UnitRecord[], cases: number): Map<string, Counters> {
  const points = units.filter((u) => u.type === "point");
  const stations = units.filter((u) => u.type === "station");
  const rollups = new Map<string, Counters>();
  const add = (u: UnitRecord, month: string, c: Counters) => {
    for (const id of u.path.split("/")) {
      const key = `${id}\u0000${month}`;
      rollups.set(key, addCounters(rollups.get(key) ?? {}, c));
    }
  };
  for (let i = 0; i < cases; i++) {
    const month = MONTHS[i % 12]!;
    const point = points[(i * 7919) % points.length]!;
    const kind = i % 10 < 8 ? "complaint" : "consultation";
    const category = nationalCategories[(i * 7) % nationalCategories.length]!.code;
    const c = countersForCreate({
      kind,
      channel: "walk_in",
      category,
      nature: "quality",
      amountFen: i % 4 ? 10_000 : null,
      occurredAt: "2026-01-01T00:00:00+08:00",
    });
    if (kind === "complaint") {
      addCounters(c, countersForAction({ kind, action: "accept", onTime: i % 6 !== 0 }));
      addCounters(c, countersForAction({ kind, action: i % 5 ? "resolve" : "fail", onTime: true }));
      if (i % 20) {
        addCounters(c, countersForAction({ kind, action: "close" }));
        addCounters(c, closedOfReceived);
        if (i % 3) addCounters(c, countersForAction({ kind, action: "callback", result: "satisfied" }));
      }
      if (i % 10 === 0)
        addCounters(c, roundItemCounters({ attempts: 1, callback: { reached: true, result: "satisfied" } }));
    } else {
      addCounters(c, countersForAction({ kind, action: "answer" }));
      addCounters(c, countersForAction({ kind, action: "close" }));
      addCounters(c, closedOfReceived);
    }
    add(point, month, c);
  }
  for (const [i, s] of stations.entries())
    for (const month of ["2026-03", "2026-06", "2026-09", "2026-12"])
      add(
        s,
        month,
        inspectionCounters(
          [{ result: "pass" }, { result: "pass" }, { result: i % 4 ? "pass" : "fail" }, { result: "na" }],
          [
            {
              status: i % 3 ? "verified" : "open",
              dueBy: `${month}-28`,
              rectification: { at: `${month}-20` },
            },
          ],
        ),
      );
  return rollups;
}

const template = (name: string, manual: boolean) => ({
  year: YEAR,
  name,
  appliesTo: ["station", "point"],
  items: [
    { code: "ontime", title: "按时受理", maxPoints: 15, source: "auto", metric: "on_time_acceptance_rate" },
    { code: "closure", title: "办结", maxPoints: 10, source: "auto", metric: "closure_rate" },
    { code: "mediation", title: "调解成功", maxPoints: 10, source: "auto", metric: "mediation_success_rate" },
    { code: "callback", title: "回访", maxPoints: 5, source: "auto", metric: "callback_rate" },
    {
      code: "verified",
      title: "抽查满意",
      maxPoints: 10,
      source: "auto",
      metric: "verified_satisfaction_rate",
      scale: {
        thresholds: [
          { atLeast: 0.95, points: 10 },
          { atLeast: 0.85, points: 6 },
        ],
      },
    },
    { code: "ledger", title: "台账完整", maxPoints: 10, source: "auto", metric: "ledger_completeness" },
    { code: "fourones", title: "四个一", maxPoints: 10, source: "auto", metric: "four_ones" },
    { code: "checks", title: "检查合格", maxPoints: 10, source: "auto", metric: "inspection_pass_rate" },
    {
      code: "rectified",
      title: "整改",
      maxPoints: manual ? 5 : 20,
      source: "auto",
      metric: "findings_rectified_rate",
    },
    ...(manual ? [{ code: "site", title: "现场考评", maxPoints: 15, source: "manual" }] : []),
  ],
  stars: [
    { atLeast: 90, stars: 3 },
    { atLeast: 80, stars: 2 },
    { atLeast: 70, stars: 1 },
  ],
});

/**
 * Making the year's assessment for a county of ~1,200 stations and points and 20,000 cases: the create
 * request through the real handler (every station's and point's year of rollups, one sheet per unit
 * written in batches) against reading the same rollups raw (one query per unit, 16 at a time, no
 * handler) — time and read capacity as ratios. Then finalizing an all-auto assessment (ranks and stars
 * over every sheet) and the first page of the ranking. DynamoDB Local; nothing asserted.
 */
export async function assessmentBenchmark(opts: { quick: boolean }) {
  const runs = opts.quick ? 1 : 3;
  const stationsN = 40;
  const pointsPer = 29;
  const cases = 20_000;
  const stack = await startLocalStack({ seedDemo: true });
  try {
    const { deps } = stack;
    const { state } = instrument(deps.control.doc);
    const handler = makeHandler(deps);
    const call = async (e: APIGatewayProxyEventV2) => {
      const r = (await handler(e, ctx)) as Exclude<APIGatewayProxyResultV2, string>;
      if ((r.statusCode ?? 500) >= 300) throw new Error(`${e.rawPath}: ${r.statusCode} ${r.body}`);
      return JSON.parse(r.body ?? "null");
    };
    const json = { "content-type": "application/json", host: "localhost" };
    const login = async (username: string) =>
      (
        await call(
          event("POST", "/v1/auth/login", json, {
            tenant: DEMO_COUNTY.countyCode,
            username,
            password: DEMO_PASSWORD,
          }),
        )
      ).token as string;
    const admin = { ...json, authorization: `Bearer ${await login("admin")}` };
    const bureau = { ...json, authorization: `Bearer ${await login("bureau")}` };

    const tenant = (await deps.control.tenants.getByCountyCode(DEMO_COUNTY.countyCode))!;
    const table = await deps.tenantAccess.forTenant(tenant.id);
    const root = (await new UnitsRepository(table).listByPath()).find((u) => !u.parentId)!;
    const t0 = performance.now();
    const made = network(root, stationsN, pointsPer, tenant.createdAt);
    const unitItems = made.map((u) => ({
      PutRequest: { Item: { ...T.unit(u.id), ...T.unitIndex(u.path), ...u } },
    }));
    const all = await new UnitsRepository(table).listByPath();
    const everyUnit = [...all.filter((u) => !made.some((m) => m.id === u.id)), ...made];
    const rollupItems = [...yearRollups(everyUnit, cases)].map(([key, counters]) => {
      const [unitId, month] = key.split("\u0000") as [string, string];
      return { PutRequest: { Item: { ...T.rollup(unitId, month), unitId, month, ...counters } } };
    });
    const items = [...unitItems, ...rollupItems];
    const chunk = Math.ceil(items.length / 16);
    await Promise.all(
      Array.from({ length: 16 }, (_, k) => batchWrite(table, items.slice(k * chunk, (k + 1) * chunk))),
    );
    const loadS = (performance.now() - t0) / 1000;
    const counted = everyUnit.filter((u) => u.type === "station" || u.type === "point");

    // The floor: the same rollups read straight from DynamoDB, one query per unit, 16 at a time.
    const rawMs: number[] = [];
    let rawRcu = 0;
    let rawItems = 0;
    for (let r = 0; r < runs; r++) {
      const repo = new RollupsRepository(table);
      const s = performance.now();
      await repo.totals(
        counted.map((u) => u.id),
        `${YEAR}-01`,
        `${YEAR}-12`,
      );
      rawMs.push(performance.now() - s);
      rawRcu = repo.consumed.capacityUnits;
      rawItems = repo.consumed.items;
    }

    const createMs: number[] = [];
    let create = { rcu: 0, wcu: 0, requests: 0, sheets: 0 };
    let finalize = { ms: 0, rcu: 0, wcu: 0 };
    let rankingMs = 0;
    for (let r = 0; r < runs; r++) {
      const tpl = await call(
        event("POST", "/v1/assessment-templates", admin, template(`基准考核 ${r}`, r > 0)),
      );
      state.capacity = true;
      state.rcu = 0;
      state.wcu = 0;
      state.recording = [];
      const s = performance.now();
      const made = await call(event("POST", "/v1/assessments", bureau, { templateId: tpl.id, year: YEAR }));
      createMs.push(performance.now() - s);
      create = { rcu: state.rcu, wcu: state.wcu, requests: state.recording.length, sheets: made.sheetCount };
      state.recording = null;
      if (r === 0) {
        // All auto: finalize at once (every sheet read, ranked and rewritten).
        state.rcu = 0;
        state.wcu = 0;
        const f = performance.now();
        await call(event("POST", `/v1/assessments/${made.id}/finalize`, bureau));
        finalize = { ms: performance.now() - f, rcu: state.rcu, wcu: state.wcu };
        const g = performance.now();
        await call(event("GET", `/v1/assessments/${made.id}`, bureau));
        rankingMs = performance.now() - g;
      }
      state.capacity = false;
    }

    const createP50 = percentile(createMs, 50);
    const rawP50 = percentile(rawMs, 50);
    const rows = [
      {
        what: "raw: the year's rollups, one query per station / point",
        units: counted.length,
        "ms (median)": round(rawP50),
        RCU: round(rawRcu, 1),
        WCU: 0,
        "items / requests": `${rawItems} items`,
      },
      {
        what: `POST /v1/assessments (${create.sheets} sheets)`,
        units: counted.length,
        "ms (median)": round(createP50),
        RCU: round(create.rcu, 1),
        WCU: round(create.wcu, 1),
        "items / requests": `${create.requests} requests`,
      },
      {
        what: "create / raw",
        units: counted.length,
        "ms (median)": round(createP50 / rawP50),
        RCU: round(create.rcu / rawRcu),
        WCU: "",
        "items / requests": "",
      },
      {
        what: "POST …/finalize (all-auto template)",
        units: counted.length,
        "ms (median)": round(finalize.ms),
        RCU: round(finalize.rcu, 1),
        WCU: round(finalize.wcu, 1),
        "items / requests": "",
      },
      {
        what: "GET the ranking's first page (50)",
        units: counted.length,
        "ms (median)": round(rankingMs),
        RCU: "",
        WCU: "",
        "items / requests": "",
      },
    ];
    printTable(
      `Annual assessment: ${counted.length} stations and points, ${cases.toLocaleString()} cases in ${YEAR}, ${runs} run(s), DynamoDB Local (loaded in ${round(loadS, 1)} s)`,
      rows,
    );
    return writeResults("assessment", {
      units: counted.length,
      cases,
      runs,
      createMs,
      rawMs,
      create,
      raw: { rcu: rawRcu, items: rawItems },
      finalize,
      rankingMs,
      ratio: { time: createP50 / rawP50, rcu: create.rcu / rawRcu },
    });
  } finally {
    await stack.stop();
  }
}
