import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import type { TenantAccess } from "@weiquan/store";
import type { TestApi } from "./api.ts";

/**
 * A fault-injecting DynamoDB client for one running API: every tenant table it hands out answers its
 * next `times` TransactWriteItems with what DynamoDB answers when another transaction holds one of the
 * items (TransactionCanceledException, reason TransactionConflict) — which DynamoDB Local never does.
 * The failed transaction never reaches DynamoDB Local, exactly as a cancelled one writes nothing.
 * `restore()` puts the real client back.
 */
export function injectTransactionConflicts(api: TestApi, times: number) {
  const original: TenantAccess = api.deps.tenantAccess;
  const state = { left: times, injected: 0, transactions: 0 };
  api.deps.tenantAccess = {
    async forTenant(tenantId) {
      const table = await original.forTenant(tenantId);
      const doc = new Proxy(table.doc, {
        get(target, prop, receiver) {
          if (prop !== "send") return Reflect.get(target, prop, receiver);
          // biome-ignore lint/suspicious/noExplicitAny: forwards whatever command the store sends
          return async (command: any, ...rest: any[]) => {
            if (command?.constructor?.name === "TransactWriteCommand") {
              state.transactions++;
              if (state.left > 0) {
                state.left--;
                state.injected++;
                throw conflict(command.input.TransactItems.length);
              }
            }
            return target.send(command, ...rest);
          };
        },
      });
      return { ...table, doc };
    },
  };
  return {
    state,
    restore() {
      api.deps.tenantAccess = original;
    },
  };
}

/** DynamoDB's answer to a transaction that touched an item another transaction was writing. */
function conflict(items: number) {
  // The rollup or counter is typically the contended item; which index carries the reason does not matter.
  const reasons = Array.from({ length: items }, (_, i) =>
    i === items - 1
      ? { Code: "TransactionConflict", Message: "Transaction is ongoing for the item" }
      : { Code: "None" },
  );
  return new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons
      .map((r) => r.Code)
      .join(", ")}]`,
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: reasons,
  });
}

/** Which DynamoDB requests a fault applies to: operations (e.g. "TransactWriteItems"), a table name part. */
export interface FaultMatch {
  operations?: string[];
  table?: string;
}

type Fault =
  | { kind: "stall"; ms: number; after: "forward" | "drop" }
  | { kind: "throttle" }
  | { kind: "conflict" }
  | { kind: "fail" };

interface Rule {
  fault: Fault;
  match: FaultMatch;
  left: number;
  /** Applies to a request with this probability (0..1); the rest pass untouched. */
  chance: number;
}

export interface FaultProxy {
  /** The endpoint to give the API's DynamoDB client instead of DynamoDB Local's. */
  url: string;
  /**
   * Holds matching requests for `ms`, then forwards them to DynamoDB Local (`after: "forward"`: the write
   * lands after the client gave up, as a slow network can make it) or never answers (`"drop"`).
   */
  stall(o: { ms: number; after?: "forward" | "drop"; times?: number; chance?: number } & FaultMatch): void;
  /** Answers ProvisionedThroughputExceededException, as DynamoDB does to a hot partition. */
  throttle(o?: { times?: number; chance?: number } & FaultMatch): void;
  /** Cancels TransactWriteItems with reason TransactionConflict (another transaction holds an item). */
  conflict(o?: { times?: number; chance?: number } & FaultMatch): void;
  /** Answers 500 InternalServerError. */
  fail(o?: { times?: number; chance?: number } & FaultMatch): void;
  /** Removes every rule; requests held to be dropped are dropped now, those to be forwarded still are. */
  clear(): void;
  /** Resolves once no held request is left (every stalled request forwarded or dropped). */
  settled(): Promise<void>;
  counts: {
    requests: number;
    stalled: number;
    throttled: number;
    conflicted: number;
    failed: number;
    landedLate: number;
  };
  close(): Promise<void>;
}

const DYNAMO_ERROR = "com.amazonaws.dynamodb.v20120810#";

/**
 * A fault-injecting HTTP proxy in front of DynamoDB Local. Unlike a wrapped client, the faults reach the
 * SDK as the network and DynamoDB would deliver them — through its HTTP handler, timeouts, retry
 * strategy and error parsing — so what is tested is the production client configuration.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const agent = new Agent({ keepAlive: true });
  const upstream = new URL(target);
  let rules: Rule[] = [];
  let held = 0;
  let waiters: (() => void)[] = [];
  const dropped = new Set<() => void>();
  const counts = { requests: 0, stalled: 0, throttled: 0, conflicted: 0, failed: 0, landedLate: 0 };
  const release = () => {
    held--;
    if (held === 0) for (const w of waiters.splice(0)) w();
  };

  const pick = (operation: string, body: string): Rule | undefined => {
    const rule = rules.find(
      (r) =>
        r.left > 0 &&
        (!r.match.operations || r.match.operations.includes(operation)) &&
        (!r.match.table || body.includes(r.match.table)) &&
        (r.fault.kind !== "conflict" || operation === "TransactWriteItems"),
    );
    if (!rule || Math.random() >= rule.chance) return undefined;
    rule.left--;
    return rule;
  };

  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse | null) =>
    new Promise<void>((done) => {
      const out = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
          agent,
        },
        (answer) => {
          if (!res || res.destroyed) {
            answer.resume();
            answer.on("end", done);
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on("end", done);
        },
      );
      out.on("error", () => {
        if (res && !res.headersSent) res.writeHead(502).end();
        done();
      });
      out.end(body);
    });

  const awsError = (res: ServerResponse, status: number, type: string, extra = {}) => {
    const body = JSON.stringify({ __type: `${DYNAMO_ERROR}${type}`, message: type, ...extra });
    res.writeHead(status, {
      "content-type": "application/x-amz-json-1.0",
      "x-amzn-requestid": `fault-${counts.requests}`,
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const operation = String(req.headers["x-amz-target"] ?? "").split(".")[1] ?? "";
    counts.requests++;
    const rule = pick(operation, body.toString("utf8"));
    const fault = rule?.fault;
    if (!fault) return forward(req, body, res);
    if (fault.kind === "throttle") {
      counts.throttled++;
      return awsError(res, 400, "ProvisionedThroughputExceededException");
    }
    if (fault.kind === "fail") {
      counts.failed++;
      return awsError(res, 500, "InternalServerError");
    }
    if (fault.kind === "conflict") {
      counts.conflicted++;
      const items = (JSON.parse(body.toString("utf8")).TransactItems ?? []).length;
      const reasons = Array.from({ length: items }, (_, i) =>
        i === items - 1
          ? { Code: "TransactionConflict", Message: "Transaction is ongoing for the item" }
          : { Code: "None" },
      );
      return awsError(res, 400, "TransactionCanceledException", { CancellationReasons: reasons });
    }
    counts.stalled++;
    held++;
    let gone = false;
    res.on("close", () => {
      gone = true;
    });
    await new Promise<void>((r) => {
      const timer = setTimeout(r, fault.ms);
      // A request that would never be answered need not outlive its rule.
      if (fault.after === "drop")
        dropped.add(() => {
          clearTimeout(timer);
          r();
        });
    });
    if (fault.after === "drop") {
      res.destroy();
    } else {
      if (gone) counts.landedLate++;
      await forward(req, body, gone ? null : res);
    }
    release();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;

  const clear = () => {
    rules = [];
    for (const drop of dropped) drop();
    dropped.clear();
  };
  const add = (fault: Fault, o: { times?: number; chance?: number } & FaultMatch = {}) =>
    rules.push({
      fault,
      match: { operations: o.operations, table: o.table },
      left: o.times ?? Number.POSITIVE_INFINITY,
      chance: o.chance ?? 1,
    });

  return {
    url: `http://127.0.0.1:${port}`,
    stall: (o) => add({ kind: "stall", ms: o.ms, after: o.after ?? "forward" }, o),
    throttle: (o) => add({ kind: "throttle" }, o),
    conflict: (o) => add({ kind: "conflict" }, o),
    fail: (o) => add({ kind: "fail" }, o),
    clear,
    settled: () => (held === 0 ? Promise.resolve() : new Promise<void>((r) => waiters.push(r))),
    counts,
    async close() {
      clear();
      await new Promise<void>((r) => {
        waiters.push(r);
        if (held === 0) r();
      });
      waiters = [];
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      agent.destroy();
    },
  };
}
