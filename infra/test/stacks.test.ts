import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { App, Validations } from "aws-cdk-lib";
import { Annotations, Match, Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot, type StageConfig } from "../lib/config.ts";
import { createWeiquanStacks, type WeiquanStacks } from "../lib/weiquan-app.ts";

const cdkContext = JSON.parse(readFileSync(resolve(repoRoot, "cdk.json"), "utf8")).context;

interface Synthesized {
  stacks: WeiquanStacks;
  templates: Record<keyof WeiquanStacks, Template>;
  nagViolations: string[];
}

function fakeConsoleBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), "weiquan-web-"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Weiquan</title>");
  writeFileSync(join(dir, "config.json"), '{ "apiBaseUrl": "" }'); // the build's local default
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "assets", "index-abc123.js"), "console.log('console');");
  return dir;
}

/** Synthesizes a whole stage in-process, with cdk-nag registered exactly as bin/app.ts does. */
function synthesize(config: Omit<StageConfig, "webAssetPath">): Synthesized {
  const app = new App({ context: cdkContext, outdir: mkdtempSync(join(tmpdir(), "weiquan-cdk-")) });
  const stacks = createWeiquanStacks(app, { ...config, webAssetPath: fakeConsoleBuild() });
  const nag = new AwsSolutionsChecks(app, { verbose: true });
  Validations.of(app).addPlugins(nag);
  app.synth(); // throws if any plugin reports a violation
  const nagViolations = nag
    .validateScope(app)
    .violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(", ")}`);
  const templates = Object.fromEntries(
    Object.entries(stacks).map(([key, stack]) => [key, Template.fromStack(stack)]),
  ) as Record<keyof WeiquanStacks, Template>;
  return { stacks, templates, nagViolations };
}

/** Logical id → resource of one type. */
function resourcesOf(
  template: Template,
  type: string,
): Record<string, { Properties: Record<string, unknown> }> {
  return template.findResources(type) as Record<string, { Properties: Record<string, unknown> }>;
}

function apiFunction(template: Template) {
  const [entry] = Object.entries(resourcesOf(template, "AWS::Lambda::Function")).filter(([, fn]) =>
    JSON.stringify(fn.Properties.Environment ?? {}).includes("WEIQUAN_SIGNING_KEY_SECRET_ARN"),
  );
  expect(entry, "the api function").toBeDefined();
  return entry!;
}

/** Statements of every AWS::IAM::Policy attached to the role with this logical id. */
function statementsOfRole(template: Template, roleLogicalId: string): Array<Record<string, unknown>> {
  return Object.values(resourcesOf(template, "AWS::IAM::Policy"))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleLogicalId}"`))
    .flatMap(
      (policy) =>
        (policy.Properties.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement,
    );
}

const asArray = (value: unknown) => (Array.isArray(value) ? value : [value]);

describe("the Weiquan CDK app (stage test, partition-agnostic)", () => {
  let synth: Synthesized;
  beforeAll(() => {
    synth = synthesize({ stage: "test" });
  }, 120_000);

  it("passes cdk-nag's AwsSolutions checks with every finding fixed or acknowledged with a reason", () => {
    expect(synth.nagViolations).toEqual([]);
    for (const stack of Object.values(synth.stacks)) {
      expect(Annotations.fromStack(stack).findError("*", Match.anyValue())).toEqual([]);
      expect(
        Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")),
      ).toEqual([]);
    }
  });

  it("creates the control table from the shared definition: on demand, PITR, deletion protection, retained", () => {
    const control = synth.templates.control;
    control.resourceCountIs("AWS::DynamoDB::Table", 1);
    control.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
      Properties: {
        TableName: "test-control",
        BillingMode: "PAY_PER_REQUEST",
        KeySchema: [
          { AttributeName: "PK", KeyType: "HASH" },
          { AttributeName: "SK", KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: "GSI1",
            KeySchema: [
              { AttributeName: "GSI1PK", KeyType: "HASH" },
              { AttributeName: "GSI1SK", KeyType: "RANGE" },
            ],
            Projection: { ProjectionType: "ALL" },
          },
        ],
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
        TimeToLiveSpecification: { AttributeName: "ttl", Enabled: true },
      },
    });
  });

  it("runs the api Lambda on Node.js 24, arm64, traced, with its configuration in the environment", () => {
    const api = synth.templates.api;
    const [, fn] = apiFunction(api);
    expect(fn.Properties).toMatchObject({
      Runtime: "nodejs24.x",
      Architectures: ["arm64"],
      Handler: "index.handler",
      TracingConfig: { Mode: "Active" },
      LoggingConfig: { LogGroup: expect.anything() },
    });
    const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env).toMatchObject({
      WEIQUAN_MODE: "aws",
      WEIQUAN_STAGE: "test",
      WEIQUAN_CONTROL_TABLE: "test-control",
    });
    for (const key of [
      "WEIQUAN_SIGNING_KEY_SECRET_ARN",
      "WEIQUAN_DATA_ACCESS_ROLE_ARN",
      "WEIQUAN_PROVISIONER_FUNCTION",
    ]) {
      expect(env[key], key).toBeDefined();
    }
    api.hasResourceProperties("AWS::Lambda::Function", {
      Environment: {
        Variables: Match.objectEquals({
          NODE_OPTIONS: "--enable-source-maps",
          WEIQUAN_MODE: "aws",
          WEIQUAN_STAGE: "test",
          WEIQUAN_CONTROL_TABLE: "test-control",
          WEIQUAN_DIVISIONS_DIR: "/var/task/divisions",
          WEIQUAN_EXPORT_BUCKET: Match.anyValue(),
        }),
      },
      Runtime: "nodejs24.x",
      Architectures: ["arm64"],
    });
    api.hasResourceProperties("AWS::Logs::LogGroup", { RetentionInDays: Match.anyValue() });
  });

  it("bundles the functions as ESM with a require() shim for CommonJS dependencies", () => {
    const assembly = synth.stacks.api.node.root as App;
    const outdir = assembly.outdir;
    const manifest = JSON.parse(
      readFileSync(join(outdir, `${synth.stacks.api.artifactId}.assets.json`), "utf8"),
    );
    const bundles = Object.values(manifest.files as Record<string, { source: { path: string } }>)
      .map((file) => join(outdir, file.source.path, "index.mjs"))
      .filter((path) => {
        try {
          return readFileSync(path).length > 0;
        } catch {
          return false;
        }
      });
    expect(bundles).toHaveLength(3); // api, provisioner, scheduler
    for (const bundle of bundles) expect(readFileSync(bundle, "utf8")).toContain("createRequire");
  });

  it("ships the per-county division files with the provisioner only, never inside a bundle", () => {
    const outdir = (synth.stacks.api.node.root as App).outdir;
    const manifest = JSON.parse(
      readFileSync(join(outdir, `${synth.stacks.api.artifactId}.assets.json`), "utf8"),
    );
    const folders = Object.values(manifest.files as Record<string, { source: { path: string } }>)
      .map((file) => join(outdir, file.source.path))
      .filter((dir) => existsSync(join(dir, "index.mjs")));
    const withDivisions = folders.filter((dir) => existsSync(join(dir, "divisions", "120115.json")));
    expect(withDivisions).toHaveLength(1);
    const [provisioner] = withDivisions;
    expect(JSON.parse(readFileSync(join(provisioner!, "divisions", "120115.json"), "utf8"))).toMatchObject({
      code: "120115",
      name: "宝坻区",
    });
    const escaped = [..."石幢南"].map((c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`).join("");
    for (const dir of folders) {
      // No village (its 12-digit code or its name, raw or as esbuild escapes it) is inside a bundle.
      const bundle = readFileSync(join(dir, "index.mjs"), "utf8");
      for (const needle of ["120115001001", "石幢南", escaped]) expect(bundle).not.toContain(needle);
    }
  });

  it("serves the api through an HTTP API $default route with access logs, a throttle and CORS for the console", () => {
    const api = synth.templates.api;
    api.hasResourceProperties("AWS::ApiGatewayV2::Api", {
      ProtocolType: "HTTP",
      CorsConfiguration: { AllowOrigins: [Match.anyValue()] },
    });
    api.hasResourceProperties("AWS::ApiGatewayV2::Route", { RouteKey: "$default" });
    api.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp("requestId") },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
    // The allowed origin is the distribution's own domain, exported by the web stack.
    const [httpApi] = Object.values(resourcesOf(api, "AWS::ApiGatewayV2::Api"));
    const origins = (httpApi!.Properties.CorsConfiguration as { AllowOrigins: unknown[] }).AllowOrigins;
    expect(JSON.stringify(origins)).toContain("Fn::ImportValue");
    expect(JSON.stringify(origins)).not.toContain("*");
  });

  it("scopes the data-access role to the caller's own tenant table through the TenantId session tag", () => {
    const api = synth.templates.api;
    const [roleId, role] = Object.entries(resourcesOf(api, "AWS::IAM::Role")).find(([id]) =>
      id.startsWith("TenantDataAccessRole"),
    )!;
    const trust = (role.Properties.AssumeRolePolicyDocument as { Statement: Array<Record<string, unknown>> })
      .Statement;
    expect(trust).toHaveLength(1);
    expect(trust[0]).toMatchObject({
      Effect: "Allow",
      Action: expect.arrayContaining(["sts:AssumeRole", "sts:TagSession"]),
      Condition: { StringLike: { "aws:RequestTag/TenantId": "?*" } },
    });
    // The api and the daily scheduler, both only with a TenantId session tag.
    expect(JSON.stringify(trust[0]!.Principal)).toMatch(/ApiRole/);
    expect(JSON.stringify(trust[0]!.Principal)).toMatch(/SchedulerRole/);

    const statements = statementsOfRole(api, roleId).filter((st) =>
      JSON.stringify(st.Action).includes("dynamodb:"),
    );
    expect(statements).toHaveLength(1);
    const resources = JSON.stringify(statements[0]!.Resource);
    // An IAM policy variable, not a JavaScript placeholder.
    const ownTable = ":table/test-tenant-$" + "{aws:PrincipalTag/TenantId}";
    expect(resources).toContain(`${ownTable}"`);
    expect(resources).toContain(`${ownTable}/index/*"`);
    expect(resources).not.toMatch(/test-tenant-\*/);
    expect(asArray(statements[0]!.Action)).not.toContain("dynamodb:Scan");
  });

  it("gives the api Lambda's own role no access to any tenant table", () => {
    const api = synth.templates.api;
    const [, fn] = apiFunction(api);
    const roleId = (fn.Properties.Role as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"][0];
    const statements = statementsOfRole(api, roleId);
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      const actions = asArray(statement.Action) as string[];
      const resources = JSON.stringify(statement.Resource);
      if (actions.some((action) => action.startsWith("dynamodb:"))) {
        expect(resources).toContain("table/test-control");
        expect(resources).not.toContain("tenant");
      }
      expect(resources).not.toContain("test-tenant-");
      expect(actions).not.toContain("*");
    }
    const all = statements.flatMap((s) => asArray(s.Action) as string[]);
    expect(all).toEqual(
      expect.arrayContaining(["sts:AssumeRole", "sts:TagSession", "lambda:InvokeFunction"]),
    );
    expect(all).toEqual(
      expect.arrayContaining(["secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue"]),
    );
  });

  it("runs the daily jobs at 00:10 Shanghai (16:10 UTC) through a scheduler that reaches tenants only via the data-access role", () => {
    const api = synth.templates.api;
    const [schedulerId, scheduler] = Object.entries(resourcesOf(api, "AWS::Lambda::Function")).find(([id]) =>
      id.startsWith("Scheduler"),
    )!;
    api.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "cron(10 16 * * ? *)",
      State: "ENABLED",
      Targets: [
        Match.objectLike({
          Arn: { "Fn::GetAtt": [schedulerId, "Arn"] },
          RetryPolicy: { MaximumRetryAttempts: 2 },
        }),
      ],
    });
    api.hasResourceProperties("AWS::Lambda::Permission", {
      Action: "lambda:InvokeFunction",
      Principal: "events.amazonaws.com",
      FunctionName: { "Fn::GetAtt": [schedulerId, "Arn"] },
    });
    expect(scheduler.Properties).toMatchObject({ Runtime: "nodejs24.x", Architectures: ["arm64"] });
    const env = (scheduler.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env).toMatchObject({
      WEIQUAN_MODE: "aws",
      WEIQUAN_STAGE: "test",
      WEIQUAN_CONTROL_TABLE: "test-control",
    });
    expect(JSON.stringify(env.WEIQUAN_DATA_ACCESS_ROLE_ARN)).toContain("TenantDataAccessRole");
    expect(env).not.toHaveProperty("WEIQUAN_SIGNING_KEY_SECRET_ARN");

    const roleId = (scheduler.Properties.Role as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"][0];
    const statements = statementsOfRole(api, roleId);
    const actions = statements.flatMap((s) => asArray(s.Action) as string[]);
    expect(actions).toEqual(expect.arrayContaining(["dynamodb:Query", "sts:AssumeRole", "sts:TagSession"]));
    for (const statement of statements) {
      const resources = JSON.stringify(statement.Resource);
      expect(resources).not.toContain("test-tenant-");
      if ((asArray(statement.Action) as string[]).some((a) => a.startsWith("dynamodb:")))
        expect(resources).toContain("table/test-control/index/*");
    }
  });

  it("lets only the provisioner create tenant tables, under this stage's prefix", () => {
    const api = synth.templates.api;
    const creators = Object.values(resourcesOf(api, "AWS::IAM::Policy")).filter((policy) =>
      JSON.stringify(policy.Properties.PolicyDocument).includes("dynamodb:CreateTable"),
    );
    expect(creators).toHaveLength(1);
    expect(JSON.stringify(creators[0]!.Properties.Roles)).toContain("ProvisionerRole");
    expect(JSON.stringify(creators[0]!.Properties.PolicyDocument)).toContain(":table/test-tenant-*");
  });

  it("keeps tenant exports in a private, encrypted, TLS-only, logged, versioned bucket that expires them", () => {
    const api = synth.templates.api;
    const buckets = resourcesOf(api, "AWS::S3::Bucket");
    const [exportsId, bucket] = Object.entries(buckets).find(([id]) => id.startsWith("TenantExportsBucket"))!;
    expect(synth.templates.api.toJSON().Resources[exportsId].DeletionPolicy).toBe("Retain");
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
      },
      VersioningConfiguration: { Status: "Enabled" },
      LoggingConfiguration: expect.objectContaining({ LogFilePrefix: "s3/" }),
    });
    const rules = (bucket.Properties.LifecycleConfiguration as { Rules: Array<Record<string, unknown>> })
      .Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
        expect.objectContaining({ Prefix: "exports/", ExpirationInDays: 1095 }),
      ]),
    );
    const policy = Object.values(resourcesOf(api, "AWS::S3::BucketPolicy")).find((p) =>
      JSON.stringify(p.Properties.Bucket).includes(exportsId),
    )!;
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
  });

  it("lets only the provisioner write exports and scan or delete tenant tables; the api only names the bucket", () => {
    const api = synth.templates.api;
    const policies = Object.values(resourcesOf(api, "AWS::IAM::Policy"));
    // The attachments bucket's grant (a tenant's own prefix) is asserted in attachments.test.ts.
    const holders = (action: string) =>
      policies.filter((p) => {
        const doc = JSON.stringify(p.Properties.PolicyDocument);
        return doc.includes(`"${action}"`) && !doc.includes("AttachmentsBucket");
      });
    for (const action of ["s3:PutObject", "dynamodb:Scan", "dynamodb:DeleteTable", "dynamodb:UpdateTable"]) {
      expect(holders(action), action).toHaveLength(1);
      expect(JSON.stringify(holders(action)[0]!.Properties.Roles), action).toContain("ProvisionerRole");
    }
    const s3Statement = (
      holders("s3:PutObject")[0]!.Properties.PolicyDocument as { Statement: Array<Record<string, unknown>> }
    ).Statement.find((st) => asArray(st.Action).includes("s3:PutObject"))!;
    expect(JSON.stringify(s3Statement.Resource)).toContain("/exports/*");
    expect(asArray(s3Statement.Action)).not.toContain("s3:DeleteObject");
    const deleteStatement = (
      holders("dynamodb:DeleteTable")[0]!.Properties.PolicyDocument as {
        Statement: Array<Record<string, unknown>>;
      }
    ).Statement.find((st) => asArray(st.Action).includes("dynamodb:DeleteTable"))!;
    expect(JSON.stringify(deleteStatement.Resource)).toContain(":table/test-tenant-*");
    const [, fn] = apiFunction(api);
    const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(JSON.stringify(env.WEIQUAN_EXPORT_BUCKET)).toContain("TenantExportsBucket");
  });

  it("keeps the console bucket private, TLS-only, encrypted, logged and retained", () => {
    const web = synth.templates.web;
    web.hasResource("AWS::S3::Bucket", {
      DeletionPolicy: "Retain",
      Properties: {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: Match.anyValue(),
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: "s3/" }),
      },
    });
    const policies = Object.values(resourcesOf(web, "AWS::S3::BucketPolicy"));
    expect(policies.length).toBeGreaterThanOrEqual(2);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument).toMatchObject({
        Statement: expect.arrayContaining([
          expect.objectContaining({
            Effect: "Deny",
            Action: "s3:*",
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          }),
        ]),
      });
    }
  });

  it("serves the console through CloudFront with Origin Access Control, SPA fallback and security headers", () => {
    const web = synth.templates.web;
    web.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
    web.resourceCountIs("AWS::CloudFront::CloudFrontOriginAccessIdentity", 0);
    web.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: "index.html",
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
        CustomErrorResponses: [
          { ErrorCode: 403, ResponseCode: 200, ResponsePagePath: "/index.html", ErrorCachingMinTTL: 0 },
          { ErrorCode: 404, ResponseCode: 200, ResponsePagePath: "/index.html", ErrorCachingMinTTL: 0 },
        ],
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: "redirect-to-https",
          ResponseHeadersPolicyId: Match.anyValue(),
        }),
        Logging: Match.objectLike({ Prefix: "cloudfront/" }),
      }),
    });
    web.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ IncludeSubdomains: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: "DENY", Override: true },
        }),
      }),
    });
  });

  it("sends a content security policy that allows only the console itself and the API", () => {
    const [policy] = Object.values(
      resourcesOf(synth.templates.web, "AWS::CloudFront::ResponseHeadersPolicy"),
    );
    const csp = JSON.stringify(policy!.Properties.ResponseHeadersPolicyConfig);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self' https://*.execute-api.");
  });

  it("deploys the built console plus a config.json naming the API and the stage", () => {
    const content = synth.templates.webContent;
    const [deployment] = Object.values(resourcesOf(content, "Custom::CDKBucketDeployment"));
    expect(deployment).toBeDefined();
    const props = deployment!.Properties;
    expect(props.SourceObjectKeys).toHaveLength(2);
    expect(JSON.stringify(props.DestinationBucketName)).toContain("weiquan-test-web-");
    expect(props.DistributionPaths).toEqual(["/*"]);
    // Source.jsonData: the API URL is a deploy-time value, substituted through a marker.
    const markers = JSON.stringify(props.SourceMarkers);
    expect(markers).toContain("Fn::ImportValue");
    const outdir = (synth.stacks.webContent.node.root as App).outdir;
    const manifest = JSON.parse(
      readFileSync(join(outdir, `${synth.stacks.webContent.artifactId}.assets.json`), "utf8"),
    );
    const configJson = Object.values(manifest.files as Record<string, { source: { path: string } }>)
      .map((file) => join(outdir, file.source.path, "config.json"))
      .filter((path) => existsSync(path))
      .map((path) => readFileSync(path, "utf8"))[0];
    expect(configJson, "the config.json asset").toBeDefined();
    expect(configJson).toContain('"stage":"test"');
    expect(configJson).toContain('"apiBaseUrl"');
    // The console build's own config.json (local defaults) is left out, so it cannot win.
    const consoleAssets = Object.values(manifest.files as Record<string, { source: { path: string } }>)
      .map((file) => join(outdir, file.source.path))
      .filter((path) => existsSync(join(path, "index.html")));
    expect(consoleAssets).toHaveLength(1);
    expect(existsSync(join(consoleAssets[0]!, "config.json"))).toBe(false);
  });

  it("refuses to synthesize without a built console, and says to run pnpm build", () => {
    const empty = mkdtempSync(join(tmpdir(), "weiquan-empty-"));
    expect(() => createWeiquanStacks(new App(), { stage: "test", webAssetPath: empty })).toThrow(
      /pnpm build/,
    );
  });
});

describe("the Weiquan CDK app in an AWS China region (cn-north-1, partition aws-cn)", () => {
  let synth: Synthesized;
  beforeAll(() => {
    synth = synthesize({
      stage: "prod",
      env: { account: "123456789012", region: "cn-north-1" },
      domainName: "weiquan.example.gov.cn",
      iamCertificateId: "ASCAEXAMPLEEXAMPLE1234",
    });
  }, 120_000);

  it("uses only aws-cn or partition-relative ARNs, never a literal arn:aws:", () => {
    for (const template of Object.values(synth.templates)) {
      const json = JSON.stringify(template.toJSON());
      expect(json).not.toContain("arn:aws:");
    }
    const api = JSON.stringify(synth.templates.api.toJSON());
    expect(api.includes("arn:aws-cn:") || api.includes('"Ref":"AWS::Partition"')).toBe(true);
  });

  it("passes cdk-nag's AwsSolutions checks there too", () => {
    expect(synth.nagViolations).toEqual([]);
  });

  it("serves the console on its ICP-registered domain with an IAM server certificate and an OAI", () => {
    const web = synth.templates.web;
    web.resourceCountIs("AWS::CloudFront::OriginAccessControl", 0);
    web.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        Aliases: ["weiquan.example.gov.cn"],
        ViewerCertificate: {
          IamCertificateId: "ASCAEXAMPLEEXAMPLE1234",
          SslSupportMethod: "sni-only",
          MinimumProtocolVersion: "TLSv1.2_2021",
        },
      }),
    });
    synth.templates.api.hasResourceProperties("AWS::ApiGatewayV2::Api", {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ["https://weiquan.example.gov.cn"] }),
    });
  });
});
