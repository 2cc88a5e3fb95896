/**
 * `pnpm dev`: DynamoDB Local (data kept under WEIQUAN_DATA_DIR, default .data/), the API through the
 * real Lambda handler, the console on Vite with /v1 proxied — seeded with the demo tenant on first start.
 * Ctrl-C (or SIGTERM) stops all of it, the JVM included.
 */
import { execFileSync, spawn } from "node:child_process";
import { resolve } from "node:path";
import { DEMO_COUNTY, DEMO_PASSWORD, demoUsers } from "./seed/demo-network.ts";
import { startLocalStack } from "./stack.ts";

const env = process.env;
const repoRoot = resolve(import.meta.dirname, "../../..");
const dataDir = resolve(repoRoot, env.WEIQUAN_DATA_DIR ?? ".data");
const apiPort = Number(env.WEIQUAN_API_PORT ?? 3000);
const webPort = Number(env.WEIQUAN_WEB_PORT ?? 5173);
const dynamoPort = Number(env.WEIQUAN_DYNAMODB_PORT ?? 8000);

const say = (line: string) => console.log(`[weiquan] ${line}`);

say(`starting (data in ${dataDir}) …`);
const stack = await startLocalStack({
  dataDir,
  apiPort,
  dynamoPort,
  dynamoEndpoint: env.WEIQUAN_DYNAMODB_ENDPOINT,
  seedDemo: true,
  seedDemoCases: true,
  // As in AWS: a user an admin creates changes the password at first login (the demo accounts need not).
  requirePasswordChange: true,
  log: say,
});
if (stack.seeded) say(`seeded the demo tenant ${DEMO_COUNTY.countyCode} ${DEMO_COUNTY.name}`);

// Vite's own binary, not `pnpm --filter … exec`: a pnpm wrapper reports Ctrl-C as a failed command.
const vite = spawn(
  resolve(repoRoot, "web/node_modules/.bin/vite"),
  ["--port", String(webPort), "--strictPort"],
  {
    cwd: resolve(repoRoot, "web"),
    env: { ...env, WEIQUAN_API_PORT: String(apiPort), WEIQUAN_WEB_PORT: String(webPort) },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  },
);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say("stopping …");
  try {
    if (vite.pid) process.kill(-vite.pid, "SIGTERM");
  } catch {
    // already gone
  }
  await stack.stop();
  say("stopped");
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

// `pnpm dev` runs this through several wrapper processes that do not pass SIGTERM on; when the process
// group's leader (pnpm, as started from a shell) is gone, stop rather than leave an orphaned JVM behind.
const groupLeader = Number(
  execFileSync("ps", ["-o", "pgid=", "-p", String(process.pid)])
    .toString()
    .trim(),
);
if (groupLeader > 1 && groupLeader !== process.pid) {
  setInterval(() => {
    try {
      process.kill(groupLeader, 0);
    } catch {
      say("the command that started this process is gone");
      void shutdown(0);
    }
  }, 1000).unref();
}
vite.on("exit", (code) => {
  if (!stopping) {
    say(`the console dev server exited (${code}); stopping`);
    void shutdown(code ?? 1);
  }
});

const users = [
  ["operator", "platform", "平台运维 (platform_admin)"],
  ["admin", DEMO_COUNTY.countyCode, "县局管理员 (bureau_admin)"],
  ...demoUsers.map((u) => [u.username, DEMO_COUNTY.countyCode, `${u.displayName} (${u.role})`]),
];
console.log(`
  维权通 Weiquan is running
  console  http://localhost:${webPort}/
  API      ${stack.apiUrl}/v1/health   (OpenAPI: ${stack.apiUrl}/v1/openapi.json)
  DynamoDB ${stack.dynamoEndpoint}

  demo logins (password ${DEMO_PASSWORD} for all):
${users.map(([u, t, d]) => `    ${t!.padEnd(9)} ${u!.padEnd(9)} ${d}`).join("\n")}

  Ctrl-C stops everything.
`);
