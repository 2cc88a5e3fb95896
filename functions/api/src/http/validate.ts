import type { StandardSchemaV1 } from "@standard-schema/spec";
import { Invalid } from "@weiquan/domain";
import type { ValidationTargets } from "hono";
import { createMiddleware } from "hono/factory";
import { validator } from "hono-openapi";

type Issue = StandardSchemaV1.Issue;
type Key = StandardSchemaV1.Issue["path"] extends readonly (infer K)[] | undefined ? K : never;

const pathOf = (path: readonly Key[], target: string) => {
  const parts = path.map((p) => (typeof p === "object" ? p.key : p));
  return [target === "json" ? null : target, ...parts].filter((p) => p !== null && p !== "").join(".");
};

/**
 * One field issue per failing path. zod reports unknown keys as one issue at the object holding them;
 * each key gets its own path instead, so a client sees `consumer.nickname`, not an empty path.
 */
function fieldIssues(issue: Issue, target: string) {
  const path = issue.path ?? [];
  const unknown = issue as Issue & { code?: string; keys?: string[] };
  if (unknown.code === "unrecognized_keys" && unknown.keys?.length) {
    return unknown.keys.map((k) => ({ path: pathOf([...path, k], target), message: "不接受的字段" }));
  }
  return [{ path: pathOf(path, target), message: issue.message }];
}

/**
 * zod validation that fails with our typed 400 (field paths, Chinese messages) instead of the
 * validator's raw shape; the same schema feeds the OpenAPI document.
 */
export const valid = <S extends StandardSchemaV1, T extends keyof ValidationTargets>(target: T, schema: S) =>
  validator(target, schema, (result) => {
    if (!result.success) {
      // One issue per path (the first): a value can fail several checks, the client fixes one field.
      const byPath = new Map<string, { path: string; message: string }>();
      for (const i of (result.error as readonly Issue[]).flatMap((i) => fieldIssues(i, target)))
        if (!byPath.has(i.path)) byPath.set(i.path, i);
      const issues = [...byPath.values()];
      throw Invalid(`请求参数有误：${issues.map((i) => i.path || "(body)").join(", ")}`, issues);
    }
  });

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * For a write that takes no body: nothing, or `{}`, passes; keys sent anyway are refused at their own
 * paths, as on every other write, instead of being silently dropped.
 */
export const noBody = createMiddleware(async (c, next) => {
  const raw = (await c.req.text()).trim();
  if (raw !== "" && raw !== "{}") {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = undefined;
    }
    const issues = isObject(value)
      ? Object.keys(value).map((k) => ({ path: k, message: "不接受的字段" }))
      : [{ path: "", message: "此操作不接受请求体" }];
    throw Invalid(`请求参数有误：${issues.map((i) => i.path || "(body)").join(", ")}`, issues);
  }
  await next();
});
