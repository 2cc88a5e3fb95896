import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import middy from "@middy/core";
import { controlTableName, documentClient, provisionTenant, TenantsRepository } from "@weiquan/store";
import { z } from "zod";

const Event = z.object({ tenantId: z.string().min(1).max(64) });

const logger = new Logger({ serviceName: "weiquan-provisioner" });
const client = new DynamoDBClient({ maxAttempts: 6 });
const stage = process.env.WEIQUAN_STAGE ?? "dev";
const tenants = new TenantsRepository(
  documentClient(client),
  process.env.WEIQUAN_CONTROL_TABLE ?? controlTableName(stage),
);

/**
 * Invoked asynchronously by the api on onboarding (Lambda retries a failed async invocation twice);
 * provisioning is idempotent, so a retry finishes what a crashed run started.
 */
export const handler = middy()
  .use(injectLambdaContext(logger))
  .handler(async (event: unknown) => {
    const { tenantId } = Event.parse(event);
    const tenant = await provisionTenant({ client, tenants, now: () => new Date() }, tenantId);
    logger.info("provisioned", { tenantId, status: tenant.status });
    return { tenantId, status: tenant.status };
  });
