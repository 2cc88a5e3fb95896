import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { readStageConfig } from "../lib/config.ts";
import { createWeiquanStacks } from "../lib/weiquan-app.ts";

// `pnpm cdk deploy --all -c stage=<name>` (default `dev`); see lib/config.ts for the other context keys.
const app = new App();
createWeiquanStacks(app, readStageConfig(app));
// cdk-nag 3 runs as a policy-validation plugin: any unacknowledged finding fails synthesis.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
