import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";

/** One DynamoDB call as the meter saw it: the operation and what it named. */
export interface MeteredCall {
  /** The operation: `GetItem`, `Query`, `Scan`, `BatchGetItem`, `TransactWriteItems` … */
  op: string;
  table?: string;
  index?: string;
}

export interface CallMeter {
  /** Runs `fn` and returns what it returned with every DynamoDB call made while it ran. */
  measure<T>(fn: () => Promise<T>): Promise<{ result: T; calls: MeteredCall[] }>;
  /** Takes the meter off the client. */
  remove(): void;
}

const NAME = "weiquanCallMeter";

/**
 * Counts the calls a client sends (a middleware at the start of its stack, so every command counts —
 * document-client commands included, as they travel through the same stack), for tests that hold a
 * request path to a fixed number of calls and no Scan. Calls are attributed to whichever `measure` is
 * running: measure one request at a time.
 */
export function meterCalls(client: DynamoDBClient): CallMeter {
  let recording: MeteredCall[] | null = null;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = (args.input ?? {}) as { TableName?: string; IndexName?: string };
      recording?.push({
        op: String(context.commandName ?? "?").replace(/Command$/, ""),
        ...(input.TableName ? { table: input.TableName } : {}),
        ...(input.IndexName ? { index: input.IndexName } : {}),
      });
      return next(args);
    },
    { step: "initialize", priority: "high", name: NAME },
  );
  return {
    async measure(fn) {
      if (recording) throw new Error("one measure at a time");
      const calls: MeteredCall[] = [];
      recording = calls;
      try {
        return { result: await fn(), calls };
      } finally {
        recording = null;
      }
    },
    remove() {
      client.middlewareStack.remove(NAME);
    },
  };
}

/**
 * What a request path may do, as a sentence a test can show: "" when the calls stay within `max` and
 * none is a Scan, otherwise why not.
 */
export function boundViolation(calls: readonly MeteredCall[], max: number): string {
  const scans = calls.filter((c) => c.op === "Scan");
  if (scans.length) return `${scans.length} Scan(s) on ${scans.map((s) => s.table).join(", ")}`;
  if (calls.length > max)
    return `${calls.length} DynamoDB calls (at most ${max}): ${calls.map((c) => c.op).join(", ")}`;
  return "";
}
