import type { IncomingMessage } from "node:http";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { makeHandler } from "@weiquan/fn-api";
import { DEMO_COUNTY, DEMO_PASSWORD, startLocalStack, toEvent } from "@weiquan/local";
import { queryOf, TQ } from "@weiquan/store";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { percentile, printTable, round, sample, writeResults } from "./lib.ts";

/**
 * Issue 10 item 7: each core call through the real handler (token check, the caller read fresh — tenant
 * status ‖ account and unit —, its own work, the answer) against its one essential DynamoDB query made
 * alone on the same client, in the same run on DynamoDB Local. Goal: ≤ 1.5× at p50.
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
    const rows: [string, () => APIGatewayProxyEventV2, () => Promise<unknown>][] = [
      [
        "ledger page (bureau, 50 rows)",
        () => event("GET", "/v1/cases?limit=50", bureau),
        query(queryOf(table.tableName, TQ.ledger(tenant.rootUnitId), { ScanIndexForward: false, Limit: 50 })),
      ],
      [
        "case view (with timeline)",
        () => event("GET", `/v1/cases/${caseId}`, bureau),
        query(queryOf(table.tableName, TQ.caseWithTimeline(caseId), { ConsistentRead: true })),
      ],
      [
        "dashboard (summary, this month)",
        () => event("GET", `/v1/stats/summary?from=${month}&to=${month}`, bureau),
        query(queryOf(table.tableName, TQ.rollupMonths(tenant.rootUnitId, month, month))),
      ],
    ];
    const out: Record<string, Record<string, number>> = {};
    for (const [name, next, essential] of rows) {
      // Interleaved in slices, so a noisy neighbour weighs on both sides alike.
      const handlerMs: number[] = [];
      const rawMs: number[] = [];
      for (let s = 0; s < 5; s++) {
        handlerMs.push(...(await sample(n / 5, () => call(next()), s === 0 ? 20 : 3)));
        rawMs.push(...(await sample(n / 5, essential, s === 0 ? 20 : 3)));
      }
      out[name] = {
        p50: round(percentile(handlerMs, 50)),
        p99: round(percentile(handlerMs, 99)),
        "query p50": round(percentile(rawMs, 50)),
        "query p99": round(percentile(rawMs, 99)),
        "p50 ratio": round(percentile(handlerMs, 50) / percentile(rawMs, 50)),
      };
    }
    printTable(
      "Core calls through the handler vs their essential query alone (ms, DynamoDB Local; goal ≤ 1.5× at p50)",
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
