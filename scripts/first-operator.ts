/**
 * Creates the first platform operator of a deployed stage with the deployer's credentials:
 *
 *   pnpm first-operator --stage prod --region cn-north-1 --username ops --display-name "平台运维"
 *
 * Idempotent: an existing operator is left as it is (`--reset` hands out a new one-time password and clears
 * its TOTP: the break-glass path). See docs/deploy.md § First operator.
 */
import { parseArgs } from "node:util";
import { ensureFirstOperator } from "@weiquan/fn-api/platform/first-operator";
import { controlTableName, documentClient, PlatformUsersRepository } from "@weiquan/store";
import { assertTableExists, STAGE_HELP, STAGE_OPTIONS, stageClient, usageError } from "./aws-cli.ts";

const USAGE = `pnpm first-operator --stage <name> [--region <region>] [--username <name>] [--display-name <text>] [--reset]
${STAGE_HELP}
  --username <name>  the operator's login name (default: operator); logs in with 单位代码 "platform"
  --display-name     shown in the console (default: 平台管理员)
  --reset            the operator exists: a new one-time password, TOTP and lockout cleared`;

const { values } = parseArgs({
  options: {
    ...STAGE_OPTIONS,
    username: { type: "string", default: "operator" },
    "display-name": { type: "string", default: "平台管理员" },
    reset: { type: "boolean", default: false },
  },
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const { stage, client } = stageClient(values, USAGE);
const tableName = controlTableName(stage);
try {
  await assertTableExists(client, tableName);
  const operators = new PlatformUsersRepository(documentClient(client), tableName);
  const out = await ensureFirstOperator(
    operators,
    { username: values.username, displayName: values["display-name"], reset: values.reset },
    new Date(),
  );
  if (out.outcome === "exists") {
    process.stdout.write(
      `Platform operator "${out.username}" already exists in ${tableName}: nothing changed.\n` +
        "(--reset hands out a new one-time password and clears its two-step verification.)\n",
    );
  } else {
    process.stdout.write(
      `${out.outcome === "created" ? "Created" : "Reset"} platform operator "${out.username}" in ${tableName}.\n\n` +
        `  单位代码 (tenant): platform\n  用户名 (username): ${out.username}\n` +
        `  one-time password: ${out.oneTimePassword}\n\n` +
        "Shown once. At the first login the console asks for a new password, then (in AWS) for two-step\n" +
        "verification with an authenticator app; the one-time password works only for that change.\n",
    );
  }
  client.destroy();
} catch (e) {
  if (e instanceof Error && e.name === "ZodError") usageError(`--username: ${e.message}`, USAGE);
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
