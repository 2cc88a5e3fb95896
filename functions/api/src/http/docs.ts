import type { StandardSchemaV1 } from "@standard-schema/spec";
import { describeRoute, resolver } from "hono-openapi";
import { z } from "zod";
import { XLSX } from "./xlsx.ts";

/**
 * Every error answer of the API, whatever sends it (the error mapping, a validator, the early timeout, the
 * size limit): a code in SNAKE_CASE, a sentence for people, and details — the failing fields of a 400
 * (`path` in the body or query), or facts such as the current item of a 409.
 */
export const ErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    message: z.string().min(1),
    details: z
      .union([
        z.array(z.strictObject({ path: z.string(), message: z.string() })),
        z.record(z.string(), z.unknown()),
      ])
      .optional(),
  }),
});

/** The error answers: one shared response each, all with the one `Error` schema. */
const errorResponses: Record<number, { name: string; description: string; retryAfter?: true }> = {
  400: {
    name: "BadRequest",
    description: "Malformed or invalid input; details lists the failing fields with paths",
  },
  401: { name: "Unauthorized", description: "Missing, invalid or expired token" },
  403: { name: "Forbidden", description: "Not allowed (role, suspended tenant)" },
  404: { name: "NotFound", description: "Absent or not visible to the caller" },
  409: {
    name: "Conflict",
    description: "Version conflict (details.current is the current item) or duplicate",
  },
  413: { name: "PayloadTooLarge", description: "The body is larger than any honest request" },
  422: { name: "Unprocessable", description: "Well-formed but not allowed now" },
  429: { name: "TooManyRequests", description: "Too many requests or account locked", retryAfter: true },
  503: {
    name: "ServiceUnavailable",
    description: "A dependency is stalled or throttled; nothing was written that a retry could duplicate",
    retryAfter: true,
  },
};

/** `components` of the OpenAPI document: the `Error` schema and the shared error responses. */
export function errorComponents() {
  const { $schema: _s, ...schema } = z.toJSONSchema(ErrorBody) as Record<string, unknown>;
  const content = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };
  const retryAfter = {
    "Retry-After": { description: "Seconds to wait before retrying", schema: { type: "integer" as const } },
  };
  return {
    schemas: { Error: schema },
    responses: Object.fromEntries(
      Object.values(errorResponses).map((r) => [
        r.name,
        { description: r.description, content, ...(r.retryAfter ? { headers: retryAfter } : {}) },
      ]),
    ),
  };
}

const ref = (status: number) => ({ $ref: `#/components/responses/${errorResponses[status]?.name}` });

/** The success body of an Excel export: the workbook's bytes. */
export const XLSX_BODY = {
  contentType: XLSX,
  schema: z.string(),
  description: `An Excel workbook (${XLSX})`,
};

/**
 * OpenAPI description of one route: its success body (JSON unless `contentType` says otherwise) and the
 * error statuses it can answer — 401 for every authenticated route and 503 for every route that reaches a
 * dependency, besides `errors` — each a reference to the shared error response.
 */
export const doc = (o: {
  summary: string;
  tags: string[];
  ok?: { status?: number; schema: StandardSchemaV1; description?: string; contentType?: string };
  errors?: number[];
  auth?: boolean;
  /** False for a route that reaches nothing (liveness). */
  dependencies?: boolean;
}) => {
  const statuses = new Set([
    ...(o.auth === false ? [] : [401]),
    ...(o.errors ?? []),
    ...(o.dependencies === false ? [] : [503]),
  ]);
  const binary = o.ok?.contentType && o.ok.contentType !== "application/json";
  return describeRoute({
    summary: o.summary,
    tags: o.tags,
    security: o.auth === false ? [] : [{ bearer: [] }],
    responses: {
      ...(o.ok
        ? {
            [o.ok.status ?? 200]: {
              description: o.ok.description ?? "OK",
              content: {
                [o.ok.contentType ?? "application/json"]: {
                  schema: binary ? { type: "string", format: "binary" } : resolver(o.ok.schema),
                },
              },
            },
          }
        : {}),
      ...Object.fromEntries([...statuses].sort().map((s) => [s, ref(s)])),
    },
  });
};
