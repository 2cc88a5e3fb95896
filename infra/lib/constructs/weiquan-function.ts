import { PLACEMENT_ENV } from "@weiquan/store/control/placement";
import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as destinations from "aws-cdk-lib/aws-lambda-destinations";
import * as logs from "aws-cdk-lib/aws-logs";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { isChinaRegion } from "../config.ts";
import type { BundledFunction } from "../functions.ts";
import { acknowledge } from "../nag.ts";

export interface WeiquanFunctionProps {
  /** The bundled code (see functions.ts): `index.mjs` with its lazy chunks. */
  code: BundledFunction;
  /** `POWERTOOLS_SERVICE_NAME`: the `service` of every log line and metric. */
  service: string;
  description: string;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
  /** Days the function's logs are kept (at least 180). */
  logRetentionDays: number;
  /** Concurrency kept for this function alone (and its ceiling). */
  reservedConcurrency?: number;
  /**
   * For functions invoked asynchronously: retries (Lambda's default is 2) and the queue that receives
   * an event once they are used up, so nothing is dropped silently.
   */
  async?: { retryAttempts: number; onFailure: sqs.IQueue };
}

/**
 * The one place a Weiquan Lambda function gets its defaults: Node.js 24 on arm64, the bundle built by
 * bundling.ts (ESM, lazy chunks, no source maps), its own log group with retention, Powertools settings,
 * X-Ray where the partition has it (not in the China regions), and an execution role that starts with
 * nothing but writing to that log group — callers add least-privilege grants.
 */
export class WeiquanFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: WeiquanFunctionProps) {
    super(scope, id);
    const traced = !isChinaRegion(Stack.of(this).region);

    this.logGroup = new logs.LogGroup(this, "Logs", {
      retention: props.logRetentionDays as logs.RetentionDays,
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

    this.function = new lambda.Function(this, "Function", {
      code: lambda.Code.fromAsset(props.code.dir),
      handler: "index.handler",
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: traced ? lambda.Tracing.ACTIVE : lambda.Tracing.DISABLED,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      role: this.role,
      reservedConcurrentExecutions: props.reservedConcurrency,
      ...(props.async
        ? {
            retryAttempts: props.async.retryAttempts,
            onFailure: new destinations.SqsDestination(props.async.onFailure),
          }
        : {}),
      environment: {
        POWERTOOLS_SERVICE_NAME: props.service,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_TRACE_ENABLED: String(traced),
        // The deployment's account, recorded on each tenant it onboards (the region is Lambda's AWS_REGION).
        [PLACEMENT_ENV.account]: Stack.of(this).account,
        ...props.environment,
      },
    });

    if (traced) {
      acknowledge(
        this.role,
        "AwsSolutions-IAM5[Resource::*]",
        "X-Ray PutTraceSegments/PutTelemetryRecords (added by Tracing.ACTIVE) support no resource-level " +
          "permissions; they can only be granted on *.",
      );
    }
  }
}

/** The CloudWatch namespace of the functions' own metrics (Powertools EMF). */
export const METRICS_NAMESPACE = "Weiquan";
