import { Hono } from "hono";
import { compress } from "hono/compress";
import { openAPIRouteHandler } from "hono-openapi";
import { assessmentRoutes } from "./assessment/routes.ts";
import { attachmentRoutes } from "./attachments/routes.ts";
import { authRoutes } from "./auth/routes.ts";
import { campaignRoutes } from "./campaigns/routes.ts";
import { publicityRoutes, trainingRoutes, volunteerRoutes, warningRoutes } from "./capacity/routes.ts";
import { metaRoutes } from "./cases/meta-routes.ts";
import { caseRoutes } from "./cases/routes.ts";
import type { AppDeps } from "./deps.ts";
import { figureRoutes } from "./figures/routes.ts";
import { errorComponents } from "./http/docs.ts";
import type { AppEnv } from "./http/env.ts";
import { notFoundRoute, onError } from "./http/errors.ts";
import { apiHeaders } from "./http/headers.ts";
import { observe } from "./http/observe.ts";
import { inspectionRoutes } from "./inspections/routes.ts";
import { noticeRoutes } from "./notices/routes.ts";
import { platformRoutes } from "./platform/routes.ts";
import { publicRoutes } from "./public/routes.ts";
import { samplingRoutes } from "./sampling/routes.ts";
import { settingsRoutes } from "./settings/routes.ts";
import { consolePageRoutes } from "./system/console-page.ts";
import { systemRoutes } from "./system/routes.ts";
import { unitRoutes } from "./units/routes.ts";
import { userRoutes } from "./users/routes.ts";
import { worklistRoutes } from "./worklist/routes.ts";

/** The whole HTTP API: one sub-app per capability, one error mapping. */
export function createApp(deps: AppDeps) {
  let routePaths = (): string[] => [];
  const app = new Hono<AppEnv>()
    .use(observe(() => routePaths()))
    .use(apiHeaders)
    // JSON answers gzip-compressed for clients that accept it (a county's 1,200 units: ≈ 600 KB → 60 KB).
    .use("/v1/*", compress({ threshold: 4096 }))
    .use(async (c, next) => {
      c.set("deps", deps);
      await next();
    })
    .route("/", systemRoutes)
    .route("/", authRoutes)
    .route("/", platformRoutes)
    .route("/", unitRoutes)
    .route("/", userRoutes)
    .route("/", settingsRoutes)
    .route("/", caseRoutes)
    .route("/", noticeRoutes)
    .route("/", metaRoutes)
    .route("/", publicRoutes)
    .route("/", figureRoutes)
    .route("/", assessmentRoutes)
    .route("/", attachmentRoutes)
    .route("/", samplingRoutes)
    .route("/", inspectionRoutes)
    .route("/", campaignRoutes)
    .route("/", trainingRoutes)
    .route("/", publicityRoutes)
    .route("/", warningRoutes)
    .route("/", volunteerRoutes)
    .route("/", worklistRoutes);

  app.get(
    "/v1/openapi.json",
    openAPIRouteHandler(app, {
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
    }),
  );
  // China regions only (CloudFront there cannot add headers): the console's page, after every API route.
  if (deps.consolePage) app.route("/", consolePageRoutes(deps.consolePage));
  routePaths = () => app.routes.map((r) => r.path);
  app.notFound(notFoundRoute);
  app.onError(onError);
  return app;
}

export type AppType = ReturnType<typeof createApp>;
