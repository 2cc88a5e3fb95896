import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * cfn-lint findings we accept, each with the reason — the one list of them. Anything else (an error, or a
 * warning not named here) fails the infra tests.
 */
export const CFN_LINT_ACKNOWLEDGED: Record<string, string> = {
  W3005:
    "CDK puts a function's execution role in DependsOn besides the GetAtt of its Role property, so the " +
    "role's inline policy (a separate resource, also in DependsOn) exists before the function is created " +
    "and first invoked; the redundant entry is CDK's and harmless.",
};

/** Whether `cfn-lint` can be run here (it is optional: Debian ships no package; pip or pipx installs it). */
export const cfnLintAvailable = (): boolean => spawnSync("cfn-lint", ["--version"]).status === 0;

export const CFN_LINT_MISSING =
  "cfn-lint is not on PATH: the synthesized templates were not linted (pipx install cfn-lint to run it)";

/** One finding, as a line a reader can act on. */
export interface CfnLintFinding {
  rule: string;
  level: string;
  where: string;
  message: string;
}

interface JsonFinding {
  Filename: string;
  Level: string;
  Location: { Start: { LineNumber: number }; Path?: Array<string | number> };
  Message: string;
  Rule: { Id: string };
}

/**
 * Runs cfn-lint over every `*.template.json` of a synthesized app (its output folder) with the rules of
 * `region`, and returns the findings that are not acknowledged above.
 */
export function lintTemplates(outdir: string, region: string): CfnLintFinding[] {
  const templates = readdirSync(outdir)
    .filter((f) => f.endsWith(".template.json"))
    .map((f) => join(outdir, f));
  if (templates.length === 0) throw new Error(`no templates in ${outdir}`);
  const run = spawnSync("cfn-lint", ["--format", "json", "--regions", region, "--", ...templates], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  // cfn-lint exits non-zero when it finds anything; only unreadable output is a failure of the run itself.
  let findings: JsonFinding[];
  try {
    findings = JSON.parse(run.stdout || "[]") as JsonFinding[];
  } catch {
    throw new Error(`cfn-lint did not answer JSON (status ${run.status}): ${run.stderr || run.stdout}`);
  }
  return findings
    .filter((f) => !(f.Rule.Id in CFN_LINT_ACKNOWLEDGED))
    .map((f) => ({
      rule: f.Rule.Id,
      level: f.Level,
      where: `${f.Filename.split("/").pop()}:${f.Location.Start.LineNumber} ${(f.Location.Path ?? []).join("/")}`,
      message: f.Message,
    }));
}
