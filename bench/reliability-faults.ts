/**
 * Injected faults for `pnpm bench reliability` (issue 13 item 8): a second API on the same tables whose
 * DynamoDB client talks through the fault-injecting proxy of the API tests — stalled requests and
 * cancelled transactions (TransactionConflict) on the wire — while registrations and case actions
 * arrive; afterwards every acknowledged write is looked for (present exactly once) and every 503 is
 * checked for what it left behind. Prints numbers; asserts nothing (test/api/deadlines.test.ts does).
 */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { localDeps, makeHandler } from "@weiquan/fn-api";
import { createBridgeServer, type LocalStack } from "@weiquan/local";
import { startFaultProxy } from "../test/support/faults.ts";

// biome-ignore lint/suspicious/noExplicitAny: JSON answers read field by field
type Json = any;
export type Call = (
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers?: Record<string, string>,
  base?: string,
) => Promise<{ status: number; body: Json }>;

/** Runs `fn` over `items`, `width` at a time. */
async function inBatches<T>(items: T[], width: number, fn: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(fn));
}

const tally = (statuses: number[]) => ({
  "2xx": statuses.filter((s) => s >= 200 && s < 300).length,
  "503": statuses.filter((s) => s === 503).length,
  "other 4xx": statuses.filter((s) => s >= 400 && s < 500).length,
  "5xx (not 503)": statuses.filter((s) => s >= 500 && s !== 503).length,
});

export async function faultRuns(
  stack: LocalStack,
  call: Call,
  token: string,
  complaint: (subject: string) => object,
  n: number,
) {
  const proxy = await startFaultProxy(stack.dynamoEndpoint);
  // Production-like deadlines, scaled down: 1.5 s per attempt, 3 s per request, then a 503.
  const deps = {
    ...localDeps({
      endpoint: proxy.url,
      stage: stack.deps.stage,
      files: stack.deps.files,
      timeouts: { connectMs: 1000, attemptMs: 1500, maxAttempts: 3 },
      budget: { marginMs: 500, maxMs: 3000 },
    }),
    // The same signing key: the healthy API's tokens are good here too.
    signingKey: stack.deps.signingKey,
  };
  const server = createBridgeServer(makeHandler(deps));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const faulty = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** N registrations and N accepts on fresh cases through the faulty API while `inject` is in force. */
  async function scenario(name: string, inject: () => void) {
    const tag = `故障${name}${Date.now()}`;
    const targets: Json[] = [];
    await inBatches([...Array(n).keys()], 8, async (i) => {
      targets.push((await call("POST", "/v1/cases", token, complaint(`${tag} 待受理 ${i}`))).body);
    });
    const regs = [...Array(n).keys()].map((i) => ({
      subject: `${tag} 登记 ${i}`,
      key: randomUUID(),
      status: 0,
      id: "",
    }));
    const acts = targets.map((c) => ({ c, status: 0 }));
    const before = { ...proxy.counts };
    inject();
    const requests = [
      ...regs.map((r) => async () => {
        const a = await call(
          "POST",
          "/v1/cases",
          token,
          complaint(r.subject),
          { "idempotency-key": r.key },
          faulty,
        );
        r.status = a.status;
        if (a.status === 201) r.id = a.body.id;
      }),
      ...acts.map((a) => async () => {
        a.status = (
          await call(
            "POST",
            `/v1/cases/${a.c.id}/transitions`,
            token,
            { action: "accept", version: a.c.version },
            {},
            faulty,
          )
        ).status;
      }),
    ].sort(() => Math.random() - 0.5);
    await inBatches(requests, 8, (f) => f());
    proxy.clear();
    await proxy.settled();
    const injected = Object.fromEntries(
      Object.entries(proxy.counts).map(([k, v]) => [k, v - before[k as keyof typeof before]]),
    ) as typeof before;

    // What the tables hold once every held request has been forwarded or dropped.
    const stored: Json[] = [];
    let cursor: string | null = null;
    do {
      const page: Json = await call(
        "GET",
        `/v1/cases?q=${encodeURIComponent(`${tag} 登记`)}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        token,
      );
      stored.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const copies = (subject: string) => stored.filter((c) => c.subject === subject).length;
    const accepts = new Map<string, number>();
    await inBatches(acts, 8, async (a) => {
      const timeline = (await call("GET", `/v1/cases/${a.c.id}`, token)).body.timeline as Json[];
      accepts.set(a.c.id, timeline.filter((e) => e.action === "accept").length);
    });
    // A 503'd registration retried with its key once the database recovers (what the console does).
    let retried201 = 0;
    for (const r of regs.filter((r) => r.status !== 201)) {
      const again = await call("POST", "/v1/cases", token, complaint(r.subject), {
        "idempotency-key": r.key,
      });
      if (again.status === 201) retried201++;
    }
    const afterRetry = (
      await call("GET", `/v1/cases?q=${encodeURIComponent(`${tag} 登记`)}&limit=200`, token)
    ).body.items as Json[];
    const acked = regs.filter((r) => r.status === 201);
    const refused = regs.filter((r) => r.status === 503);
    const actsAcked = acts.filter((a) => a.status === 200);
    const actsRefused = acts.filter((a) => a.status === 503);
    return {
      scenario: name,
      injected: `${injected.stalled} stalled, ${injected.conflicted} conflicts, ${injected.landedLate} landed late`,
      registrations: Object.entries(tally(regs.map((r) => r.status)))
        .map(([k, v]) => `${k} ${v}`)
        .join(" · "),
      "acked present once": `${acked.filter((r) => copies(r.subject) === 1 && stored.some((c) => c.id === r.id)).length}/${acked.length}`,
      "503 wrote nothing / landed late": `${refused.filter((r) => copies(r.subject) === 0).length} / ${refused.filter((r) => copies(r.subject) > 0).length}`,
      "after key retry: 201, cases once": `${retried201}/${regs.length - acked.length}, ${regs.filter((r) => afterRetry.filter((c) => c.subject === r.subject).length === 1).length}/${regs.length}`,
      actions: Object.entries(tally(acts.map((a) => a.status)))
        .map(([k, v]) => `${k} ${v}`)
        .join(" · "),
      "acked actions once": `${actsAcked.filter((a) => accepts.get(a.c.id) === 1).length}/${actsAcked.length}`,
      "503 actions wrote nothing / landed late": `${actsRefused.filter((a) => accepts.get(a.c.id) === 0).length} / ${actsRefused.filter((a) => accepts.get(a.c.id) === 1).length}`,
      duplicated:
        regs.filter((r) => copies(r.subject) > 1).length + [...accepts.values()].filter((x) => x > 1).length,
    };
  }

  try {
    const ops = ["GetItem", "Query", "TransactWriteItems", "UpdateItem", "PutItem", "BatchGetItem"];
    return [
      // Held 4 s (past the 3 s budget) and never answered: the request died on the way.
      await scenario("停顿-丢弃", () =>
        proxy.stall({ ms: 4000, after: "drop", operations: ops, chance: 0.3 }),
      ),
      // Held 4 s and then delivered: the write lands after its 503 (a slow network) — the key retry finds it.
      await scenario("停顿-迟到", () =>
        proxy.stall({ ms: 4000, after: "forward", operations: ops, chance: 0.3 }),
      ),
      // Half of the transactions cancelled with TransactionConflict (another writer on the same items).
      await scenario("事务冲突", () => proxy.conflict({ chance: 0.5 })),
    ];
  } finally {
    proxy.clear();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    deps.dynamo?.destroy();
    await proxy.close();
  }
}
