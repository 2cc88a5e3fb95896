import type { Server } from "node:http";
import { join } from "node:path";
import { type AppDeps, localDeps, makeHandler } from "@weiquan/fn-api";
import { sweepAllTenantsAttachments } from "@weiquan/fn-api/attachments/sweep";
import { sweepAllTenants } from "@weiquan/fn-api/cases/overdue";
import { superviseAllTenants } from "@weiquan/fn-api/supervision/daily";
import { controlTableDefinition, ensureTable } from "@weiquan/store";
import { createBridgeServer } from "./bridge.ts";
import { startDynamoLocal } from "./dynamodb.ts";
import { localObjectStore, startLocalS3 } from "./s3.ts";
import { bootstrapControlPlane } from "./seed/control-plane.ts";
import { seedDemoTenant } from "./seed/demo.ts";
import { seedDemoAssessment } from "./seed/demo-assessment.ts";
import { seedDemoCapacity } from "./seed/demo-capacity.ts";
import { seedDemoCases } from "./seed/demo-cases.ts";
import { DEMO_OPERATOR, DEMO_PASSWORD } from "./seed/demo-network.ts";
import { seedDemoSupervision } from "./seed/demo-supervision.ts";

export interface LocalStackOptions {
  /** Keeps DynamoDB data and the signing key here; omitted → in-memory database and key. */
  dataDir?: string;
  /** 0 or omitted → a free port. */
  apiPort?: number;
  dynamoPort?: number;
  /** The local S3-protocol server's port (0 or omitted → a free port). */
  s3Port?: number;
  /** Use an already running DynamoDB (Local) instead of starting one. */
  dynamoEndpoint?: string;
  stage?: string;
  /** Seed the platform operator and the demo tenant (idempotent). */
  seedDemo?: boolean;
  /** With seedDemo: also a half-year of demo cases on the first start (`pnpm dev`; tests start empty). */
  seedDemoCases?: boolean;
  /** Serve the built console from this folder on the API's origin. */
  staticDir?: string;
  host?: string;
  log?: (line: string) => void;
  /** The overdue sweep of every tenant (AWS: daily EventBridge rule) runs at start and then this often; 0 = never. Default one hour. */
  overdueSweepEveryMs?: number;
  /** A password someone else set must be changed at login (as in AWS); off by default. */
  requirePasswordChange?: boolean;
}

export interface LocalStack {
  apiUrl: string;
  dynamoEndpoint: string;
  /** The local S3-protocol server holding attachments (its bucket is also served under the API's origin). */
  s3Endpoint: string;
  deps: AppDeps;
  /** True when this start seeded the demo tenant (first start on an empty data folder). */
  seeded: boolean;
  stop(): Promise<void>;
}

/** DynamoDB Local + the real Lambda handler behind the event bridge (+ the console when built). */
export async function startLocalStack(opts: LocalStackOptions = {}): Promise<LocalStack> {
  const log = opts.log ?? (() => {});
  const dynamo = opts.dynamoEndpoint
    ? { endpoint: opts.dynamoEndpoint, stop: async () => {} }
    : await startDynamoLocal({
        port: opts.dynamoPort,
        dataDir: opts.dataDir && join(opts.dataDir, "dynamodb"),
      });
  log(`DynamoDB Local: ${dynamo.endpoint}`);
  let server: Server | undefined;
  let s3: Awaited<ReturnType<typeof startLocalS3>> | undefined;
  try {
    s3 = await startLocalS3({ dataDir: opts.dataDir && join(opts.dataDir, "s3"), port: opts.s3Port });
    log(`Object store (S3 protocol): ${s3.endpoint}`);
    const deps = localDeps({
      endpoint: dynamo.endpoint,
      stage: opts.stage,
      dataDir: opts.dataDir,
      files: localObjectStore(s3),
      requirePasswordChange: opts.requirePasswordChange,
    });
    await ensureTable(deps.dynamo!, deps.control.tableName, controlTableDefinition);
    let seeded = false;
    if (opts.seedDemo) {
      await bootstrapControlPlane(deps, deps.dynamo!, { ...DEMO_OPERATOR, password: DEMO_PASSWORD });
      seeded = await seedDemoTenant(deps);
      if (seeded && opts.seedDemoCases) {
        log(`Demo ledger: ${await seedDemoCases(deps)} cases`);
        const sv = await seedDemoSupervision(deps);
        log(`Demo supervision: last month's round of ${sv.round}, ${sv.inspections} inspections`);
        // The photos go straight to the S3-protocol server (the API's origin forwards to it once it listens).
        const cap = await seedDemoCapacity(deps, { filesOrigin: s3.endpoint });
        log(
          `Demo outreach: ${cap.trainings} trainings, ${cap.publicity} publicity events (${cap.photos} photos), ${cap.warnings} warnings`,
        );
        const demo = await seedDemoAssessment(deps);
        log(
          `Demo assessments: last year's signed off, this year's being scored; a campaign (${demo.campaign})`,
        );
      }
    }
    server = createBridgeServer(makeHandler(deps), {
      staticDir: opts.staticDir,
      forward: [{ pathPrefix: `/${s3.bucket}/`, target: s3.endpoint }],
    });
    const host = opts.host ?? "127.0.0.1";
    const port = await new Promise<number>((resolve, reject) => {
      server!.once("error", reject);
      server!.listen(opts.apiPort ?? 0, host, () => resolve((server!.address() as { port: number }).port));
    });
    const apiUrl = `http://${host}:${port}`;
    log(`API: ${apiUrl}`);
    const sweep = overdueSweeps(deps, opts.overdueSweepEveryMs ?? 3_600_000, log);
    const s = server;
    const files = s3;
    return {
      apiUrl,
      dynamoEndpoint: dynamo.endpoint,
      s3Endpoint: files.endpoint,
      deps,
      seeded,
      stop: async () => {
        await sweep.stop();
        s.closeAllConnections();
        await new Promise<void>((r) => s.close(() => r()));
        deps.dynamo?.destroy();
        await files.stop();
        await dynamo.stop();
      },
    };
  } catch (e) {
    server?.close();
    await s3?.stop();
    await dynamo.stop();
    throw e;
  }
}

/**
 * Runs the overdue sweep and the sweep of unlinked uploads of every tenant now and then every `everyMs`,
 * one run at a time.
 */
function overdueSweeps(deps: AppDeps, everyMs: number, log: (line: string) => void) {
  if (everyMs <= 0) return { stop: async () => {} };
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      try {
        const swept = await sweepAllTenants(
          { tenants: deps.control.tenants, tenantAccess: deps.tenantAccess },
          deps.now(),
        );
        const noticed = swept.reduce((n, t) => n + t.noticed, 0);
        if (noticed) log(`Overdue sweep: ${noticed} new overdue notices`);
        for (const t of swept) if (t.error) log(`Overdue sweep of tenant ${t.tenantId} failed: ${t.error}`);
        for (const t of await sweepAllTenantsAttachments(
          { tenants: deps.control.tenants, tenantAccess: deps.tenantAccess, files: deps.files },
          deps.now(),
        ))
          if ("error" in t) log(`Attachments sweep of tenant ${t.tenantId} failed: ${t.error}`);
        for (const t of await superviseAllTenants(
          { tenants: deps.control.tenants, tenantAccess: deps.tenantAccess },
          deps.now(),
        ))
          if ("error" in t) log(`Supervision job of tenant ${t.tenantId} failed: ${t.error}`);
      } catch (e) {
        log(`Overdue sweep failed: ${(e as Error).message}`);
      }
    });
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
