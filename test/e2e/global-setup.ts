import { spawn } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startLocalStack } from "@weiquan/local";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Origin of the local stack: the API under /v1 and the built console everywhere else. */
    baseUrl: string;
    /** The stack's DynamoDB Local, for a test that must seed what only a past clock makes (last month's closures). */
    e2eDynamoEndpoint: string;
    /** A file that appears when the console's build is over: `{ ok: true }` or `{ ok: false, error }`. */
    consoleBuild: string;
  }
}

const webRoot = fileURLToPath(new URL("../../web/", import.meta.url));
const verbose = process.env.WEIQUAN_E2E_VERBOSE === "1";

/** `vite build` of the console, in a child process so the build uses the web package's own Vite. */
function buildConsole(): Promise<void> {
  const viteBin = join(webRoot, "node_modules/vite/bin/vite.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin, "build", "--logLevel", "warn"], {
      cwd: webRoot,
      // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code}):\n${output}`)),
    );
  });
}

/**
 * The console is built in the background while the stack starts and the other projects' files run (the
 * e2e files run last, one at a time): on CI's two cores the build no longer holds up the whole suite for
 * its minute. Every e2e file waits for the build's outcome before its first page (support.ts `useBrowser`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const marker = join(tmpdir(), `weiquan-e2e-console-${process.pid}-${Date.now()}.json`);
  const build = buildConsole().then(
    () => {
      console.log(`e2e: console built in ${Math.round(performance.now() - started)} ms`);
      return writeFile(marker, JSON.stringify({ ok: true }));
    },
    (e: unknown) => writeFile(marker, JSON.stringify({ ok: false, error: String(e) })),
  );
  const stack = await startLocalStack({
    apiPort: 0,
    dynamoPort: 0,
    seedDemo: true,
    requirePasswordChange: true,
    staticDir: join(webRoot, "dist"),
    log: verbose ? (line) => console.log(`[stack] ${line}`) : () => {},
  });
  console.log(`e2e: stack ready in ${Math.round(performance.now() - started)} ms at ${stack.apiUrl}`);
  project.provide("baseUrl", stack.apiUrl);
  project.provide("e2eDynamoEndpoint", stack.dynamoEndpoint);
  project.provide("consoleBuild", marker);
  return async () => {
    await build;
    await rm(marker, { force: true });
    await stack.stop();
  };
}
