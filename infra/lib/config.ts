import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { App, Environment } from "aws-cdk-lib";

/** The repository root: NodejsFunction's projectRoot and the base of every entry path. */
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Everything a stage's stacks are built from; read from `-c key=value` context by `readStageConfig`. */
export interface StageConfig {
  stage: string;
  env?: Environment;
  /** Folder holding the built console (`web/dist` unless told otherwise). */
  webAssetPath: string;
  /** Custom domain of the console, e.g. `weiquan.example.gov.cn` (ICP-registered in China). */
  domainName?: string;
  /** ACM certificate (us-east-1) for `domainName` — the commercial partition. */
  certificateArn?: string;
  /** IAM server certificate id for `domainName` — CloudFront in the China regions has no ACM. */
  iamCertificateId?: string;
  /** Console origin allowed by the API's CORS, if it is neither the custom domain nor CloudFront's. */
  consoleOrigin?: string;
}

const STAGE_PATTERN = /^[a-z][a-z0-9-]{0,19}$/;

function optional(app: App, key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null || value === "") return undefined;
  return String(value);
}

export function readStageConfig(app: App): StageConfig {
  const stage = optional(app, "stage") ?? "dev";
  if (!STAGE_PATTERN.test(stage)) {
    throw new Error(`stage "${stage}" must match ${STAGE_PATTERN} (it prefixes table names)`);
  }
  const account = optional(app, "account") ?? process.env.CDK_DEFAULT_ACCOUNT;
  const region = optional(app, "region") ?? process.env.CDK_DEFAULT_REGION;
  const domainName = optional(app, "domainName");
  const certificateArn = optional(app, "certificateArn");
  const iamCertificateId = optional(app, "iamCertificateId");
  if ((certificateArn || iamCertificateId) && !domainName) {
    throw new Error("certificateArn / iamCertificateId need -c domainName=<the console's domain>");
  }
  if (domainName && !certificateArn && !iamCertificateId) {
    throw new Error(
      `domainName ${domainName} needs -c certificateArn=... (or -c iamCertificateId=... in China)`,
    );
  }
  return {
    stage,
    env: account || region ? { account, region } : undefined,
    webAssetPath: resolve(repoRoot, optional(app, "webAssetPath") ?? "web/dist"),
    domainName,
    certificateArn,
    iamCertificateId,
    consoleOrigin: optional(app, "consoleOrigin"),
  };
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
