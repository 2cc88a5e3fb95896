import type { FormInstance } from "antd";
import type { Rule } from "antd/es/form";
import { ApiError, namePath } from "../api/client.ts";
import type { Lang } from "../i18n/lang.tsx";

interface FieldSchema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: { message: string }[] } };
}

/**
 * A form rule backed by the API's own zod schema, so the console accepts exactly what the API does.
 * The schema's custom messages are Chinese; in English, or where zod's default text would show, use ours.
 * Empty values pass when `optional` (the API omits them).
 */
export function zodRule(schema: FieldSchema, fallback: string, lang: Lang, optional = false): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (optional && (value === undefined || value === null || value === "")) return;
      const result = schema.safeParse(value ?? "");
      if (result.success) return;
      const own = result.error.issues[0]?.message ?? "";
      throw new Error(lang === "zh" && /[\u4e00-\u9fff]/.test(own) ? own : fallback);
    },
  };
}

/** Put an ApiError's field issues (or a code's field) onto the form's fields. */
export function showFieldErrors(
  form: FormInstance,
  e: unknown,
  fieldOfCode: Record<string, (string | number)[]> = {},
  fieldOfPath: (path: string) => string = (path) => path,
): void {
  if (!(e instanceof ApiError)) return;
  const issues = e.details.length
    ? e.details.map((d) => ({ name: namePath(fieldOfPath(d.path)), errors: [d.message] }))
    : fieldOfCode[e.code]
      ? [{ name: fieldOfCode[e.code], errors: [e.message] }]
      : [];
  form.setFields(issues);
}
