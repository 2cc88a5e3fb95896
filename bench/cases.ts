import type { IncomingMessage } from "node:http";
import { BatchWriteCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { shanghaiIso } from "@weiquan/domain";
import { makeHandler } from "@weiquan/fn-api";
import { DEMO_COUNTY, DEMO_PASSWORD, startLocalStack, toEvent } from "@weiquan/local";
import { type Doc, queryOf, TQ, type TransactItem } from "@weiquan/store";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { percentile, printTable, round, sample, writeResults } from "./lib.ts";

/**
 * Issue 4 item 11, against DynamoDB Local in one run (ratios, never absolute numbers, are what compare):
 * - latency of create, get, list page and transition through the real handler, beside a replay of the
 *   very DynamoDB operations that request made (same commands, same parallelism, no application code);
 * - read / write capacity units of one complaint's whole lifecycle (ReturnConsumedCapacity);
 * - the ledger's first page with 1k, 10k (and 100k) cases in the tenant, bulk-loaded in the shape the
 *   case write produces: flat if a page costs the same whatever the tenant's size.
 */

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

// biome-ignore lint/suspicious/noExplicitAny: any SDK command / output passes through the recorder
type Command = any;
interface Recorded {
  command: Command;
  start: number;
  end: number;
}

/**
 * Wraps the shared document client's `send` (local mode: one client for the control and tenant tables):
 * records each command a request makes, and optionally asks DynamoDB for the capacity it consumed.
 */
export function instrument(doc: Doc) {
  const raw = doc.send.bind(doc) as (c: Command) => Promise<Command>;
  const state = { recording: null as Recorded[] | null, capacity: false, rcu: 0, wcu: 0 };
  (doc as unknown as { send: (c: Command) => Promise<Command> }).send = async (command: Command) => {
    if (state.capacity) command.input.ReturnConsumedCapacity = "TOTAL";
    const rec: Recorded = { command, start: performance.now(), end: 0 };
    state.recording?.push(rec);
    try {
      const out = await raw(command);
      if (state.capacity) addCapacity(state, command, out);
      return out;
    } finally {
      rec.end = performance.now();
    }
  };
  return { raw, state };
}

function addCapacity(state: { rcu: number; wcu: number }, command: Command, out: Command) {
  const caps = [out?.ConsumedCapacity].flat().filter(Boolean) as {
    CapacityUnits?: number;
    ReadCapacityUnits?: number;
    WriteCapacityUnits?: number;
  }[];
  const name = command.constructor.name as string;
  const isWrite = /Put|Update|Delete|TransactWrite|BatchWrite/.test(name);
  for (const c of caps) {
    // DynamoDB reports reads and writes split only for some operations; otherwise the total.
    const rcu = c.ReadCapacityUnits ?? (isWrite ? 0 : (c.CapacityUnits ?? 0));
    const wcu = c.WriteCapacityUnits ?? (isWrite ? (c.CapacityUnits ?? 0) : 0);
    state.rcu += rcu;
    state.wcu += wcu;
  }
}

/**
 * The floor of a request: its recorded commands replayed straight on the client, in the same groups of
 * concurrency. Writes are made repeatable: items put go under a fresh sort key and conditions are
 * dropped (a replay must write as the request did, not fail its condition).
 */
function replayOf(recorded: Recorded[], raw: (c: Command) => Promise<Command>) {
  const groups: Recorded[][] = [];
  let groupEnd = -1;
  for (const r of [...recorded].sort((a, b) => a.start - b.start)) {
    if (groups.length && r.start < groupEnd) groups.at(-1)!.push(r);
    else groups.push([r]);
    groupEnd = Math.max(r.start < groupEnd ? groupEnd : 0, r.end);
  }
  let n = 0;
  return async () => {
    n++;
    for (const g of groups)
      await Promise.all(
        g.map((r) => {
          const Ctor = r.command.constructor;
          return raw(new Ctor(repeatable(structuredClone(r.command.input), n)));
        }),
      );
  };
}

function repeatable(input: Command, n: number): Command {
  const fixPut = (p: Command) => {
    p.Item = { ...p.Item, SK: `${p.Item.SK}#replay${n}` };
    delete p.ConditionExpression;
    delete p.ExpressionAttributeValues;
    delete p.ExpressionAttributeNames;
  };
  const fixUpdate = (u: Command) => {
    // A conditional update (the day's counter) writes to a scratch item; plain ADDs (rollups) stay.
    if (u.ConditionExpression) u.Key = { ...u.Key, SK: `${u.Key.SK}#replay` };
    delete u.ConditionExpression;
    const expr = u.UpdateExpression as string;
    for (const k of Object.keys(u.ExpressionAttributeValues ?? {}))
      if (!expr.includes(k)) delete u.ExpressionAttributeValues[k];
    for (const k of Object.keys(u.ExpressionAttributeNames ?? {}))
      if (!expr.includes(k)) delete u.ExpressionAttributeNames[k];
  };
  if (input.TransactItems)
    for (const t of input.TransactItems as TransactItem[]) {
      if (t.Put) fixPut(t.Put);
      if (t.Update) fixUpdate(t.Update);
    }
  else if (input.Item) fixPut(input);
  else if (input.UpdateExpression) fixUpdate(input);
  return input;
}

/**
 * Write units by DynamoDB's published rules, from the items written: 1 WCU per started KB of the item,
 * twice that inside a transaction. An update is priced on the item it leaves, approximated by its input.
 */
function estimatedWcu(recorded: Recorded[]): number {
  const kb = (x: unknown) => Math.max(1, Math.ceil(Buffer.byteLength(JSON.stringify(x)) / 1024));
  let wcu = 0;
  for (const { command } of recorded) {
    const input = command.input;
    if (input.TransactItems)
      for (const t of input.TransactItems as TransactItem[])
        wcu += 2 * kb(t.Put?.Item ?? t.Update ?? t.Delete?.Key ?? t.ConditionCheck?.Key);
    else if (input.Item) wcu += kb(input.Item);
    else if (input.UpdateExpression) wcu += kb(input);
    else if (input.RequestItems && /BatchWrite/.test(command.constructor.name))
      for (const reqs of Object.values(input.RequestItems) as { PutRequest?: { Item: unknown } }[][])
        for (const r of reqs) wcu += kb(r.PutRequest?.Item ?? r);
  }
  return wcu;
}

const stats = (handler: number[], raw: number[], ops: number) => ({
  ops,
  p50: round(percentile(handler, 50)),
  p99: round(percentile(handler, 99)),
  rawP50: round(percentile(raw, 50)),
  rawP99: round(percentile(raw, 99)),
  ratioP50: round(percentile(handler, 50) / percentile(raw, 50)),
  ratioP99: round(percentile(handler, 99) / percentile(raw, 99)),
});

const complaint = (subject: string) => ({
  kind: "complaint",
  channel: "walk_in",
  consumer: { name: "张桂芳", phone: "13812348000", address: "宝坻区南关大街 5 号" },
  business: { name: "宝坻区惠民家电商店", address: "宝坻区南关大街 18 号" },
  category: "goods.appliances",
  nature: "quality",
  subject,
  description: "使用三天后不制冷，商家拒绝退换。",
  request: "退货并退还货款",
  amountFen: 329900,
});

export async function caseBenchmarks(opts: { quick: boolean }) {
  const quick = opts.quick;
  const n = quick ? 20 : 300;
  const stack = await startLocalStack({ seedDemo: true, overdueSweepEveryMs: 0 });
  try {
    const { deps } = stack;
    const { raw, state } = instrument(deps.control.doc);
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
    const point1 = { ...json, authorization: `Bearer ${await login("point1")}` };
    const bureau = { ...json, authorization: `Bearer ${await login("bureau")}` };

    /** Samples a request through the handler, then the replay of the operations one such request made. */
    async function measure(name: string, next: () => APIGatewayProxyEventV2) {
      state.recording = [];
      await call(next());
      const recorded = state.recording;
      state.recording = null;
      const handlerMs = await sample(n, () => call(next()), 5);
      const rawMs = await sample(n, replayOf(recorded, raw), 5);
      return [name, stats(handlerMs, rawMs, recorded.length)] as const;
    }

    // ---- latency ----
    let i = 0;
    const seedCase = await call(event("POST", "/v1/cases", point1, complaint("基准案件")));
    const latency = Object.fromEntries([
      await measure("POST /v1/cases", () => event("POST", "/v1/cases", point1, complaint(`基准登记 ${i++}`))),
      await measure("GET /v1/cases/{id}", () => event("GET", `/v1/cases/${seedCase.id}`, point1)),
      await measure("GET /v1/cases (page of 50)", () => event("GET", "/v1/cases?limit=50", point1)),
      await (async () => {
        // Each sample needs its own registered case to accept: register them first, outside the clock.
        const ids: string[] = [];
        for (let k = 0; k < n + 10; k++)
          ids.push((await call(event("POST", "/v1/cases", point1, complaint(`基准受理 ${k}`)))).id);
        let k = 0;
        return measure("POST /v1/cases/{id}/transitions (accept)", () =>
          event("POST", `/v1/cases/${ids[k++]}/transitions`, point1, { action: "accept", version: 1 }),
        );
      })(),
    ]);
    printTable(
      "Cases: latency through the handler vs a replay of its DynamoDB operations (ms, DynamoDB Local)",
      Object.entries(latency).map(([call, s]) => ({ call, ...s })),
    );

    // ---- capacity per complaint lifecycle ----
    state.capacity = true;
    const lifecycle: Record<string, { rcu: number; wcu: number; estWcu: number }> = {};
    const step = async (name: string, e: APIGatewayProxyEventV2) => {
      state.rcu = 0;
      state.wcu = 0;
      state.recording = [];
      const out = await call(e);
      const est = estimatedWcu(state.recording);
      state.recording = null;
      lifecycle[name] = { rcu: round(state.rcu, 1), wcu: round(state.wcu, 1), estWcu: est };
      return out;
    };
    const c = await step("create", event("POST", "/v1/cases", point1, complaint("容量测算")));
    const tr = (body: object) => event("POST", `/v1/cases/${c.id}/transitions`, point1, body);
    await step("accept", tr({ action: "accept", version: 1 }));
    await step("start_mediation", tr({ action: "start_mediation", version: 2 }));
    await step("resolve", tr({ action: "resolve", version: 3, agreement: "退货退款", recoveredFen: 329900 }));
    await step("close", tr({ action: "close", version: 4 }));
    await step("callback", tr({ action: "callback", version: 5, result: "satisfied" }));
    await step("get (with timeline)", event("GET", `/v1/cases/${c.id}`, point1));
    await step("list page", event("GET", "/v1/cases?limit=50", point1));
    state.capacity = false;
    const writes = ["create", "accept", "start_mediation", "resolve", "close", "callback"];
    const total = writes.reduce(
      (t, k) => ({
        rcu: t.rcu + lifecycle[k]!.rcu,
        wcu: t.wcu + lifecycle[k]!.wcu,
        estWcu: t.estWcu + lifecycle[k]!.estWcu,
      }),
      { rcu: 0, wcu: 0, estWcu: 0 },
    );
    lifecycle["lifecycle (create … callback)"] = {
      rcu: round(total.rcu, 1),
      wcu: round(total.wcu, 1),
      estWcu: total.estWcu,
    };
    printTable(
      "Cases: capacity units (RCU/WCU as DynamoDB Local reports them; est. WCU by DynamoDB's rules: 1 per KB written, ×2 in a transaction)",
      Object.entries(lifecycle).map(([call, u]) => ({ call, RCU: u.rcu, WCU: u.wcu, "est. WCU": u.estWcu })),
    );

    // ---- ledger page at scale ----
    const tenant = (await deps.control.tenants.getByCountyCode(DEMO_COUNTY.countyCode))!;
    const table = await deps.tenantAccess.forTenant(tenant.id);
    const template = await createTemplate(state, call, point1);
    // Quick mode stays near a minute on a small machine: DynamoDB Local loads a few thousand items a second.
    // BENCH_LEDGER_SIZES=1000,10000,100000 measures the full scale with quick latency samples.
    const sizes = process.env.BENCH_LEDGER_SIZES
      ? process.env.BENCH_LEDGER_SIZES.split(",").map(Number)
      : quick
        ? [1_000, 4_000]
        : [1_000, 10_000, 100_000];
    const scale: Record<string, Record<string, number>> = {};
    let loaded = 0;
    const pageRuns = quick ? 20 : 200;
    for (const size of sizes) {
      const t0 = performance.now();
      await bulkLoad(raw, table.tableName, template, loaded, size - loaded);
      const loadS = (performance.now() - t0) / 1000;
      loaded = size;
      const rootLedger = TQ.ledger(tenant.rootUnitId);
      const bureauPage = await sample(pageRuns, () => call(event("GET", "/v1/cases?limit=50", bureau)), 20);
      const pointPage = await sample(pageRuns, () => call(event("GET", "/v1/cases?limit=50", point1)), 5);
      const filtered = await sample(
        pageRuns,
        () => call(event("GET", "/v1/cases?limit=50&status=registered", bureau)),
        5,
      );
      const rawPage = await sample(
        pageRuns,
        () =>
          raw(new QueryCommand(queryOf(table.tableName, rootLedger, { ScanIndexForward: false, Limit: 50 }))),
        5,
      );
      scale[`${size.toLocaleString("en")} cases`] = {
        "load s": round(loadS, 1),
        "bureau page p50": round(percentile(bureauPage, 50)),
        "bureau page p99": round(percentile(bureauPage, 99)),
        "point page p50": round(percentile(pointPage, 50)),
        "status filter p50": round(percentile(filtered, 50)),
        "raw query p50": round(percentile(rawPage, 50)),
        "bureau / raw p50": round(percentile(bureauPage, 50) / percentile(rawPage, 50)),
      };
    }
    printTable(
      "Cases: first ledger page (limit 50, newest first) by tenant size (ms)",
      Object.entries(scale).map(([size, s]) => ({ size, ...s })),
    );

    const file = writeResults("cases", { quick, samples: n, latency, capacity: lifecycle, scale });
    console.log(`\nwritten ${file}`);
    return { latency, capacity: lifecycle, scale };
  } finally {
    await stack.stop();
  }
}

/** The items one real registration puts (case, first event, ledger rows, tracking pointer), as a template. */
async function createTemplate(
  state: { recording: Recorded[] | null },
  call: (e: APIGatewayProxyEventV2) => Promise<{ id: string; trackingNo: string; receivedAt: string }>,
  headers: Record<string, string>,
) {
  state.recording = [];
  const c = await call(event("POST", "/v1/cases", headers, complaint("批量模板")));
  const tx = state.recording.find((r) => r.command.constructor.name === "TransactWriteCommand")!;
  state.recording = null;
  const puts = (tx.command.input.TransactItems as TransactItem[])
    .filter((t) => t.Put)
    .map((t) => t.Put!.Item as Record<string, unknown>);
  return { json: JSON.stringify(puts), id: c.id, trackingNo: c.trackingNo, receivedAt: c.receivedAt };
}

/**
 * Writes `count` more cases in the template's shape with BatchWrite, straight into the table: one a
 * minute going back from the template's receipt, so every one is older than what the API registered.
 */
async function bulkLoad(
  raw: (c: Command) => Promise<Command>,
  tableName: string,
  tpl: { json: string; id: string; trackingNo: string; receivedAt: string },
  from: number,
  count: number,
) {
  const base = Date.parse(tpl.receivedAt);
  const items: Record<string, unknown>[] = [];
  const flush = async (batch: Record<string, unknown>[]) => {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> = {
      [tableName]: batch.map((Item) => ({ PutRequest: { Item } })),
    };
    while (Object.keys(request).length) {
      const out = await raw(new BatchWriteCommand({ RequestItems: request }));
      request = out.UnprocessedItems ?? {};
    }
  };
  const pending: Promise<void>[] = [];
  for (let k = from; k < from + count; k++) {
    const at = new Date(base - (k + 1) * 60_000);
    const receivedAt = shanghaiIso(at);
    const id = `BENCH${String(k).padStart(8, "0")}`;
    const trackingNo = `${tpl.trackingNo.slice(0, 6)}${receivedAt.slice(0, 10).replaceAll("-", "")}${String(k).padStart(6, "0")}`;
    const json = tpl.json
      .replaceAll(tpl.id, id)
      .replaceAll(tpl.trackingNo, trackingNo)
      .replaceAll(tpl.receivedAt, receivedAt);
    items.push(...(JSON.parse(json) as Record<string, unknown>[]));
    while (items.length >= 25) {
      pending.push(flush(items.splice(0, 25)));
      if (pending.length >= 16) await Promise.all(pending.splice(0));
    }
  }
  if (items.length) pending.push(flush(items.splice(0)));
  await Promise.all(pending);
}

if (process.argv[1]?.endsWith("bench/cases.ts")) {
  await caseBenchmarks({ quick: process.argv.includes("--quick") });
}
