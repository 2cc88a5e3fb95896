import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Role } from "@weiquan/domain";
import { type AppDeps, localDeps, makeHandler, type RequestBudget } from "@weiquan/fn-api";
import {
  bootstrapControlPlane,
  createBridgeServer,
  DEMO_OPERATOR,
  DEMO_PASSWORD,
  LOCAL_FILES_BUCKET,
  localObjectStore,
  seedDemoTenant,
} from "@weiquan/local";
import type { CallTimeouts } from "@weiquan/store";
import { inject } from "vitest";

// biome-ignore lint/suspicious/noExplicitAny: test responses are JSON asserted field by field
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestApi {
  url: string;
  deps: AppDeps;
  stage: string;
  call(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<ApiResponse>;
  login(tenant: string, username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real Lambda handler behind the local event bridge, over real HTTP, on the suite's DynamoDB Local —
 * in a stage of its own, so every test file starts from empty tables.
 */
export async function startApi(
  opts: {
    demo?: boolean;
    now?: () => Date;
    requireTotpFor?: readonly Role[];
    requirePasswordChange?: boolean;
    originSecret?: string;
    tokenTtlSeconds?: number;
    /** Another DynamoDB endpoint (a fault-injecting proxy in front of the suite's DynamoDB Local). */
    endpoint?: string;
    timeouts?: CallTimeouts;
    budget?: RequestBudget;
    functionTimeoutMs?: number;
  } = {},
): Promise<TestApi> {
  const stage = `t${randomBytes(4).toString("hex")}`;
  const deps = localDeps({
    endpoint: opts.endpoint ?? inject("dynamoEndpoint"),
    stage,
    now: opts.now,
    requireTotpFor: opts.requireTotpFor,
    requirePasswordChange: opts.requirePasswordChange,
    originSecret: opts.originSecret,
    tokenTtlSeconds: opts.tokenTtlSeconds,
    timeouts: opts.timeouts,
    budget: opts.budget,
    files: localObjectStore({ endpoint: inject("s3Endpoint"), bucket: LOCAL_FILES_BUCKET }),
  });
  await bootstrapControlPlane(deps, deps.dynamo!, { ...DEMO_OPERATOR, password: DEMO_PASSWORD });
  if (opts.demo) await seedDemoTenant(deps);
  const server = createBridgeServer(makeHandler(deps), {
    functionTimeoutMs: opts.functionTimeoutMs,
    forward: [{ pathPrefix: `/${LOCAL_FILES_BUCKET}/`, target: inject("s3Endpoint") }],
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const call: TestApi["call"] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined = o.raw;
    if (o.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(o.body);
    }
    if (o.raw !== undefined) headers["content-type"] ??= "application/json";
    const res = await fetch(url + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };

  return {
    url,
    deps,
    stage,
    call,
    async login(tenant, username, password = DEMO_PASSWORD) {
      const r = await call("POST", "/v1/auth/login", { body: { tenant, username, password } });
      if (r.status !== 200)
        throw new Error(`login ${tenant}/${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.token as string;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Expects the error envelope with this status and code. */
export function expectError(r: ApiResponse, status: number, code: string) {
  if (r.status !== status || r.body?.error?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${r.status} ${JSON.stringify(r.body)}`);
  }
  if (typeof r.body.error.message !== "string" || r.body.error.message.length === 0) {
    throw new Error("error envelope without a message");
  }
}
