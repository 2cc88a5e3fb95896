import type { App } from "aws-cdk-lib";
import { assertDomainConfig, assertWebAssets, type StageConfig } from "./config.ts";
import type { Bundles } from "./functions.ts";
import { ApiStack, originSecretReference } from "./stacks/api-stack.ts";
import { ControlPlaneStack } from "./stacks/control-plane-stack.ts";
import { WebContentStack } from "./stacks/web-content-stack.ts";
import { WebStack } from "./stacks/web-stack.ts";

export interface WeiquanStacks {
  control: ControlPlaneStack;
  api: ApiStack;
  web: WebStack;
  webContent: WebContentStack;
}

/**
 * A stage's stacks, in deployment order: the control table; the API with its functions, key, alarms and
 * backups; the stage's domain (CloudFront: the console, and /v1/* + /.well-known/* to the API); the
 * console's files. `bundles` are the functions built beforehand (functions.ts `bundleFunctions`).
 */
export function createWeiquanStacks(app: App, config: StageConfig, bundles: Bundles): WeiquanStacks {
  // Before anything else: a missing console build is the most common mistake, so say it first.
  assertWebAssets(config.webAssetPath);
  assertDomainConfig(config);
  const { stage, env } = config;
  const name = (suffix: string) => `${stage}-weiquan-${suffix}`;
  const tags = { project: "weiquan", stage };

  const control = new ControlPlaneStack(app, name("control"), { stage, env, tags });
  const api = new ApiStack(app, name("api"), {
    stage,
    env,
    tags,
    bundles,
    logRetentionDays: config.logRetentionDays,
    alarmEmail: config.alarmEmail,
    domainName: config.domainName,
    backupCopyRegion: config.backupCopyRegion,
    originSecretVersion: config.originSecretVersion,
    signingKeyGeneration: config.signingKeyGeneration,
  });
  // The API names the control table by its stage name rather than by reference: no export to pin it.
  api.addStackDependency(control);
  const web = new WebStack(app, name("web"), {
    stage,
    env,
    tags,
    apiDomain: api.apiDomain,
    originSecret: originSecretReference(stage),
    originSecretVersion: config.originSecretVersion,
    // Presigned attachment URLs go straight to the bucket: the one other origin the console connects to.
    connectSources: [`https://${api.attachments.bucket.bucketRegionalDomainName}`],
    domainName: config.domainName,
    certificateArn: config.certificateArn,
    iamCertificateId: config.iamCertificateId,
  });
  const webContent = new WebContentStack(app, name("web-content"), {
    stage,
    env,
    tags,
    webAssetPath: config.webAssetPath,
    distribution: web.distribution,
  });
  return { control, api, web, webContent };
}
