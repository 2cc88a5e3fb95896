import type { App } from "aws-cdk-lib";
import { assertWebAssets, type StageConfig } from "./config.ts";
import { ApiStack } from "./stacks/api-stack.ts";
import { ControlPlaneStack } from "./stacks/control-plane-stack.ts";
import { WebContentStack } from "./stacks/web-content-stack.ts";
import { WebStack } from "./stacks/web-stack.ts";

export interface WeiquanStacks {
  control: ControlPlaneStack;
  web: WebStack;
  api: ApiStack;
  webContent: WebContentStack;
}

export interface WeiquanStackOptions {
  /** Function entries relative to the repository root (tests may use fixtures). */
  apiEntry?: string;
  provisionerEntry?: string;
}

/**
 * A stage's stacks, in deployment order: the control table; the console's hosting (so its origin is
 * known to the API's CORS); the API; the console's files with `config.json` naming the API.
 */
export function createWeiquanStacks(app: App, config: StageConfig, options: WeiquanStackOptions = {}) {
  // Before any bundling: a missing console build is the most common mistake, so say it first.
  assertWebAssets(config.webAssetPath);
  const { stage, env } = config;
  const name = (suffix: string) => `${stage}-weiquan-${suffix}`;
  const tags = { project: "weiquan", stage };

  const control = new ControlPlaneStack(app, name("control"), { stage, env, tags });
  const web = new WebStack(app, name("web"), {
    stage,
    env,
    tags,
    domainName: config.domainName,
    certificateArn: config.certificateArn,
    iamCertificateId: config.iamCertificateId,
  });
  const api = new ApiStack(app, name("api"), {
    stage,
    env,
    tags,
    consoleOrigin: config.consoleOrigin ?? web.consoleOrigin,
    apiEntry: options.apiEntry,
    provisionerEntry: options.provisionerEntry,
  });
  // The API names the control table by its stage name rather than by reference: no export to pin it.
  api.addStackDependency(control);
  const webContent = new WebContentStack(app, name("web-content"), {
    stage,
    env,
    tags,
    webAssetPath: config.webAssetPath,
    distribution: web.distribution,
    apiBaseUrl: api.apiUrl,
  });
  return { control, web, api, webContent } satisfies WeiquanStacks;
}
