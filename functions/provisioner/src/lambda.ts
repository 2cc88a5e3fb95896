import { S3Client } from "@aws-sdk/client-s3";
import { lambdaHandler, loadTracer, logger, MetricUnit, metrics } from "@weiquan/runtime/observability";
import {
  AWS_TIMEOUTS,
  AWS_UPLOAD_TIMEOUTS,
  awsDynamoClient,
  boundedCalls,
  checkTenantTables,
  deploymentPlacement,
  documentClient,
  dropTenantTable,
  ExportsRepository,
  openSink,
  provisionTenant,
  remainingDrift,
  runExport,
  TenantsRepository,
} from "@weiquan/store";
import { provisionerConfig } from "./config.ts";
import { ProvisionerEvent } from "./events.ts";
import { s3Sink } from "./s3-sink.ts";

const config = provisionerConfig();
const client = awsDynamoClient({}, { ...AWS_TIMEOUTS, maxAttempts: 6 });
const s3 = new S3Client(boundedCalls(AWS_UPLOAD_TIMEOUTS));
const tenants = new TenantsRepository(documentClient(client), config.controlTable);
const exports = new ExportsRepository(documentClient(client), config.controlTable);
const now = () => new Date();
const placement = deploymentPlacement();

/**
 * The one function with rights over tenant tables as wholes. Invoked by the api: asynchronously on
 * onboarding (Lambda retries a failed async invocation twice, then sends it to the failure queue;
 * provisioning is idempotent, so a retry finishes what a crashed run started) and for exports;
 * synchronously to drop the table of a tenant whose deletion has begun; weekly (EventBridge) to check the
 * tenant tables against the shared definition, report only (`pnpm conformance --fix` repairs).
 */
export const handler = lambdaHandler(
  async (event: unknown) => {
    const e = ProvisionerEvent.parse(event);
    if ("export" in e) {
      const { tenantId, exportId } = e.export;
      logger.appendKeys({ tenantId });
      const sinks = openSink((location) => s3Sink(s3, location));
      const done = await runExport({ client, tenants, exports, now, openSink: sinks }, tenantId, exportId);
      if (done.status === "failed") logger.error("export failed", { exportId, error: done.error });
      else logger.info("exported", { exportId, itemCount: done.itemCount, bytes: done.bytes });
      return { tenantId, exportId, status: done.status };
    }
    if ("conformance" in e) {
      const results = await checkTenantTables({ client, tenants, fix: false });
      const drifted = results.filter(remainingDrift);
      for (const r of drifted) {
        const { tenantId, tableName, missing, error, drifts } = r;
        logger.warn("tenant table drift", { tenantId, tableName, missing, error, drifts });
      }
      // The alarm TenantTablesDrifted watches this count (infra operations.ts).
      metrics.addMetric("TenantTablesDrifted", MetricUnit.Count, drifted.length);
      logger.info("tenant tables checked", { tables: results.length, drifted: drifted.length });
      return { checked: results.length, drifted: drifted.length };
    }
    if ("dropTable" in e) {
      const { tenantId } = e.dropTable;
      logger.appendKeys({ tenantId });
      await dropTenantTable({ client, tenants }, tenantId);
      logger.info("tenant table dropped");
      return { tenantId, dropped: true };
    }
    logger.appendKeys({ tenantId: e.tenantId });
    const tenant = await provisionTenant({ client, tenants, now, placement }, e.tenantId);
    logger.info("provisioned", { status: tenant.status });
    return { tenantId: e.tenantId, status: tenant.status };
  },
  await loadTracer(),
);
