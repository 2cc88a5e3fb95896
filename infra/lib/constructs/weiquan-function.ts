import { join, resolve } from "node:path";
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { repoRoot } from "../config.ts";
import { acknowledge } from "../nag.ts";

export interface WeiquanFunctionProps {
  /** Entry file relative to the repository root, e.g. `functions/api/src/lambda.ts`. */
  entry: string;
  description: string;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
  /** Retries of asynchronous invocations (Lambda's default is 2). */
  retryAttempts?: number;
  logRetention?: logs.RetentionDays;
  /**
   * Folders copied next to the bundle (absolute `from`, `to` relative to the function's root, i.e.
   * `/var/task/<to>`): data files a function reads at run time instead of bundling them.
   */
  files?: Array<{ from: string; to: string }>;
}

/**
 * The one place a Weiquan Lambda function gets its defaults: Node.js 24 on arm64, ESM bundled by the
 * repository's own esbuild (never Docker), its own log group with retention, X-Ray, and an execution
 * role that starts with nothing but writing to that log group — callers add least-privilege grants.
 */
export class WeiquanFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: WeiquanFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, "Logs", {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // An own role instead of the AWSLambdaBasicExecutionRole managed policy: logs only to its group.
    this.role = new iam.Role(this, "Role", {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      description: `${props.description} (execution role)`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    this.function = new NodejsFunction(this, "Function", {
      entry: resolve(repoRoot, props.entry),
      handler: "handler",
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      retryAttempts: props.retryAttempts,
      tracing: lambda.Tracing.ACTIVE,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      role: this.role,
      environment: { NODE_OPTIONS: "--enable-source-maps", ...props.environment },
      projectRoot: repoRoot,
      depsLockFilePath: resolve(repoRoot, "pnpm-lock.yaml"),
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        mainFields: ["module", "main"],
        // CommonJS dependencies still call require(); give the ESM bundle one.
        banner:
          "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        minify: true,
        sourceMap: true,
        // Bundle the SDK: the versions tested locally are the versions deployed, and tree-shaken.
        bundleAwsSDK: true,
        commandHooks: props.files?.length
          ? {
              beforeBundling: () => [],
              beforeInstall: () => [],
              afterBundling: (_inputDir: string, outputDir: string) =>
                (props.files ?? []).map(
                  ({ from, to }) => `cp -R ${JSON.stringify(from)} ${JSON.stringify(join(outputDir, to))}`,
                ),
            }
          : undefined,
      },
    });

    acknowledge(
      this.role,
      "AwsSolutions-IAM5[Resource::*]",
      "X-Ray PutTraceSegments/PutTelemetryRecords (added by Tracing.ACTIVE) support no resource-level " +
        "permissions; they can only be granted on *.",
    );
  }
}
