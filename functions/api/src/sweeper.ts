import { lambdaHandler, loadTracer, logger } from "@weiquan/runtime/observability";
import { ObjectStore, tokenVendingAccess } from "@weiquan/store";
import type { SQSBatchResponse, SQSEvent } from "aws-lambda";
import { sweepAttachments } from "./attachments/sweep.ts";
import { sweepOverdue } from "./cases/overdue.ts";
import { schedulerConfig } from "./config.ts";
import { dailySupervision } from "./supervision/daily.ts";
import { SweepMessage } from "./sweep-event.ts";

const config = schedulerConfig();
// The same token vending as the api: each tenant's table through the data-access role tagged with it.
const tenantAccess = tokenVendingAccess({ stage: config.stage, roleArn: config.dataAccessRoleArn });
// Each tenant's files through the same tenant session, which may touch only that tenant's key prefix.
const files = new ObjectStore({ bucket: config.filesBucket, region: process.env.AWS_REGION });

/**
 * Sweeps the tenants named by the sweep queue's messages, each on its own: a tenant that fails is
 * reported back (partial batch response), so SQS retries only it and, after the queue's receive limit,
 * parks it in the dead-letter queue (alarmed). A message that is not a sweep message goes there directly.
 */
export const handler = lambdaHandler(
  async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse["batchItemFailures"] = [];
    for (const record of event.Records) {
      try {
        const { tenantId, at } = SweepMessage.parse(JSON.parse(record.body));
        logger.appendKeys({ tenantId });
        const table = await tenantAccess.forTenant(tenantId);
        const overdue = await sweepOverdue(table, new Date(at));
        // Uploads nobody linked within 24 hours: judged by the time the sweep runs, not the schedule's.
        const filesRemoved = await sweepAttachments(table, files, new Date());
        // Supervision's reminders (last month's round, overdue findings), once per lapse.
        const supervision = await dailySupervision(table, new Date(at));
        logger.info("daily sweep", { ...overdue, filesRemoved, supervision });
      } catch (e) {
        logger.error("daily sweep failed", { error: e as Error, messageId: record.messageId });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      } finally {
        logger.removeKeys(["tenantId"]);
      }
    }
    return { batchItemFailures };
  },
  await loadTracer(),
);
