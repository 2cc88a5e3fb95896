import type { IncomingMessage } from "node:http";
import { availableParallelism, loadavg } from "node:os";
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { makeHandler } from "@weiquan/fn-api";
import { DEMO_COUNTY, DEMO_PASSWORD, startLocalStack, toEvent } from "@weiquan/local";
import { C, CasesRepository, queryOf, T, TQ } from "@weiquan/store";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { percentile, printTable, round, sample, writeResults } from "./lib.ts";

/**
 * Issue 10 item 7: each core call through the real handler (token check, the caller read fresh — tenant
 * status ‖ account and unit, alongside the route's own reads —, its own work, the answer) against its
 * essential DynamoDB work made alone — the same calls the route makes, in the same order and concurrency,
 * raw on the same client — and against its one main query alone, in the same process and run on DynamoDB
 * Local. Goal: p50 ≤ 1.5× the essential work's.
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

const complaint = (i: number) => ({
  kind: "complaint",
  channel: "walk_in",
  consumer: { name: "张桂芳", phone: "13812348000", address: "宝坻区南关大街 5 号" },
  business: { name: "宝坻区惠民家电商店", address: "宝坻区南关大街 18 号" },
  category: "goods.appliances",
  nature: "quality",
  subject: `基准案件 ${i}`,
  description: "使用三天后不制冷，商家拒绝退换。",
  request: "退货并退还货款",
  amountFen: 329900,
});

export async function coreCalls(opts: { quick: boolean }) {
  const n = opts.quick ? 40 : 300;
  const stack = await startLocalStack({ seedDemo: true, overdueSweepEveryMs: 0 });
  try {
    const { deps } = stack;
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
    const bureau = { ...json, authorization: `Bearer ${await login("bureau")}` };
    const tenant = (await deps.control.tenants.getByCountyCode(DEMO_COUNTY.countyCode))!;
    const table = await deps.tenantAccess.forTenant(tenant.id);
    const query = (input: ReturnType<typeof queryOf>) => () => table.doc.send(new QueryCommand(input));

    // A ledger a page deep: 60 registrations, then one case taken through its first steps (a timeline).
    const point1 = { ...json, authorization: `Bearer ${await login("point1")}` };
    let caseId = "";
    for (let i = 0; i < 60; i++) caseId = (await call(event("POST", "/v1/cases", point1, complaint(i)))).id;
    const step = (body: object) => call(event("POST", `/v1/cases/${caseId}/transitions`, point1, body));
    await step({ action: "accept", version: 1 });
    await step({ action: "start_mediation", version: 2 });
    const month = new Date().toISOString().slice(0, 7);
    const root = tenant.rootUnitId;
    const origin = (await new CasesRepository(table).get(caseId))!.originUnitId;
    const { doc, tableName } = table;
    const getItem = (Key: Record<string, string>) =>
      doc.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true }));
    const ledgerQuery = query(queryOf(tableName, TQ.ledger(root), { ScanIndexForward: false, Limit: 50 }));
    const caseQuery = query(queryOf(tableName, TQ.caseWithTimeline(caseId), { ConsistentRead: true }));
    const monthsQuery = query(queryOf(tableName, TQ.rollupMonths(root, month, month)));
    // The caller's fresh reads, raw: the tenant's status ‖ the account with its unit (one BatchGetItem),
    // which also carries what the route reads in the check's round trip (the settings, the unit's gauges).
    const me = await call(event("GET", "/v1/me", bureau));
    const callerReads = (...also: Record<string, string>[]) =>
      Promise.all([
        deps.control.doc.send(
          new GetCommand({
            TableName: deps.control.tableName,
            Key: C.tenant(tenant.id),
            ConsistentRead: true,
          }),
        ),
        doc.send(
          new BatchGetCommand({
            RequestItems: {
              [tableName]: { Keys: [T.user(me.user.id), T.unit(me.unit.id), ...also], ConsistentRead: true },
            },
          }),
        ),
      ]);
    let audits = 0;
    const auditPut = () => {
      const at = new Date().toISOString();
      const id = `bench-${++audits}`;
      return doc.send(
        new PutCommand({ TableName: tableName, Item: { ...T.audit(at.slice(0, 7), at, id), id, at } }),
      );
    };
    // [call, the request, its essential DynamoDB work as the route does it (same calls, same order and
    // concurrency: what no caller check, middleware or serialization adds), its one main query alone, the
    // handler's DynamoDB calls raw (the work with the caller's reads alongside, as the handler makes them)]
    const rows: [
      string,
      () => APIGatewayProxyEventV2,
      () => Promise<unknown>,
      () => Promise<unknown>,
      () => Promise<unknown>,
    ][] = [
      [
        "ledger page (bureau, 50 rows)",
        () => event("GET", "/v1/cases?limit=50", bureau),
        // the page ‖ the tenant's settings (its calendar: each row's due state)
        () => Promise.all([ledgerQuery(), getItem(T.settings())]),
        ledgerQuery,
        () => Promise.all([ledgerQuery(), callerReads(T.settings())]),
      ],
      [
        "case view (with timeline)",
        () => event("GET", `/v1/cases/${caseId}`, bureau),
        // the case with its timeline ‖ the settings, then the registering unit's name ‖ the audit entry of
        // the unmasked read (written before the answer leaves)
        async () => {
          await Promise.all([caseQuery(), getItem(T.settings())]);
          await Promise.all([getItem(T.unit(origin)), auditPut()]);
        },
        caseQuery,
        async () => {
          await Promise.all([caseQuery(), callerReads(T.settings())]);
          await Promise.all([getItem(T.unit(origin)), auditPut()]);
        },
      ],
      [
        "dashboard (summary, this month)",
        () => event("GET", `/v1/stats/summary?from=${month}&to=${month}`, bureau),
        // the unit's months ‖ its gauges of now (open and overdue counts)
        () =>
          Promise.all([
            monthsQuery(),
            doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: [T.gauges(root)] } } })),
          ]),
        monthsQuery,
        () => Promise.all([monthsQuery(), callerReads(T.gauges(root))]),
      ],
    ];
    const out: Record<string, Record<string, number | string>> = {};
    for (const [name, next, essential, single, handlerCalls] of rows) {
      // Interleaved in slices, so a noisy neighbour weighs on all three alike.
      const handlerMs: number[] = [];
      const workMs: number[] = [];
      const queryMs: number[] = [];
      const callsMs: number[] = [];
      for (let s = 0; s < 5; s++) {
        handlerMs.push(...(await sample(n / 5, () => call(next()), s === 0 ? 20 : 3)));
        workMs.push(...(await sample(n / 5, essential, s === 0 ? 20 : 3)));
        queryMs.push(...(await sample(n / 5, single, s === 0 ? 20 : 3)));
        callsMs.push(...(await sample(n / 5, handlerCalls, s === 0 ? 20 : 3)));
      }
      const ratio = percentile(handlerMs, 50) / percentile(workMs, 50);
      out[name] = {
        p50: round(percentile(handlerMs, 50)),
        p99: round(percentile(handlerMs, 99)),
        "work p50": round(percentile(workMs, 50)),
        "work p99": round(percentile(workMs, 99)),
        "query p50": round(percentile(queryMs, 50)),
        // the handler's DynamoDB calls made raw: what the DynamoDB side costs the handler
        "calls p50": round(percentile(callsMs, 50)),
        "p50 / work": round(ratio),
        "p50 / query": round(percentile(handlerMs, 50) / percentile(queryMs, 50)),
        "≤ 1.5×": ratio <= 1.5 ? "yes" : "no",
      };
    }
    printTable(
      `Core calls through the handler vs their essential DynamoDB work alone (ms, DynamoDB Local, load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores; goal: p50 ≤ 1.5× the work's)`,
      Object.entries(out).map(([call, s]) => ({ call, ...s })),
    );
    const file = writeResults("core-calls", { quick: opts.quick, samples: n, calls: out });
    console.log(`\nwritten ${file}`);
    return out;
  } finally {
    await stack.stop();
  }
}

if (process.argv[1]?.endsWith("bench/core-calls.ts")) {
  await coreCalls({ quick: process.argv.includes("--quick") });
}
