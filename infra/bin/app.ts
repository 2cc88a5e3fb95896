import { join } from "node:path";
import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { readStageConfig, repoRoot } from "../lib/config.ts";
import { bundleFunctions } from "../lib/functions.ts";
import { createWeiquanStacks } from "../lib/weiquan-app.ts";

// `pnpm cdk deploy --all -c stage=<name>` (default `dev`); docs/deploy.md lists the other context keys.
const app = new App();
const config = readStageConfig(app);
const bundles = await bundleFunctions(join(repoRoot, "cdk.out", "bundles", config.stage), {
  webAssetPath: config.webAssetPath,
});
createWeiquanStacks(app, config, bundles);
// cdk-nag 3 runs as a policy-validation plugin: any unacknowledged finding fails synthesis.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
