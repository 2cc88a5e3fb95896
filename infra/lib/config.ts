import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stageNameProblem } from "@weiquan/store/table-definition";
import type { App, Environment } from "aws-cdk-lib";

/** The repository root: the base of every entry path. */
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Everything a stage's stacks are built from; read from `-c key=value` context by `readStageConfig`. */
export interface StageConfig {
  stage: string;
  env?: Environment;
  /** Folder holding the built console (`web/dist` unless told otherwise). */
  webAssetPath: string;
  /** The stage's one domain (console, `/v1/*`, `/.well-known/*`), e.g. `weiquan.example.gov.cn`. */
  domainName?: string;
  /** ACM certificate (us-east-1) for `domainName` — the commercial partition. */
  certificateArn?: string;
  /** IAM server certificate id for `domainName` — CloudFront in the China regions has no ACM. */
  iamCertificateId?: string;
  /** Where alarms are mailed (an SNS email subscription, confirmed from the first mail). */
  alarmEmail?: string;
  /** Days Lambda and API access logs are kept: at least 180 (Cybersecurity Law Art. 21, MLPS 3). */
  logRetentionDays: number;
  /** A second region to copy the daily backups to (its vault must exist, see docs/deploy.md). */
  backupCopyRegion?: string;
  /** Raised after the origin secret was rotated, so the api and CloudFront re-read it (default 1). */
  originSecretVersion?: number;
  /** Raised to replace the token signing key with a new KMS key (default 1; docs/deploy.md § Key and secret rotation). */
  signingKeyGeneration?: number;
}

/** Retention values CloudWatch Logs accepts from 180 days up. */
export const LOG_RETENTION_DAYS = [180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** True for the AWS China regions (partition aws-cn): no X-Ray, legacy CloudFront, IAM certificates. */
export const isChinaRegion = (region: string | undefined) => !!region && region.startsWith("cn-");

function optional(app: App, key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null || value === "") return undefined;
  return String(value);
}

function positiveInteger(value: string | undefined, key: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new Error(`-c ${key} must be a positive whole number`);
  return Number(value);
}

export function readStageConfig(app: App): StageConfig {
  const stage = optional(app, "stage") ?? "dev";
  const stageProblem = stageNameProblem(stage);
  if (stageProblem) throw new Error(`${stageProblem} (it prefixes table names)`);
  const account = optional(app, "account") ?? process.env.CDK_DEFAULT_ACCOUNT;
  const region = optional(app, "region") ?? process.env.CDK_DEFAULT_REGION;
  const logRetentionDays = Number(optional(app, "logRetentionDays") ?? 180);
  if (!LOG_RETENTION_DAYS.includes(logRetentionDays)) {
    throw new Error(
      `-c logRetentionDays must be one of ${LOG_RETENTION_DAYS.join(", ")} (at least 180 days)`,
    );
  }
  const config: StageConfig = {
    stage,
    env: account || region ? { account, region } : undefined,
    webAssetPath: resolve(repoRoot, optional(app, "webAssetPath") ?? "web/dist"),
    domainName: optional(app, "domainName"),
    certificateArn: optional(app, "certificateArn"),
    iamCertificateId: optional(app, "iamCertificateId"),
    alarmEmail: optional(app, "alarmEmail"),
    logRetentionDays,
    backupCopyRegion: optional(app, "backupCopyRegion"),
    originSecretVersion: positiveInteger(optional(app, "originSecretVersion"), "originSecretVersion"),
    signingKeyGeneration: positiveInteger(optional(app, "signingKeyGeneration"), "signingKeyGeneration"),
  };
  assertDomainConfig(config);
  return config;
}

/**
 * The domain and its certificate fit together and fit the partition: CloudFront in the China regions
 * serves only an ICP-filed domain of one's own, with an IAM server certificate (it has no ACM).
 */
export function assertDomainConfig(
  config: Pick<StageConfig, "env" | "domainName" | "certificateArn" | "iamCertificateId">,
) {
  const { domainName, certificateArn, iamCertificateId } = config;
  const region = config.env?.region;
  if (isChinaRegion(region)) {
    if (!domainName || !iamCertificateId) {
      throw new Error(
        `${region} is an AWS China region: CloudFront there serves content only on an ICP-filed domain, so ` +
          "pass -c domainName=<the ICP-filed domain> -c iamCertificateId=<its IAM server certificate id> " +
          "(docs/deploy.md § Certificates).",
      );
    }
    if (certificateArn)
      throw new Error("AWS China has no ACM for CloudFront: use -c iamCertificateId, not certificateArn");
  }
  if ((certificateArn || iamCertificateId) && !domainName) {
    throw new Error("certificateArn / iamCertificateId need -c domainName=<the console's domain>");
  }
  if (domainName && !certificateArn && !iamCertificateId) {
    throw new Error(
      `domainName ${domainName} needs -c certificateArn=... (or -c iamCertificateId=... in China)`,
    );
  }
}

/** Fails synthesis early, with the fix, when the console has not been built. */
export function assertWebAssets(webAssetPath: string): void {
  if (!existsSync(resolve(webAssetPath, "index.html"))) {
    throw new Error(
      `The console is not built: ${webAssetPath}/index.html is missing. Run \`pnpm build\` at the repository ` +
        "root first, or pass -c webAssetPath=<folder with index.html>.",
    );
  }
}
