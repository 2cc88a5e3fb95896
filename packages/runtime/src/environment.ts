import { stageNameProblem } from "@weiquan/store/table-definition";
import { z } from "zod";

/**
 * Reads a function's configuration from its environment through a zod schema whose keys are the variable
 * names. Nothing falls back silently: a missing or malformed variable fails the cold start with its name.
 */
export function readEnvironment<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.join(".") || "(environment)";
    return env[name] === undefined ? `${name} is required` : `${name}: ${issue.message}`;
  });
  throw new Error(`${what} configuration: ${problems.join("; ")}`);
}

/** A stage name variable (see `stageNameProblem`). */
export const StageName = z.string().superRefine((value, ctx) => {
  const problem = stageNameProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** A variable that must be set and not empty. */
export const Text = z.string().min(1);
