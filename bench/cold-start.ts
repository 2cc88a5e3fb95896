import { spawnSync } from "node:child_process";
import { percentile } from "./lib.ts";

// A fresh Node process imports the bundle and serves its first request (GET /v1/health), as a cold Lambda would.
const probe = (file: string) => `
const t0 = performance.now();
const { handler } = await import(${JSON.stringify(file)});
const event = { version: "2.0", routeKey: "$default", rawPath: "/v1/health", rawQueryString: "", headers: { host: "localhost" },
  requestContext: { http: { method: "GET", path: "/v1/health", protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "bench" },
  requestId: "r", routeKey: "$default", stage: "$default", time: "", timeEpoch: Date.now(), accountId: "0", apiId: "a", domainName: "localhost", domainPrefix: "l" },
  isBase64Encoded: false };
const ctx = { awsRequestId: "r", functionName: "bench", getRemainingTimeInMillis: () => 29000 };
const res = await handler(event, ctx);
if (res.statusCode !== 200) throw new Error("first request failed: " + JSON.stringify(res));
const cpu = process.cpuUsage();
console.log(JSON.stringify({ ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 }));
`;

// AWS mode, as deployed (the first request, GET /v1/health, calls no AWS service).
const env = {
  PATH: process.env.PATH,
  AWS_REGION: "cn-north-1",
  AWS_ACCESS_KEY_ID: "bench",
  AWS_SECRET_ACCESS_KEY: "bench",
  WEIQUAN_MODE: "aws",
  WEIQUAN_STAGE: "bench",
  WEIQUAN_CONTROL_TABLE: "bench-control",
  WEIQUAN_SIGNING_KEY_ID: "alias/bench",
  WEIQUAN_DATA_ACCESS_ROLE_ARN: "arn:aws-cn:iam::123456789012:role/bench",
  WEIQUAN_PUBLIC_DATA_ACCESS_ROLE_ARN: "arn:aws-cn:iam::123456789012:role/bench-public",
  WEIQUAN_FILES_BUCKET: "bench-files",
  WEIQUAN_ACCOUNT_ID: "123456789012",
  WEIQUAN_ORIGIN_SECRET: "bench-origin-secret-0123456789",
  WEIQUAN_PROVISIONER_FUNCTION: "bench-provisioner",
  WEIQUAN_EXPORT_BUCKET: "bench-exports",
};

export interface ColdStart {
  importAndFirstRequestMs: number;
  processWallMs: number;
  /** The process's own CPU time (user + system, Node's start included): steadier than wall time on a
   * machine shared with other work. */
  processCpuMs: number;
  /** Interquartile range of the process CPU time, [p25, p75]: how much the runs spread. */
  processCpuSpreadMs: [number, number];
}

/**
 * Cold starts of several bundles, `runs` fresh processes each, interleaved (one of each in turn), so a
 * change of the machine's load during the measurement falls on every bundle alike; medians.
 */
export function coldStarts<K extends string>(files: Record<K, string>, runs: number): Record<K, ColdStart> {
  const names = Object.keys(files) as K[];
  const samples = new Map(
    names.map((name) => [name, { first: [] as number[], wall: [] as number[], cpu: [] as number[] }]),
  );
  for (let i = 0; i < runs; i++) {
    for (const name of names) {
      const t0 = performance.now();
      const out = spawnSync(process.execPath, ["--input-type=module", "-e", probe(files[name])], {
        env,
        encoding: "utf8",
      });
      const wall = performance.now() - t0;
      if (out.status !== 0) throw new Error(`cold start of ${files[name]} failed:\n${out.stderr}`);
      const last = JSON.parse(out.stdout.trim().split("\n").pop()!);
      const s = samples.get(name)!;
      s.first.push(last.ms);
      s.wall.push(wall);
      s.cpu.push(last.cpuMs);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const s = samples.get(name)!;
      return [
        name,
        {
          importAndFirstRequestMs: percentile(s.first, 50),
          processWallMs: percentile(s.wall, 50),
          processCpuMs: percentile(s.cpu, 50),
          processCpuSpreadMs: [percentile(s.cpu, 25), percentile(s.cpu, 75)],
        },
      ];
    }),
  ) as Record<K, ColdStart>;
}
