import { ENV } from "@weiquan/fn-api/config";
import { PROVISIONER_ENV } from "@weiquan/fn-provisioner/config";
import { PUBLIC_SESSION_INDEX, PUBLIC_SESSION_PARTITIONS } from "@weiquan/store/public-session";
import { controlTableName, tenantTablePrefix } from "@weiquan/store/table-definition";
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import { SqsEventSource } from "aws-cdk-lib/aws-lambda-event-sources";
import * as logs from "aws-cdk-lib/aws-logs";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import { isChinaRegion } from "../config.ts";
import { Attachments } from "../constructs/attachments.ts";
import { Backups } from "../constructs/backups.ts";
import { FailureQueue } from "../constructs/failure-queue.ts";
import { Operations } from "../constructs/operations.ts";
import { TenantExports } from "../constructs/tenant-exports.ts";
import { WeiquanFunction } from "../constructs/weiquan-function.ts";
import { type Bundles, CONSOLE_PAGE, DIVISIONS_FOLDER } from "../functions.ts";
import { acknowledge, acknowledgeWildcardResource } from "../nag.ts";

export interface ApiStackProps extends StackProps {
  stage: string;
  /** The functions, bundled beforehand (functions.ts). */
  bundles: Bundles;
  /** Days function and access logs are kept (≥ 180). */
  logRetentionDays: number;
  /** Where alarms are mailed (optional: the topic can be subscribed to later). */
  alarmEmail?: string;
  /** The stage's domain, if it has its own (browsers upload attachments from there). */
  domainName?: string;
  /** A second region the daily backups are copied to. */
  backupCopyRegion?: string;
  /** Bumped after the origin secret was rotated, so the function and CloudFront re-read it. */
  originSecretVersion?: number;
  /**
   * Which token signing key (1 by default): raising it creates a new KMS key that the api signs with from
   * then on; the previous one is retained, no longer used, until someone schedules its deletion.
   */
  signingKeyGeneration?: number;
  /** Stage-wide backstop; per-tenant limits live in the application (architecture.md). */
  throttle?: { rateLimit: number; burstLimit: number };
}

/** Item-level actions the request path needs on a table (no Scan: storage rules). */
const ITEM_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:Query",
  "dynamodb:BatchGetItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DescribeTable",
];
// TransactWriteItems / TransactGetItems are authorised per item as PutItem, UpdateItem, DeleteItem,
// ConditionCheckItem and GetItem: there are no IAM actions of those names.

/** The secret CloudFront's origin-verify header carries, by name (the web stack reads it without an export). */
export const originSecretName = (stage: string) => `${stage}-weiquan-origin-secret`;

/** A dynamic reference CloudFormation resolves at deploy time: the value never appears in a template. */
export const originSecretReference = (stage: string) =>
  `{{resolve:secretsmanager:${originSecretName(stage)}:SecretString:::}}`;

/** Tag conditions of the data-access role's trust: exactly one session tag, TenantId, non-empty. */
const TENANT_TAG_ONLY = {
  StringLike: { "aws:RequestTag/TenantId": "?*" },
  "ForAllValues:StringEquals": { "aws:TagKeys": ["TenantId"] },
};

/**
 * The HTTP API and the functions behind it: the `api` Lambda behind a `$default` route, the tenant
 * `provisioner`, the daily `scheduler` and the per-tenant `sweeper`, the token signing key (KMS), the
 * tenant data-access role (the "token vending machine"), and what watches them (operations, backups).
 */
export class ApiStack extends Stack {
  readonly httpApi: apigw.HttpApi;
  /** `{apiId}.execute-api.{region}.{suffix}`: CloudFront's origin for `/v1/*` and `/.well-known/*`. */
  readonly apiDomain: string;
  readonly api: WeiquanFunction;
  readonly provisioner: WeiquanFunction;
  readonly scheduler: WeiquanFunction;
  readonly sweeper: WeiquanFunction;
  readonly dataAccessRole: iam.Role;
  /** Login's and the public page's session: the tenant's table, only the items they need. */
  readonly publicDataAccessRole: iam.Role;
  readonly signingKey: kms.Key;
  /** Proves a request came through the stage's CloudFront (http/client-address.ts trusts its headers then). */
  readonly originSecret: secretsmanager.Secret;
  readonly sweepQueue: sqs.Queue;
  readonly failureQueues: FailureQueue[];
  readonly tenantExports: TenantExports;
  /** Attachments (evidence, photos), reached through presigned URLs signed per tenant. */
  readonly attachments: Attachments;
  readonly operations: Operations;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { stage, bundles, logRetentionDays } = props;
    const controlTable = controlTableName(stage);

    const tableArn = (name: string) =>
      this.formatArn({ service: "dynamodb", resource: "table", resourceName: name });
    const controlTableArn = tableArn(controlTable);
    const controlTableStatements = [
      new iam.PolicyStatement({ actions: ITEM_ACTIONS, resources: [controlTableArn] }),
      new iam.PolicyStatement({ actions: ["dynamodb:Query"], resources: [`${controlTableArn}/index/*`] }),
    ];

    // The token signing key: asymmetric, used only through kms:Sign; no function can read it.
    const generation = props.signingKeyGeneration ?? 1;
    this.signingKey = new kms.Key(this, generation === 1 ? "SigningKey" : `SigningKey${generation}`, {
      description:
        `Weiquan ${stage}: ES256 access-token signing key, generation ${generation} (kms:Sign; JWKS from its ` +
        "public key)",
      keySpec: kms.KeySpec.ECC_NIST_P256,
      keyUsage: kms.KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.originSecret = new secretsmanager.Secret(this, "OriginSecret", {
      secretName: originSecretName(stage),
      description:
        `Weiquan ${stage}: the value CloudFront sends in x-weiquan-origin-verify, so the api trusts its ` +
        "viewer-address headers (docs/deploy.md § Key and secret rotation)",
      generateSecretString: { passwordLength: 40, excludePunctuation: true },
    });
    acknowledge(
      this.originSecret,
      "AwsSolutions-SMG4",
      "Not a credential: it only tells the api that CloudFront's viewer-address headers can be believed (a " +
        "leak lets a caller pick the address its rate limits count against). Rotated by hand with a " +
        "redeploy (docs/deploy.md § Key and secret rotation); a rotation Lambda would have to redeploy " +
        "CloudFront.",
    );

    const provisionerFailures = new FailureQueue(this, "ProvisionerFailures", {
      what: "provisioner invocations (onboarding, export) that failed three times",
      runbook:
        "Read the message (the event) and the provisioner's log for its tenantId; fix the cause, then retry " +
        "onboarding from the console (it resumes) or start the export again.",
    });
    const schedulerFailures = new FailureQueue(this, "SchedulerFailures", {
      what: "daily runs that could not queue the per-tenant sweep",
      runbook:
        "Check the scheduler's log; once fixed, invoke the scheduler with the message body (a scheduled " +
        "event) — sweeping twice notifies nobody twice.",
    });
    const sweepDeadLetters = new FailureQueue(this, "SweepDeadLetters", {
      what: "tenants whose overdue sweep failed five times",
      runbook:
        "Read the tenantId in the message and the sweeper's log; fix the cause, then redrive the queue to " +
        "the sweep queue (SQS console: Start DLQ redrive).",
    });
    this.failureQueues = [provisionerFailures, schedulerFailures, sweepDeadLetters];

    this.tenantExports = new TenantExports(this, "TenantExports");
    this.provisioner = new WeiquanFunction(this, "Provisioner", {
      code: bundles.provisioner,
      service: "weiquan-provisioner",
      description: `Weiquan ${stage}: creates and finishes a tenant's table`,
      memorySize: 512,
      // CreateTable with indexes, waiting until ACTIVE, then PITR, TTL and the seed.
      timeout: Duration.minutes(10),
      logRetentionDays,
      // Onboarding is rare; a ceiling keeps a runaway retry from eating the api's concurrency.
      reservedConcurrency: 5,
      async: { retryAttempts: 2, onFailure: provisionerFailures.queue },
      environment: {
        [PROVISIONER_ENV.stage]: stage,
        [PROVISIONER_ENV.controlTable]: controlTable,
        [PROVISIONER_ENV.exportBucket]: this.tenantExports.bucket.bucketName,
        [PROVISIONER_ENV.divisionsDir]: `/var/task/${DIVISIONS_FOLDER}`,
      },
    });
    const tenantTables = tableArn(`${tenantTablePrefix(stage)}*`);
    this.tenantExports.grantWriteExports(this.provisioner.role);
    for (const statement of controlTableStatements) this.provisioner.role.addToPolicy(statement);
    this.provisioner.role.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          "dynamodb:CreateTable",
          "dynamodb:DescribeTable",
          "dynamodb:UpdateContinuousBackups",
          "dynamodb:DescribeContinuousBackups",
          "dynamodb:UpdateTimeToLive",
          "dynamodb:DescribeTimeToLive",
          "dynamodb:TagResource",
          "dynamodb:ListTagsOfResource",
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:BatchWriteItem",
          "dynamodb:ConditionCheckItem",
          // Exports (an offline job: the one Scan) and deleting an offboarded tenant's table.
          "dynamodb:Scan",
          "dynamodb:UpdateTable",
          "dynamodb:DeleteTable",
        ],
        resources: [tenantTables],
      }),
    );

    this.api = new WeiquanFunction(this, "Api", {
      code: bundles.api,
      service: "weiquan-api",
      description: `Weiquan ${stage}: the HTTP API`,
      memorySize: 1024,
      timeout: Duration.seconds(25),
      logRetentionDays,
    });

    // Tenant data is reached only through this role, assumed per request with the session tag
    // TenantId=<the token's tenant>; its policy names the tenant's own table through that tag.
    this.dataAccessRole = new iam.Role(this, "TenantDataAccessRole", {
      description: `Weiquan ${stage}: one tenant's table, chosen by the TenantId session tag`,
      maxSessionDuration: Duration.hours(1),
      assumedBy: new iam.SessionTagsPrincipal(
        new iam.ArnPrincipal(this.api.role.roleArn).withConditions(TENANT_TAG_ONLY),
      ),
    });
    const ownTenantTable = tableArn(`${tenantTablePrefix(stage)}\${aws:PrincipalTag/TenantId}`);
    this.dataAccessRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ITEM_ACTIONS,
        resources: [ownTenantTable, `${ownTenantTable}/index/*`],
      }),
    );
    const mayAssumeDataAccess = new iam.PolicyStatement({
      actions: ["sts:AssumeRole", "sts:TagSession"],
      resources: [this.dataAccessRole.roleArn],
    });

    // Login and the public page act before anyone has signed in: their session reaches the same table,
    // but only items whose partition key fits packages/store/src/public-session.ts (dynamodb:LeadingKeys;
    // present on every item request, required here so a request without it is not waved through).
    this.publicDataAccessRole = new iam.Role(this, "TenantPublicAccessRole", {
      description: `Weiquan ${stage}: the items of one tenant's table that login and the public page need`,
      maxSessionDuration: Duration.hours(1),
      assumedBy: new iam.SessionTagsPrincipal(
        new iam.ArnPrincipal(this.api.role.roleArn).withConditions(TENANT_TAG_ONLY),
      ),
    });
    const onlyPartitions = (patterns: readonly string[]) => ({
      "ForAllValues:StringLike": { "dynamodb:LeadingKeys": [...patterns] },
      Null: { "dynamodb:LeadingKeys": "false" },
    });
    this.publicDataAccessRole.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          "dynamodb:GetItem",
          "dynamodb:BatchGetItem",
          "dynamodb:Query",
          "dynamodb:ConditionCheckItem",
        ],
        resources: [ownTenantTable, `${ownTenantTable}/index/${PUBLIC_SESSION_INDEX}`],
        conditions: onlyPartitions([...PUBLIC_SESSION_PARTITIONS.read, ...PUBLIC_SESSION_PARTITIONS.write]),
      }),
    );
    this.publicDataAccessRole.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem",
        ],
        resources: [ownTenantTable],
        conditions: onlyPartitions(PUBLIC_SESSION_PARTITIONS.write),
      }),
    );

    // Browsers PUT and GET presigned URLs from the stage's domain (CloudFront's own when it has none).
    const consoleOrigin = props.domainName
      ? `https://${props.domainName}`
      : `https://*.${isChinaRegion(this.region) ? "cloudfront.cn" : "cloudfront.net"}`;
    this.attachments = new Attachments(this, "Attachments", {
      consoleOrigin,
      accessLogs: this.tenantExports.accessLogs,
    });
    this.attachments.grantTenantPrefix(this.dataAccessRole);

    const apiEnvironment = {
      [ENV.mode]: "aws",
      [ENV.stage]: stage,
      [ENV.controlTable]: controlTable,
      [ENV.signingKey]: this.signingKey.keyArn,
      [ENV.dataAccessRole]: this.dataAccessRole.roleArn,
      [ENV.publicDataAccessRole]: this.publicDataAccessRole.roleArn,
      [ENV.provisioner]: this.provisioner.function.functionName,
      [ENV.exportBucket]: this.tenantExports.bucket.bucketName,
      [ENV.filesBucket]: this.attachments.bucket.bucketName,
      [ENV.originSecret]: originSecretReference(stage),
      // Changed by -c originSecretVersion after a rotation: the function re-reads the secret on deploy.
      [ENV.originSecretVersion]: String(props.originSecretVersion ?? 1),
    };
    for (const [name, value] of Object.entries(apiEnvironment)) this.api.function.addEnvironment(name, value);
    // Named in the environment by a dynamic reference, not a token: the secret must exist first.
    this.api.function.node.addDependency(this.originSecret);
    // China: CloudFront sends the console's pages here, the one place that can add the security headers.
    if (isChinaRegion(this.region))
      this.api.function.addEnvironment(ENV.consolePage, `/var/task/${CONSOLE_PAGE}`);
    for (const statement of controlTableStatements) this.api.role.addToPolicy(statement);
    this.api.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["kms:Sign", "kms:GetPublicKey"],
        resources: [this.signingKey.keyArn],
      }),
    );
    this.api.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["lambda:InvokeFunction"],
        resources: [this.provisioner.function.functionArn],
      }),
    );
    this.api.role.addToPolicy(mayAssumeDataAccess);
    this.api.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["sts:AssumeRole", "sts:TagSession"],
        resources: [this.publicDataAccessRole.roleArn],
      }),
    );

    // The daily jobs, fanned out per tenant: scheduler → sweep queue → sweeper (one tenant a message).
    this.sweepQueue = new sqs.Queue(this, "SweepQueue", {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Six times the sweeper's timeout, as Lambda recommends for SQS sources.
      visibilityTimeout: Duration.minutes(30),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: sweepDeadLetters.queue, maxReceiveCount: 5 },
    });
    const schedulerEnvironment = {
      [ENV.stage]: stage,
      [ENV.controlTable]: controlTable,
      [ENV.dataAccessRole]: this.dataAccessRole.roleArn,
      [ENV.sweepQueue]: this.sweepQueue.queueUrl,
      [ENV.filesBucket]: this.attachments.bucket.bucketName,
    };
    this.scheduler = new WeiquanFunction(this, "Scheduler", {
      code: bundles.scheduler,
      service: "weiquan-scheduler",
      description: `Weiquan ${stage}: daily jobs, one sweep message per active tenant`,
      memorySize: 512,
      timeout: Duration.minutes(5),
      logRetentionDays,
      reservedConcurrency: 1,
      async: { retryAttempts: 2, onFailure: schedulerFailures.queue },
      environment: schedulerEnvironment,
    });
    this.scheduler.role.addToPolicy(
      new iam.PolicyStatement({ actions: ["dynamodb:Query"], resources: [`${controlTableArn}/index/*`] }),
    );
    this.sweepQueue.grantSendMessages(this.scheduler.role);

    this.sweeper = new WeiquanFunction(this, "Sweeper", {
      code: bundles.sweeper,
      service: "weiquan-sweeper",
      description: `Weiquan ${stage}: the overdue sweep of one tenant at a time`,
      memorySize: 512,
      timeout: Duration.minutes(5),
      logRetentionDays,
      environment: schedulerEnvironment,
    });
    this.sweeper.function.addEventSource(
      new SqsEventSource(this.sweepQueue, { batchSize: 5, reportBatchItemFailures: true, maxConcurrency: 5 }),
    );
    this.sweeper.role.addToPolicy(mayAssumeDataAccess);
    this.dataAccessRole.assumeRolePolicy?.addStatements(
      new iam.PolicyStatement({
        actions: ["sts:AssumeRole", "sts:TagSession"],
        principals: [new iam.ArnPrincipal(this.sweeper.role.roleArn)],
        conditions: TENANT_TAG_ONLY,
      }),
    );
    new events.Rule(this, "DailyJobsRule", {
      // EventBridge rules run on UTC: 16:10 UTC is 00:10 in Asia/Shanghai, just after a deadline's day.
      description: `Weiquan ${stage}: daily jobs at 00:10 Asia/Shanghai`,
      schedule: events.Schedule.cron({ minute: "10", hour: "16" }),
      targets: [
        new targets.LambdaFunction(this.scheduler.function, {
          retryAttempts: 2,
          deadLetterQueue: schedulerFailures.queue,
        }),
      ],
    });

    new events.Rule(this, "WeeklyConformanceRule", {
      // Mondays 02:00 UTC, 10:00 in Asia/Shanghai: drift is reported in working hours, never fixed unseen.
      description: `Weiquan ${stage}: weekly tenant-table conformance check (report only)`,
      schedule: events.Schedule.cron({ minute: "0", hour: "2", weekDay: "MON" }),
      targets: [
        new targets.LambdaFunction(this.provisioner.function, {
          event: events.RuleTargetInput.fromObject({ conformance: { fix: false } }),
          retryAttempts: 2,
          deadLetterQueue: provisionerFailures.queue,
        }),
      ],
    });

    const accessLogs = new logs.LogGroup(this, "AccessLogs", {
      retention: logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // No CORS: the console and the API share one domain (CloudFront routes /v1/* and /.well-known/*).
    this.httpApi = new apigw.HttpApi(this, "HttpApi", {
      apiName: `${stage}-weiquan`,
      description: `Weiquan ${stage}`,
      createDefaultStage: false,
      defaultIntegration: new HttpLambdaIntegration("ApiIntegration", this.api.function),
    });
    const throttle = props.throttle ?? { rateLimit: 500, burstLimit: 1000 };
    new apigw.HttpStage(this, "DefaultStage", {
      httpApi: this.httpApi,
      stageName: "$default",
      autoDeploy: true,
      throttle,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: "$context.requestId",
            ip: "$context.identity.sourceIp",
            requestTime: "$context.requestTime",
            method: "$context.httpMethod",
            path: "$context.path",
            routeKey: "$context.routeKey",
            status: "$context.status",
            protocol: "$context.protocol",
            responseLength: "$context.responseLength",
            latency: "$context.responseLatency",
            integrationLatency: "$context.integrationLatency",
            integrationError: "$context.integrationErrorMessage",
            userAgent: "$context.identity.userAgent",
          }),
        ),
      },
    });
    this.apiDomain = `${this.httpApi.apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`;
    new CfnOutput(this, "ApiUrl", { value: this.httpApi.apiEndpoint });

    this.operations = new Operations(this, "Operations", {
      stage,
      alarmEmail: props.alarmEmail,
      httpApi: this.httpApi,
      functions: [this.api, this.provisioner, this.scheduler, this.sweeper],
      failureQueues: this.failureQueues,
      controlTable,
    });
    new Backups(this, "Backups", {
      stage,
      tables: [controlTableArn, tenantTables],
      copyRegion: props.backupCopyRegion,
    });

    acknowledge(
      this.httpApi,
      "AwsSolutions-APIG4",
      "Authentication is built into the api (ES256 tokens, architecture.md §Auth: the China regions have no " +
        "Cognito user pools) and some routes are public by design (login, JWKS, public complaint intake).",
    );
    acknowledgeWildcardResource(
      this.provisioner.role,
      this.tenantExports.bucket.arnForObjects("exports/*"),
      "Export objects are named by tenant and export id at run time; the provisioner is scoped to the " +
        "exports/ prefix of the one exports bucket.",
    );
    acknowledgeWildcardResource(
      this.provisioner.role,
      tenantTables,
      "Tenant tables are created at onboarding, so their names are not known at deploy time; the " +
        "provisioner is scoped to this stage's tenant-table prefix.",
    );
    for (const role of [this.api.role, this.provisioner.role, this.scheduler.role]) {
      acknowledgeWildcardResource(
        role,
        `${controlTableArn}/index/*`,
        "Query on the control table's own global secondary indexes (one table, named by the stage).",
      );
    }
    acknowledgeWildcardResource(
      this.dataAccessRole,
      `${ownTenantTable}/index/*`,
      "Query on the indexes of the caller's own tenant table only (the table is chosen by the TenantId " +
        "session tag); index names come from the shared table definition.",
    );
  }
}
