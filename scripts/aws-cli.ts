import { DescribeTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { awsDynamoClient, localDynamoClient, stageNameProblem } from "@weiquan/store";

/** Options every operations command shares: the stage, and where its tables are. */
export const STAGE_OPTIONS = {
  stage: { type: "string" },
  region: { type: "string" },
  endpoint: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export const STAGE_HELP = `  --stage <name>     the deployed stage (-c stage=… of cdk deploy); required
  --region <region>  its region (default: AWS_REGION / the profile's region), e.g. cn-north-1
  --endpoint <url>   a DynamoDB endpoint instead of AWS (DynamoDB Local, \`pnpm dev\`'s http://127.0.0.1:8000)`;

/** Exits with the message and the usage (status 2: a mistake on the command line). */
export function usageError(message: string, usage: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}

/**
 * A DynamoDB client for the stage: the deployer's credentials from the usual chain (AWS_PROFILE, SSO,
 * environment) against AWS, or DynamoDB Local with --endpoint.
 */
export function stageClient(opts: { stage?: string; region?: string; endpoint?: string }, usage: string) {
  if (!opts.stage) usageError("--stage is required", usage);
  const problem = stageNameProblem(opts.stage);
  if (problem) usageError(problem, usage);
  const client = opts.endpoint
    ? localDynamoClient(opts.endpoint)
    : awsDynamoClient(opts.region ? { region: opts.region } : {});
  return { stage: opts.stage, client };
}

/** Fails with a clear sentence when the stage's table is not there (not deployed, wrong region). */
export async function assertTableExists(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (e) {
    if (e instanceof Error && e.name === "ResourceNotFoundException") {
      const region = await client.config.region();
      throw new Error(
        `No table ${tableName} in ${region}: is the stage deployed there? (pass --region, or check -c stage)`,
      );
    }
    throw e;
  }
}
