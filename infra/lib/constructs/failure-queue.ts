import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { acknowledge } from "../nag.ts";

export interface FailureQueueProps {
  /** What lands here, for the alarm and docs/operations.md (one line). */
  what: string;
  /** What the operator does about a message here: the runbook line carried by the depth alarm. */
  runbook: string;
}

/**
 * Where an asynchronous invocation, a schedule target or a queue's message goes once its retries are
 * used up: encrypted, TLS only, kept 14 days (the longest SQS allows), alarmed on its depth.
 */
export class FailureQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly what: string;
  readonly runbook: string;

  constructor(scope: Construct, id: string, props: FailureQueueProps) {
    super(scope, id);
    this.what = props.what;
    this.runbook = props.runbook;
    this.queue = new sqs.Queue(this, "Queue", {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.queue,
      "AwsSolutions-SQS3",
      `This queue is itself a dead-letter / failure destination (${props.what}); it has no queue behind it.`,
    );
  }
}
