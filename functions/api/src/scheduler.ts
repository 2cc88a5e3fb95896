import { SendMessageBatchCommand, SQSClient } from "@aws-sdk/client-sqs";
import { lambdaHandler, loadTracer, logger } from "@weiquan/runtime/observability";
import {
  AWS_TIMEOUTS,
  awsDynamoClient,
  boundedCalls,
  documentClient,
  TenantsRepository,
} from "@weiquan/store";
import { z } from "zod";
import { schedulerConfig } from "./config.ts";
import type { SweepMessage } from "./sweep-event.ts";

/** What EventBridge sends on a schedule (only the fields we read). */
const ScheduledEvent = z.object({
  "detail-type": z.literal("Scheduled Event"),
  time: z.iso.datetime({ offset: true }),
});

const config = schedulerConfig();
const tenants = new TenantsRepository(documentClient(awsDynamoClient()), config.controlTable);
const sqs = new SQSClient(boundedCalls(AWS_TIMEOUTS));

/**
 * The daily jobs (EventBridge, 00:10 Asia/Shanghai) fanned out per tenant: one message per active tenant
 * on the sweep queue, whose consumer (sweeper.ts) sweeps that tenant alone. So the run scales with the
 * number of counties, and one tenant that fails is retried and then parked in the dead-letter queue
 * without holding up the others. Reads only the control table's tenant index; never a tenant table.
 */
export const handler = lambdaHandler(
  async (event: unknown) => {
    const { time } = ScheduledEvent.parse(event);
    let cursor: string | undefined;
    let queued = 0;
    do {
      const page = await tenants.list(100, cursor);
      const active = page.items.filter((t) => t.status === "active");
      for (let i = 0; i < active.length; i += 10) {
        const batch = active.slice(i, i + 10);
        const out = await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: config.sweepQueueUrl,
            Entries: batch.map((t, n) => ({
              Id: String(n),
              MessageBody: JSON.stringify({ tenantId: t.id, at: time } satisfies SweepMessage),
            })),
          }),
        );
        if (out.Failed?.length) {
          // Failing the run makes EventBridge retry it; sweeping a tenant twice notifies nobody twice.
          throw new Error(
            `queueing the sweep failed for ${out.Failed.length} tenants: ${out.Failed[0]?.Message}`,
          );
        }
        queued += batch.length;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    logger.info("daily sweep queued", { scheduledAt: time, tenants: queued });
    return { scheduledAt: time, queued };
  },
  await loadTracer(),
);
