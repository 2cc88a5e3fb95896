import { Hono } from "hono";
import { compress } from "hono/compress";
import { attachmentRoutes } from "./attachments/routes.ts";
import { authRoutes } from "./auth/routes.ts";
import { metaRoutes } from "./cases/meta-routes.ts";
import { caseRoutes } from "./cases/routes.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./http/env.ts";
import { notFoundRoute, onError } from "./http/errors.ts";
import { apiHeaders } from "./http/headers.ts";
import { lazyRoutes } from "./http/lazy.ts";
import { observe } from "./http/observe.ts";
import { consolePageRoutes } from "./system/console-page.ts";
import { systemRoutes } from "./system/routes.ts";
import { unitRoutes } from "./units/routes.ts";
import { userRoutes } from "./users/routes.ts";
import { worklistRoutes } from "./worklist/routes.ts";

// Capabilities a day at the desk does not start with: each loads (its own chunk of the bundle) with the
// first request under its paths, so a cold start does not read or build them (docs/architecture.md).
const figureRoutes = lazyRoutes(["/v1/stats", "/v1/reports"], () =>
  import("./figures/routes.ts").then((m) => m.figureRoutes),
);
const assessmentRoutes = lazyRoutes(["/v1/assessment-templates", "/v1/assessments"], () =>
  import("./assessment/routes.ts").then((m) => m.assessmentRoutes),
);
const samplingRoutes = lazyRoutes(["/v1/sampling"], () =>
  import("./sampling/routes.ts").then((m) => m.samplingRoutes),
);
const inspectionRoutes = lazyRoutes(["/v1/inspections"], () =>
  import("./inspections/routes.ts").then((m) => m.inspectionRoutes),
);
const campaignRoutes = lazyRoutes(["/v1/campaigns"], () =>
  import("./campaigns/routes.ts").then((m) => m.campaignRoutes),
);
const platformRoutes = lazyRoutes(["/v1/platform"], () =>
  import("./platform/routes.ts").then((m) => m.platformRoutes),
);
const settingsRoutes = lazyRoutes(["/v1/settings"], () =>
  import("./settings/routes.ts").then((m) => m.settingsRoutes),
);
const noticeRoutes = lazyRoutes(["/v1/notices"], () =>
  import("./notices/routes.ts").then((m) => m.noticeRoutes),
);
const publicRoutes = lazyRoutes(["/v1/public"], () =>
  import("./public/routes.ts").then((m) => m.publicRoutes),
);
const capacity = () => import("./capacity/routes.ts");
const trainingRoutes = lazyRoutes(["/v1/trainings"], () => capacity().then((m) => m.trainingRoutes));
const publicityRoutes = lazyRoutes(["/v1/publicity"], () => capacity().then((m) => m.publicityRoutes));
const warningRoutes = lazyRoutes(["/v1/warnings"], () => capacity().then((m) => m.warningRoutes));
const volunteerRoutes = lazyRoutes(["/v1/volunteers"], () => capacity().then((m) => m.volunteerRoutes));

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

  let document: Promise<unknown> | undefined;
  app.get("/v1/openapi.json", async (c) => {
    document ??= import("./http/openapi.ts")
      .then((m) => m.openApiDocument(app.routes))
      .catch((err: unknown) => {
        document = undefined;
        throw err;
      });
    return c.json(await document);
  });
  // China regions only (CloudFront there cannot add headers): the console's page, after every API route.
  if (deps.consolePage) app.route("/", consolePageRoutes(deps.consolePage));
  routePaths = () => app.routes.map((r) => r.path);
  app.notFound(notFoundRoute);
  app.onError(onError);
  return app;
}

export type AppType = ReturnType<typeof createApp>;
