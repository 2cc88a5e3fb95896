/**
 * The load run of `pnpm bench reliability` (issue 13 item 8), with autocannon: C connections for T seconds,
 * each looping over a ledger page, /v1/me and a registration with its own subject and Idempotency-Key;
 * then every acknowledged registration is looked for in the ledger (present exactly once).
 */
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { round } from "./lib.ts";
import type { Call } from "./reliability-faults.ts";

// biome-ignore lint/suspicious/noExplicitAny: JSON answers read field by field
type Json = any;

export async function loadRun(
  url: string,
  call: Call,
  token: string,
  complaint: (subject: string) => object,
  o: { connections: number; seconds: number },
) {
  const tag = `负载${Date.now()}`;
  let sent = 0;
  const acked = new Set<string>();
  const result = await autocannon({
    url,
    connections: o.connections,
    duration: o.seconds,
    headers: { authorization: `Bearer ${token}` },
    requests: [
      { method: "GET", path: "/v1/cases?limit=20" },
      { method: "GET", path: "/v1/me" },
      {
        method: "POST",
        path: "/v1/cases",
        setupRequest: (req) => ({
          ...req,
          headers: {
            authorization: `Bearer ${token}`,
            "content-type": "application/json",
            "idempotency-key": randomUUID(),
          },
          body: JSON.stringify(complaint(`${tag} ${sent++}`)),
        }),
        onResponse: (status, body) => {
          if (status === 201) acked.add(JSON.parse(body).id);
        },
      },
    ],
  });

  const stored: Json[] = [];
  let cursor: string | null = null;
  do {
    const page: Json = await call(
      "GET",
      `/v1/cases?q=${encodeURIComponent(tag)}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      token,
    );
    stored.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  const ids = stored.map((c) => c.id as string);
  const subjects = stored.map((c) => c.subject as string);
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .map(([s, v]) => `${s}×${v.count}`)
    .join(" ");
  return {
    connections: o.connections,
    seconds: round(result.duration, 1),
    requests: result.requests.total,
    "req/s": round(result.requests.average, 1),
    "latency p50 ms": result.latency.p50,
    "latency p99 ms": result.latency.p99,
    statuses,
    "5xx": result["5xx"],
    "socket errors / timeouts": `${result.errors} / ${result.timeouts}`,
    "writes acknowledged": acked.size,
    "acked stored once": [...acked].filter((id) => ids.filter((x) => x === id).length === 1).length,
    duplicated: subjects.length - new Set(subjects).size,
    // A registration in flight when the run stopped: written, its answer cut off by autocannon.
    "stored, answer cut at the end": ids.filter((id) => !acked.has(id)).length,
  };
}
