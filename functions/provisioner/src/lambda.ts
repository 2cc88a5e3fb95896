import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { S3Client } from "@aws-sdk/client-s3";
import middy from "@middy/core";
import {
  AWS_TIMEOUTS,
  AWS_UPLOAD_TIMEOUTS,
  awsDynamoClient,
  boundedCalls,
  controlTableName,
  documentClient,
  dropTenantTable,
  ExportsRepository,
  openSink,
  provisionTenant,
  runExport,
  TenantsRepository,
} from "@weiquan/store";
import { z } from "zod";
import { s3Sink } from "./s3-sink.ts";

const Id = z.string().min(1).max(64);
/** Onboarding (`{tenantId}`, the original shape), a tenant export, or dropping a deleted tenant's table. */
const Event = z.union([
  z.object({ tenantId: Id }),
  z.object({ export: z.object({ tenantId: Id, exportId: Id }) }),
  z.object({ dropTable: z.object({ tenantId: Id }) }),
]);

const logger = new Logger({ serviceName: "weiquan-provisioner" });
// Table-wide jobs outlive any API request, so they take more attempts than the api does.
const client = awsDynamoClient({}, { ...AWS_TIMEOUTS, maxAttempts: 6 });
const s3 = new S3Client(boundedCalls(AWS_UPLOAD_TIMEOUTS));
const stage = process.env.WEIQUAN_STAGE ?? "dev";
const controlTable = process.env.WEIQUAN_CONTROL_TABLE ?? controlTableName(stage);
const tenants = new TenantsRepository(documentClient(client), controlTable);
const exports = new ExportsRepository(documentClient(client), controlTable);
const now = () => new Date();

/**
 * The one function with rights over tenant tables as wholes. Invoked by the api: asynchronously on
 * onboarding (Lambda retries a failed async invocation twice; provisioning is idempotent, so a retry
 * finishes what a crashed run started) and for exports; synchronously to drop the table of a tenant
 * whose deletion has begun.
 */
export const handler = middy()
  .use(injectLambdaContext(logger))
  .handler(async (event: unknown) => {
    const e = Event.parse(event);
    if ("export" in e) {
      const { tenantId, exportId } = e.export;
      const sinks = openSink((location) => s3Sink(s3, location));
      const done = await runExport({ client, tenants, exports, now, openSink: sinks }, tenantId, exportId);
      if (done.status === "failed") logger.error("export failed", { tenantId, exportId, error: done.error });
      else logger.info("exported", { tenantId, exportId, itemCount: done.itemCount, bytes: done.bytes });
      return { tenantId, exportId, status: done.status };
    }
    if ("dropTable" in e) {
      const { tenantId } = e.dropTable;
      await dropTenantTable({ client, tenants }, tenantId);
      logger.info("tenant table dropped", { tenantId });
      return { tenantId, dropped: true };
    }
    const tenant = await provisionTenant({ client, tenants, now }, e.tenantId);
    logger.info("provisioned", { tenantId: e.tenantId, status: tenant.status });
    return { tenantId: e.tenantId, status: tenant.status };
  });
