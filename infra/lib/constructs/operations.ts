import { CfnOutput, Duration } from "aws-cdk-lib";
import type * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as iam from "aws-cdk-lib/aws-iam";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";
import { acknowledge } from "../nag.ts";
import type { FailureQueue } from "./failure-queue.ts";
import { METRICS_NAMESPACE, type WeiquanFunction } from "./weiquan-function.ts";

export interface OperationsProps {
  stage: string;
  alarmEmail?: string;
  httpApi: apigw.IHttpApi;
  functions: WeiquanFunction[];
  failureQueues: FailureQueue[];
  controlTable: string;
}

/** One alarm as the operator reads it: what crossed which line, and the runbook line for it. */
export interface AlarmSpec {
  id: string;
  metric: cloudwatch.IMetric;
  threshold: number;
  /** Consecutive 5-minute periods over the line before it fires (1 unless said). */
  periods?: number;
  comparison?: cloudwatch.ComparisonOperator;
  runbook: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * What tells someone when the stage breaks: an SNS topic (mailed to `alarmEmail`), one alarm per signal
 * with its runbook line in the description (docs/operations.md lists the same lines), and a dashboard.
 * Signals: HTTP API 5xx, a 4xx surge and p99 latency; each function's errors and throttles; each failure
 * queue's depth; the control table's throttles and system errors; and the api's own count of DynamoDB
 * throttling on tenant tables (thousands of tables cannot each carry alarms); and the weekly count of tenant
 * tables that drifted from the shared definition.
 */
export class Operations extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, "Alarms", {
      displayName: `Weiquan ${props.stage} alarms`,
      enforceSSL: true,
    });
    acknowledge(
      this.topic,
      "AwsSolutions-SNS2",
      "CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed SNS key, and the alarm " +
        "texts hold no personal data (names of alarms and runbook lines); TLS is enforced.",
    );
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        actions: ["sns:Publish"],
        principals: [new iam.ServicePrincipal("cloudwatch.amazonaws.com")],
        resources: [this.topic.topicArn],
      }),
    );
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    new CfnOutput(this, "AlarmTopicArn", { value: this.topic.topicArn });

    const api = (metricName: string, statistic: string) =>
      new cloudwatch.Metric({
        namespace: "AWS/ApiGateway",
        metricName,
        dimensionsMap: { ApiId: props.httpApi.apiId, Stage: "$default" },
        statistic,
        period: FIVE_MINUTES,
      });
    const specs: AlarmSpec[] = [
      {
        id: "Api5xx",
        metric: api("5xx", "Sum"),
        threshold: 5,
        runbook:
          "Server errors: open the api log group, filter level=ERROR (each has tenantId, userId, requestId); " +
          "a deployment just before? roll back (docs/deploy.md § Rollback).",
      },
      {
        id: "Api4xxSurge",
        metric: api("4xx", "Sum"),
        threshold: 1000,
        periods: 2,
        runbook:
          "Many refused requests: check the access log for one source IP or path (password guessing, a broken " +
          "console release); lower the stage throttle or block the source at CloudFront.",
      },
      {
        id: "ApiLatencyP99",
        metric: api("Latency", "p99"),
        threshold: 3000,
        periods: 3,
        runbook:
          "Slow answers: compare IntegrationLatency with Latency on the dashboard; look for DynamoDB throttling " +
          "(Weiquan DependencyThrottled) and the slowest routes in the access log.",
      },
      {
        id: "TenantTablesThrottled",
        metric: new cloudwatch.Metric({
          namespace: METRICS_NAMESPACE,
          metricName: "DependencyThrottled",
          dimensionsMap: { service: "weiquan-api" },
          statistic: "Sum",
          period: FIVE_MINUTES,
        }),
        threshold: 10,
        runbook:
          "DynamoDB throttled tenant requests (answered 503 with Retry-After): find the tenantId in the api " +
          "log; an on-demand table doubles its capacity within minutes — raise the account's table quota if " +
          "reached.",
      },
      {
        id: "TenantTablesDrifted",
        // Counted once a week by the conformance check (the provisioner): a day's period keeps it visible.
        metric: new cloudwatch.Metric({
          namespace: METRICS_NAMESPACE,
          metricName: "TenantTablesDrifted",
          dimensionsMap: { service: "weiquan-provisioner" },
          statistic: "Maximum",
          period: Duration.days(1),
        }),
        threshold: 1,
        runbook:
          "Tenant tables differ from the shared definition: the provisioner's log has 'tenant table drift' " +
          "lines; run `pnpm conformance --stage <stage> --fix` (docs/operations.md § Tenant-table conformance).",
      },
    ];
    for (const table of [props.controlTable]) {
      for (const metricName of ["ThrottledRequests", "SystemErrors"]) {
        specs.push({
          id: `ControlTable${metricName}`,
          metric: new cloudwatch.Metric({
            namespace: "AWS/DynamoDB",
            metricName,
            dimensionsMap: { TableName: table },
            statistic: "Sum",
            period: FIVE_MINUTES,
          }),
          threshold: metricName === "SystemErrors" ? 1 : 10,
          runbook:
            metricName === "SystemErrors"
              ? "DynamoDB reported internal errors on the control table: check the AWS Health Dashboard; the " +
                "SDK retries, so act only if it persists."
              : "The control table is throttled (logins, tenant list): check for a runaway job in the logs.",
        });
      }
    }
    for (const fn of props.functions) {
      const name = fn.node.id;
      specs.push(
        {
          id: `${name}Errors`,
          metric: fn.function.metricErrors({ period: FIVE_MINUTES, statistic: "Sum" }),
          threshold: 1,
          runbook: `The ${name} function failed: its log group has the error (level=ERROR) with the tenantId.`,
        },
        {
          id: `${name}Throttles`,
          metric: fn.function.metricThrottles({ period: FIVE_MINUTES, statistic: "Sum" }),
          threshold: 1,
          runbook:
            `The ${name} function was throttled: check the account's concurrency quota and the reserved ` +
            "concurrency of the functions (docs/deploy.md § Quotas).",
        },
      );
    }
    for (const failures of props.failureQueues) {
      specs.push({
        id: `${failures.node.id}Depth`,
        metric: failures.queue.metricApproximateNumberOfMessagesVisible({
          period: FIVE_MINUTES,
          statistic: "Maximum",
        }),
        threshold: 1,
        runbook: `${failures.what}: ${failures.runbook}`,
      });
    }

    for (const spec of specs) {
      const alarm = new cloudwatch.Alarm(this, spec.id, {
        alarmName: `weiquan-${props.stage}-${spec.id}`,
        alarmDescription: `Runbook: ${spec.runbook}`,
        metric: spec.metric,
        threshold: spec.threshold,
        evaluationPeriods: spec.periods ?? 1,
        comparisonOperator:
          spec.comparison ?? cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(new actions.SnsAction(this.topic));
      alarm.addOkAction(new actions.SnsAction(this.topic));
      this.alarms.push(alarm);
    }

    this.dashboard = new cloudwatch.Dashboard(this, "Dashboard", {
      dashboardName: `weiquan-${props.stage}`,
      widgets: [
        [
          new cloudwatch.GraphWidget({
            title: "HTTP API requests and errors",
            left: [api("Count", "Sum"), api("4xx", "Sum"), api("5xx", "Sum")],
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: "HTTP API latency (p50, p99) and integration latency (p99)",
            left: [api("Latency", "p50"), api("Latency", "p99"), api("IntegrationLatency", "p99")],
            width: 12,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: "Function errors",
            left: props.functions.map((fn) => fn.function.metricErrors({ period: FIVE_MINUTES })),
            width: 8,
          }),
          new cloudwatch.GraphWidget({
            title: "Function duration p99",
            left: props.functions.map((fn) =>
              fn.function.metricDuration({ period: FIVE_MINUTES, statistic: "p99" }),
            ),
            width: 8,
          }),
          new cloudwatch.GraphWidget({
            title: "Concurrent executions",
            left: props.functions.map((fn) =>
              fn.function.metric("ConcurrentExecutions", { period: FIVE_MINUTES, statistic: "Maximum" }),
            ),
            width: 8,
          }),
        ],
        [
          new cloudwatch.AlarmStatusWidget({
            title: "Alarms",
            alarms: this.alarms,
            width: 24,
            height: 6,
          }),
        ],
      ],
    });
  }
}
