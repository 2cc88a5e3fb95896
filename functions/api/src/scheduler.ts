import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import {
  awsDynamoClient,
  controlTableName,
  documentClient,
  ObjectStore,
  TenantsRepository,
  tokenVendingAccess,
} from "@weiquan/store";
import { z } from "zod";
import { sweepAllTenantsAttachments } from "./attachments/sweep.ts";
import { sweepAllTenants } from "./cases/overdue.ts";
import { superviseAllTenants } from "./supervision/daily.ts";

/** What EventBridge sends on a schedule (only the fields we read). */
const ScheduledEvent = z.object({
  "detail-type": z.literal("Scheduled Event"),
  time: z.iso.datetime({ offset: true }),
});

const required = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`environment variable ${name} is required`);
  return v;
};

const logger = new Logger({ serviceName: "weiquan-scheduler" });
const stage = required("WEIQUAN_STAGE");
const tenants = new TenantsRepository(
  documentClient(awsDynamoClient()),
  process.env.WEIQUAN_CONTROL_TABLE ?? controlTableName(stage),
);
// The same token vending as the api: each tenant's table through the data-access role tagged with it.
const tenantAccess = tokenVendingAccess({ stage, roleArn: required("WEIQUAN_DATA_ACCESS_ROLE_ARN") });
// Each tenant's files through the same tenant session, which may touch only that tenant's key prefix.
const files = new ObjectStore({ bucket: required("WEIQUAN_FILES_BUCKET"), region: process.env.AWS_REGION });

/**
 * The daily jobs (EventBridge, 00:10 Asia/Shanghai): the overdue sweep, the removal of uploads nobody
 * linked within 24 hours and supervision's reminders (last month's round, overdue findings), for every
 * active tenant.
 * A tenant that fails is logged and the others are still swept; the run fails (and is retried by
 * Lambda) only if none could be listed. Sweeping twice notifies nothing twice.
 */
export const handler = middy()
  .use(injectLambdaContext(logger))
  .handler(async (event: unknown) => {
    const { time } = ScheduledEvent.parse(event);
    const swept = await sweepAllTenants({ tenants, tenantAccess }, new Date());
    for (const t of swept) {
      if (t.error) logger.error("overdue sweep failed", { tenantId: t.tenantId, error: t.error });
      else logger.info("overdue sweep", { ...t });
    }
    const filesSwept = await sweepAllTenantsAttachments({ tenants, tenantAccess, files }, new Date());
    for (const t of filesSwept) {
      if ("error" in t) logger.error("attachments sweep failed", { tenantId: t.tenantId, error: t.error });
      else if (t.result) logger.info("attachments sweep", { tenantId: t.tenantId, removed: t.result });
    }
    const supervised = await superviseAllTenants({ tenants, tenantAccess }, new Date());
    for (const t of supervised) {
      if ("error" in t) logger.error("supervision job failed", { tenantId: t.tenantId, error: t.error });
      else logger.info("supervision job", { tenantId: t.tenantId, ...t.result });
    }
    const failed =
      swept.filter((t) => t.error).length +
      filesSwept.filter((t) => "error" in t).length +
      supervised.filter((t) => "error" in t).length;
    return {
      scheduledAt: time,
      tenants: swept.length,
      failed,
      noticed: swept.reduce((n, t) => n + t.noticed, 0),
    };
  });
