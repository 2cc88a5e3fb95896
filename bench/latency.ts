import type { IncomingMessage } from "node:http";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { makeHandler } from "@weiquan/fn-api";
import { DEMO_COUNTY, DEMO_PASSWORD, startLocalStack, toEvent } from "@weiquan/local";
import { C, T } from "@weiquan/store";
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

const stats = (handler: number[], raw: number[]) => ({
  p50: round(percentile(handler, 50)),
  p99: round(percentile(handler, 99)),
  rawP50: round(percentile(raw, 50)),
  rawP99: round(percentile(raw, 99)),
  ratioP50: round(percentile(handler, 50) / percentile(raw, 50)),
  ratioP99: round(percentile(handler, 99) / percentile(raw, 99)),
});

/**
 * p50/p99 of core calls through the real handler against DynamoDB Local, beside the raw DynamoDB calls
 * the same request makes (the physical floor here), measured in the same run.
 */
export async function latency(runs: { me: number; login: number }) {
  const stack = await startLocalStack({ seedDemo: true });
  try {
    const { deps } = stack;
    const handler = makeHandler(deps);
    const json = { "content-type": "application/json", host: "localhost" };
    const loginBody = { tenant: DEMO_COUNTY.countyCode, username: "point1", password: DEMO_PASSWORD };
    const first = (await handler(event("POST", "/v1/auth/login", json, loginBody), ctx)) as { body: string };
    const { token, user } = JSON.parse(first.body);
    const tenant = (await deps.control.tenants.getByCountyCode(DEMO_COUNTY.countyCode))!;
    const table = await deps.tenantAccess.forTenant(tenant.id);
    const get = (tableName: string, Key: Record<string, string>, doc = table.doc) =>
      doc.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true }));
    const ctl = deps.control;

    // GET /v1/me: tenant status ‖ user, then the unit.
    const meEvent = event("GET", "/v1/me", { authorization: `Bearer ${token}`, host: "localhost" });
    const me = await sample(runs.me, () => handler(meEvent, ctx));
    const meRaw = await sample(runs.me, async () => {
      await Promise.all([
        get(ctl.tableName, C.tenant(tenant.id), ctl.doc),
        get(table.tableName, T.user(user.id)),
      ]);
      await get(table.tableName, T.unit(user.unitId));
    });

    // POST /v1/auth/login: county → tenant → username → user, then scrypt and an ES256 signature.
    const login = await sample(
      runs.login,
      () => handler(event("POST", "/v1/auth/login", json, loginBody), ctx),
      5,
    );
    const loginRaw = await sample(
      runs.login,
      async () => {
        await get(ctl.tableName, C.county(DEMO_COUNTY.countyCode), ctl.doc);
        await get(ctl.tableName, C.tenant(tenant.id), ctl.doc);
        await get(table.tableName, T.username("point1"));
        await get(table.tableName, T.user(user.id));
      },
      5,
    );
    return { "GET /v1/me": stats(me, meRaw), "POST /v1/auth/login": stats(login, loginRaw) };
  } finally {
    await stack.stop();
  }
}
