import { generateSpecs } from "hono-openapi";
import { errorComponents } from "./docs.ts";
import { withLazyRoutesLoaded } from "./lazy.ts";

type Routes = Parameters<typeof withLazyRoutesLoaded>[0];

/**
 * The OpenAPI document of the API's routes (lazily loaded capabilities included), generated from their
 * `doc()` descriptions and zod schemas. It is built on the first request for it, in a module of its own,
 * so a cold start neither loads the generator nor converts any schema.
 */
export async function openApiDocument(routes: Routes) {
  const all = await withLazyRoutesLoaded(routes);
  return generateSpecs({ routes: all } as unknown as Parameters<typeof generateSpecs>[0], {
    // The Excel exports are routes, not static files; a validated route's 400 is the shared one.
    excludeStaticFile: false,
    // (a reference object, which the option's type does not name but the document allows)
    defaultValidationErrorResponse: { $ref: "#/components/responses/BadRequest" } as never,
    documentation: {
      openapi: "3.1.0",
      info: {
        title: "Weiquan API",
        version: "1.0.0",
        description:
          "基层消费维权网络管理平台 — the HTTP contract of the console, the public page and outside clients.",
      },
      components: {
        securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
        ...errorComponents(),
      },
    },
  });
}
