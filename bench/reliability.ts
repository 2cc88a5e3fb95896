/**
 * `pnpm bench reliability`: the figures a security reviewer asks for (issue 13 item 8), against the local
 * stack through real HTTP — cross-tenant and cross-subtree attempts over every route of the OpenAPI
 * document, token forgeries, fuzzed bodies per endpoint, injected stalls and TransactionConflicts
 * (reliability-faults.ts), and an autocannon load run (reliability-load.ts) whose acknowledged writes
 * are then counted. Prints numbers; asserts nothing (the tests do).
 */
import { loadavg } from "node:os";
import { DEMO_COUNTY, DEMO_PASSWORD, startLocalStack } from "@weiquan/local";
import fc from "fast-check";
import { printTable, writeResults } from "./lib.ts";
import { faultRuns } from "./reliability-faults.ts";
import { loadRun } from "./reliability-load.ts";

const quick = process.argv.includes("--quick");
let lapStart = Date.now();
/** Seconds since the previous lap: each table says what it cost. */
const lap = () => {
  const s = Math.round((Date.now() - lapStart) / 1000);
  lapStart = Date.now();
  return `${s} s`;
};
const stack = await startLocalStack({ seedDemo: true, overdueSweepEveryMs: 0 });
console.log(
  `local stack with the demo tenant started (${lap()}), ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} load`,
);
const url = stack.apiUrl;
// biome-ignore lint/suspicious/noExplicitAny: JSON answers read field by field
type Json = any;
async function call(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
  base = url,
) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...headers,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: Json = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, body: json };
}
const login = async (tenant: string, username: string, password = DEMO_PASSWORD) =>
  (await call("POST", "/v1/auth/login", undefined, { tenant, username, password })).body.token as string;

try {
  const county = DEMO_COUNTY.countyCode;
  const t: Record<string, string> = {};
  for (const who of ["admin", "point1", "point2"]) t[who] = await login(county, who);
  t.operator = await login("platform", "operator");
  const otherPassword = "Qiaoxi-Juzhang-2026";
  await call("POST", "/v1/platform/tenants", t.operator, {
    countyCode: "130104",
    name: "石家庄市桥西区",
    admin: { username: "admin", displayName: "管理员", password: otherPassword },
  });
  t.other = await login("130104", "admin", otherPassword);
  const complaint = (subject: string) => ({
    kind: "complaint",
    channel: "walk_in",
    consumer: { name: "张桂芳", phone: "13812348000", address: "宝坻区南关大街 5 号" },
    business: { name: "宝坻区惠民家电商店", address: "宝坻区南关大街 18 号" },
    category: "goods.appliances",
    subject,
    description: "使用三天后不制冷，商家拒绝退换。",
    request: "退货并退还货款",
  });
  const theCase = (await call("POST", "/v1/cases", t.point1, complaint("可靠性基准"))).body;
  const units = (await call("GET", "/v1/units", t.admin)).body.items as Json[];
  const users = (await call("GET", "/v1/users", t.admin)).body.items as Json[];
  const idFor = (path: string) =>
    path.startsWith("/v1/units/")
      ? units.find((u) => u.type === "point").id
      : path.startsWith("/v1/users/")
        ? users.find((u) => u.username === "point2").id
        : theCase.id;
  const doc = (await call("GET", "/v1/openapi.json")).body;
  const ops = Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, o]) =>
    Object.keys(o).map((method) => ({ method: method.toUpperCase(), path })),
  );
  const concrete = (path: string) => path.replace(/\{[^}]+\}/g, () => idFor(path));
  const tenantRoutes = ops.filter(
    (o) => o.path.includes("{") && !o.path.startsWith("/v1/platform") && !o.path.startsWith("/v1/public"),
  );

  // Cross-tenant: another county's admin on every route naming one of this county's objects.
  // Cross-subtree: a sibling point on every route naming the other point's case.
  const attempt = async (who: string, list: typeof ops) => {
    let tried = 0;
    let refused = 0;
    const through: string[] = [];
    for (const o of list) {
      const r = await call(o.method, concrete(o.path), t[who], o.method === "GET" ? undefined : {});
      tried++;
      if (r.status >= 400 && r.status < 500) refused++;
      else through.push(`${o.method} ${o.path} ${r.status}`);
    }
    return { tried, refused, through };
  };
  const cross = await attempt("other", tenantRoutes);
  const subtree = await attempt(
    "point2",
    tenantRoutes.filter((o) => o.path.startsWith("/v1/cases/{")),
  );
  printTable(
    `Cross-tenant / cross-subtree attempts (every route naming an object × the wrong caller; ${lap()})`,
    [
      {
        attempt: "other county's admin",
        routes: cross.tried,
        refused: cross.refused,
        answered: cross.through.join("; ") || "-",
      },
      {
        attempt: "sibling point",
        routes: subtree.tried,
        refused: subtree.refused,
        answered: subtree.through.join("; ") || "-",
      },
    ],
  );

  // Token forgeries against an authenticated read.
  const [h, p, s] = t.admin.split(".") as [string, string, string];
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const claims = JSON.parse(Buffer.from(p, "base64url").toString());
  const forgeries: Record<string, string> = {
    "alg none": `${b64({ alg: "none", typ: "JWT" })}.${p}.`,
    "other tenant, same signature": `${h}.${b64({ ...claims, tid: "t-other" })}.${s}`,
    "role raised, same signature": `${h}.${b64({ ...claims, role: "platform_admin" })}.${s}`,
    "HS256 with a guessed secret": `${b64({ alg: "HS256", typ: "JWT" })}.${p}.${Buffer.from("x".repeat(32)).toString("base64url")}`,
    "signature cut": `${h}.${p}.${s.slice(0, 20)}`,
    garbage: "not-a-token",
  };
  const forged = [];
  for (const [name, token] of Object.entries(forgeries))
    forged.push({ forgery: name, status: (await call("GET", "/v1/cases", token)).status });
  printTable("Token forgeries (GET /v1/cases)", forged);

  // Fuzzed bodies on every write endpoint (as the county's admin, path ids of real objects).
  const writes = ops.filter(
    (o) => o.method !== "GET" && !o.path.startsWith("/v1/platform") && o.path !== "/v1/auth/login",
  );
  const runs = quick ? 5 : 15;
  const body = fc.oneof(
    fc.object(),
    fc.jsonValue(),
    fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
  );
  let fuzzed = 0;
  let withPaths = 0;
  let fiveXx = 0;
  const accepted: string[] = [];
  for (const o of writes) {
    for (const b of fc.sample(body, runs)) {
      const r = await call(o.method, concrete(o.path), t.admin, b);
      fuzzed++;
      if (r.status >= 500) fiveXx++;
      if (
        r.status === 400 &&
        Array.isArray(r.body?.error?.details) &&
        r.body.error.details.every((d: Json) => typeof d.path === "string")
      )
        withPaths++;
      if (r.status < 400) accepted.push(`${o.method} ${o.path}`);
    }
  }
  printTable(`Fuzzed bodies (fast-check, ${runs} per endpoint; ${lap()})`, [
    {
      endpoints: writes.length,
      bodies: fuzzed,
      "400 with field paths": withPaths,
      "other 4xx": fuzzed - withPaths - fiveXx - accepted.length,
      "5xx": fiveXx,
      "2xx (bodies an endpoint accepts whatever they hold)": [...new Set(accepted)].join("; ") || "0",
    },
  ]);

  // Injected stalls and TransactionConflicts: N registrations and N case actions each.
  lap();
  const faults = await faultRuns(stack, call, t.point1!, complaint, quick ? 8 : 16);
  printTable(
    `Injected faults on the DynamoDB wire (a second API on the same tables; 3 s request budget, 1.5 s per attempt; ${lap()})`,
    faults,
  );

  // Load: autocannon, C connections for T seconds, mixed reads and registrations.
  const load = await loadRun(url, call, t.point1!, complaint, {
    connections: quick ? 4 : 8,
    seconds: quick ? 8 : 15,
  });
  printTable(`Load run (autocannon; mixed reads and registrations, local stack on this machine; ${lap()})`, [
    load,
  ]);
  writeResults("reliability", {
    cross,
    subtree,
    forged,
    fuzz: { fuzzed, withPaths, fiveXx, accepted },
    faults,
    load,
    loadavg: loadavg(),
  });
} finally {
  await stack.stop();
}
