import type { StandardSchemaV1 } from "@standard-schema/spec";
import { describeRoute, resolver } from "hono-openapi";
import { z } from "zod";

const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

const errorDescriptions: Record<number, string> = {
  400: "Malformed or invalid input; details lists the failing fields with paths",
  401: "Missing, invalid or expired token",
  403: "Not allowed (role, suspended tenant)",
  404: "Absent or not visible to the caller",
  409: "Version conflict or duplicate",
  422: "Well-formed but not allowed now",
  429: "Too many requests or account locked (Retry-After)",
};

const json = (schema: StandardSchemaV1) => ({ "application/json": { schema: resolver(schema) } });

/** OpenAPI description of one route: its success body and the error statuses it can answer. */
export const doc = (o: {
  summary: string;
  tags: string[];
  ok?: { status?: number; schema: StandardSchemaV1; description?: string };
  errors?: number[];
  auth?: boolean;
}) =>
  describeRoute({
    summary: o.summary,
    tags: o.tags,
    security: o.auth === false ? [] : [{ bearer: [] }],
    responses: {
      ...(o.ok
        ? { [o.ok.status ?? 200]: { description: o.ok.description ?? "OK", content: json(o.ok.schema) } }
        : {}),
      ...Object.fromEntries(
        [...new Set([...(o.auth === false ? [] : [401]), ...(o.errors ?? [])])].map((s) => [
          s,
          { description: errorDescriptions[s] ?? "Error", content: json(ErrorBody) },
        ]),
      ),
    },
  });
