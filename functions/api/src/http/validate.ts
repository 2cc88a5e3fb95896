import type { StandardSchemaV1 } from "@standard-schema/spec";
import { Invalid } from "@weiquan/domain";
import type { ValidationTargets } from "hono";
import { validator } from "hono-openapi";

type Issue = StandardSchemaV1.Issue;

const pathOf = (issue: Issue, target: string) => {
  const parts = (issue.path ?? []).map((p) => (typeof p === "object" ? p.key : p));
  return [target === "json" ? null : target, ...parts].filter((p) => p !== null && p !== "").join(".");
};

/**
 * zod validation that fails with our typed 400 (field paths, Chinese messages) instead of the
 * validator's raw shape; the same schema feeds the OpenAPI document.
 */
export const valid = <S extends StandardSchemaV1, T extends keyof ValidationTargets>(target: T, schema: S) =>
  validator(target, schema, (result) => {
    if (!result.success) {
      const issues = (result.error as readonly Issue[]).map((i) => ({
        path: pathOf(i, target),
        message: i.message,
      }));
      throw Invalid(`请求参数有误：${issues.map((i) => i.path || "(body)").join(", ")}`, issues);
    }
  });
