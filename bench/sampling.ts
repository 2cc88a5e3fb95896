import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { type ClosedComplaint, maskName, type RoundItem, unitIdsOf } from "@weiquan/domain";
import { makeHandler } from "@weiquan/fn-api";
import { DEMO_COUNTY, DEMO_PASSWORD, startLocalStack } from "@weiquan/local";
import { batchWrite, ClosedComplaintsRepository, rollupAdds, T, UnitsRepository } from "@weiquan/store";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import { ctx, event, network } from "./assessment.ts";
import { instrument } from "./cases.ts";
import { percentile, printTable, round, writeResults } from "./lib.ts";

/**
 * Drawing a month's sampled callback round for a county of ~1,200 stations and points and 20,000 cases a
 * year (≈ 80% complaints, 95% of them closed: ≈ 1,270 closed complaints a month). The population items a
 * closing transaction writes are loaded straight into DynamoDB Local for a few months; then each month's
 * round is drawn through the real handler (population query, draw, header, items with their figures in
 * transactions) against reading the same population raw (the one query, no handler) — time and read
 * capacity as ratios, write capacity and requests beside. Nothing asserted.
 */
export async function samplingBenchmark(opts: { quick: boolean }) {
  const runs = opts.quick ? 1 : 3;
  const months = ["2026-08", "2026-09", "2026-10"].slice(0, runs);
  const perMonth = Math.round((20_000 * 0.8 * 0.95) / 12);
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
    const token = (
      await call(
        event("POST", "/v1/auth/login", json, {
          tenant: DEMO_COUNTY.countyCode,
          username: "bureau",
          password: DEMO_PASSWORD,
        }),
      )
    ).token as string;
    const bureau = { ...json, authorization: `Bearer ${token}` };

    const tenant = (await deps.control.tenants.getByCountyCode(DEMO_COUNTY.countyCode))!;
    const table = await deps.tenantAccess.forTenant(tenant.id);
    const root = (await new UnitsRepository(table).root())!;
    const t0 = performance.now();
    const made = network(root, 40, 29, tenant.createdAt);
    const points = made.filter((u) => u.type === "point");
    const population: ClosedComplaint[] = months.flatMap((month, m) =>
      Array.from({ length: perMonth }, (_, i) => {
        const unit = points[(i * 7919 + m) % points.length]!;
        const n = String(m * perMonth + i).padStart(6, "0");
        return {
          caseId: `bench-case-${month}-${n}`,
          trackingNo: `120115${month.replace("-", "")}15${n}`,
          unitId: unit.id,
          unitPath: unit.path,
          month,
          closedAt: `${month}-15T10:00:00.000+08:00`,
          subject: "基准投诉",
          consumerName: maskName("张桂芳"),
        };
      }),
    );
    const items = [
      ...made.map((u) => ({ PutRequest: { Item: { ...T.unit(u.id), ...T.unitIndex(u.path), ...u } } })),
      ...population.map((c) => ({
        PutRequest: { Item: { ...T.closedComplaint(c.month, c.unitPath, c.caseId), ...c } },
      })),
    ];
    const chunk = Math.ceil(items.length / 16);
    await Promise.all(
      Array.from({ length: 16 }, (_, k) => batchWrite(table, items.slice(k * chunk, (k + 1) * chunk))),
    );
    const loadS = (performance.now() - t0) / 1000;

    // The floor: the month's population read straight from DynamoDB (the same query, no handler).
    const rawMs: number[] = [];
    let raw = { rcu: 0, items: 0 };
    for (const month of months) {
      const repo = new ClosedComplaintsRepository(table);
      const s = performance.now();
      await repo.population(month, root.path);
      rawMs.push(performance.now() - s);
      raw = { rcu: repo.consumed.capacityUnits, items: repo.consumed.items };
    }

    const drawMs: number[] = [];
    let draw = { rcu: 0, wcu: 0, requests: 0, sampled: 0, strata: 0 };
    for (const month of months) {
      state.capacity = true;
      state.rcu = 0;
      state.wcu = 0;
      state.recording = [];
      const s = performance.now();
      const r = await call(event("POST", "/v1/sampling/rounds", bureau, { month, seed: 20261201 }));
      drawMs.push(performance.now() - s);
      draw = {
        rcu: state.rcu,
        wcu: state.wcu,
        requests: state.recording.length,
        sampled: r.items.length,
        strata: r.strata.length,
      };
      if (process.env.BENCH_PROFILE) {
        const byKind = new Map<string, { n: number; ms: number }>();
        for (const rec of state.recording) {
          const k = rec.command.constructor.name;
          const e = byKind.get(k) ?? { n: 0, ms: 0 };
          byKind.set(k, { n: e.n + 1, ms: e.ms + rec.end - rec.start });
        }
        console.log(month, Object.fromEntries(byKind));
      }
      state.recording = null;
      state.capacity = false;
    }
    const g = performance.now();
    const drawn = await call(event("GET", `/v1/sampling/rounds/${months[0]}.${root.id}`, bureau));
    const readMs = performance.now() - g;

    // The write floor: the same items and the same summed figure updates, written raw (batches and plain
    // updates, 8 at a time, no transactions, no redo safety) under a throwaway round and month.
    const chains = new Map(made.map((u) => [u.id, u.path]));
    const rawItems = (drawn.items as RoundItem[]).map((i) => ({
      PutRequest: { Item: { ...T.roundItem("bench-raw", i.caseId), ...i } },
    }));
    const rawUpdates = rollupAdds(
      table.tableName,
      (drawn.items as RoundItem[]).map((i) => ({
        unitIds: unitIdsOf(chains.get(i.unitId)!),
        month: "2099-01",
        counters: { "verified.sampled": 1 },
      })),
    );
    state.capacity = true;
    state.wcu = 0;
    const w = performance.now();
    const batches = Array.from({ length: Math.ceil(rawItems.length / 25) }, (_, k) =>
      rawItems.slice(k * 25, k * 25 + 25),
    );
    let next = 0;
    const worker = async () => {
      while (next < batches.length) await batchWrite(table, batches[next++]!);
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    next = 0;
    const updater = async () => {
      while (next < rawUpdates.length) await table.doc.send(new UpdateCommand(rawUpdates[next++]!.Update!));
    };
    await Promise.all(Array.from({ length: 8 }, updater));
    const rawWrite = {
      ms: performance.now() - w,
      wcu: state.wcu,
      requests: batches.length + rawUpdates.length,
    };
    state.capacity = false;

    const drawP50 = percentile(drawMs, 50);
    const rawP50 = percentile(rawMs, 50);
    printTable(
      `Sampling round: ${made.length} stations and points, ${perMonth} closed complaints a month (20,000 cases a year), ${runs} run(s), DynamoDB Local (loaded in ${round(loadS, 1)} s)`,
      [
        {
          what: "raw: the month's population, one query",
          "ms (median)": round(rawP50),
          RCU: round(raw.rcu, 1),
          WCU: 0,
          detail: `${raw.items} items`,
        },
        {
          what: "POST /v1/sampling/rounds (default share 0.2, 1–5 per unit)",
          "ms (median)": round(drawP50),
          RCU: round(draw.rcu, 1),
          WCU: round(draw.wcu, 1),
          detail: `${draw.sampled} items from ${draw.strata} units, ${draw.requests} requests`,
        },
        {
          what: "raw: write the same items and figures (no transactions)",
          "ms (median)": round(rawWrite.ms),
          RCU: 0,
          WCU: round(rawWrite.wcu, 1),
          detail: `${rawWrite.requests} requests`,
        },
        {
          what: "draw / raw read",
          "ms (median)": round(drawP50 / rawP50),
          RCU: round(draw.rcu / raw.rcu),
          WCU: "",
          detail: "",
        },
        {
          what: "draw / (raw read + raw write)",
          "ms (median)": round(drawP50 / (rawP50 + rawWrite.ms)),
          RCU: "",
          WCU: round(draw.wcu / rawWrite.wcu),
          detail: "",
        },
        { what: "GET the round (every item)", "ms (median)": round(readMs), RCU: "", WCU: "", detail: "" },
      ],
    );
    return writeResults("sampling", {
      units: made.length,
      closedPerMonth: perMonth,
      runs,
      drawMs,
      rawMs,
      draw,
      raw,
      readMs,
      rawWrite,
      ratio: {
        time: drawP50 / rawP50,
        rcu: draw.rcu / raw.rcu,
        timeVsReadAndWrite: drawP50 / (rawP50 + rawWrite.ms),
        wcuVsRawWrite: draw.wcu / rawWrite.wcu,
      },
    });
  } finally {
    await stack.stop();
  }
}
