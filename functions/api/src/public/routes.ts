import {
  consentNoticeFor,
  NotFound,
  PUBLIC_MAX_BODY_BYTES,
  PublicCaseInput,
  PublicCaseParams,
  PublicCaseStatus,
  PublicCodeQuery,
  PublicDirectory,
  PublicFiled,
  RatingInput,
  type Settings,
} from "@weiquan/domain";
import { SettingsRepository, UnitsRepository } from "@weiquan/store";
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import { doc } from "../http/docs.ts";
import { valid } from "../http/validate.ts";
import { fileCase } from "./file.ts";
import { openCase, publicStatus, rateCase } from "./follow.ts";
import { countMiss, fileLimit, readLimit } from "./limits.ts";
import { type PublicEnv, publicCounty } from "./tenant.ts";

const tags = ["public"];
const CountyParam = z.object({ countyCode: z.string().regex(/^\d{6}$/, "区县代码为 6 位数字") });

/** Bodies larger than any honest filing are refused before they are parsed (413). */
const sizeLimit = createMiddleware<PublicEnv>(async (c, next) => {
  const declared = Number(c.req.header("content-length") ?? 0);
  const size = declared > PUBLIC_MAX_BODY_BYTES ? declared : (await c.req.arrayBuffer()).byteLength;
  if (size > PUBLIC_MAX_BODY_BYTES)
    return c.json(
      {
        error: {
          code: "PAYLOAD_TOO_LARGE",
          message: `提交的内容过大（最多 ${PUBLIC_MAX_BODY_BYTES / 1024} KB），请精简事情经过后再提交`,
        },
      },
      413,
    );
  await next();
});

/**
 * Public intake (api.md § Public intake): no auth, the tenant from the path, every call rate-limited per
 * source and per tenant. Nothing here reveals personal data, staff names, or whether a case exists to
 * someone without its query code.
 */
export const publicRoutes = new Hono<PublicEnv>()
  .use("/v1/public/:countyCode", publicCounty)
  .use("/v1/public/:countyCode/*", publicCounty)
  .get(
    "/v1/public/:countyCode",
    doc({
      summary: "A county's public directory: name, personal-information notice, active stations and points",
      tags,
      auth: false,
      ok: { schema: PublicDirectory },
      errors: [404, 429],
    }),
    readLimit(),
    valid("param", CountyParam),
    async (c) => {
      const { tenant, table } = c.var.county;
      const [units, settings] = await Promise.all([
        new UnitsRepository(table).listByPath(),
        new SettingsRepository(table).get<Settings>(),
      ]);
      const body: PublicDirectory = {
        name: tenant.name,
        countyCode: tenant.countyCode,
        consentNotice: consentNoticeFor(tenant.name, settings?.consentNotice),
        units: units.flatMap((u) =>
          u.status === "active" && (u.type === "station" || u.type === "point")
            ? [
                {
                  id: u.id,
                  name: u.name,
                  type: u.type,
                  parentId: u.type === "point" ? u.parentId : null,
                  address: u.address,
                  phone: u.phone,
                  hours: u.hours,
                },
              ]
            : [],
        ),
      };
      c.header("Cache-Control", "public, max-age=60");
      return c.json(body);
    },
  )
  .post(
    "/v1/public/:countyCode/cases",
    doc({
      summary:
        "File a complaint, report or consultation (consent required); returns tracking number and query code",
      tags,
      auth: false,
      ok: { status: 201, schema: PublicFiled },
      errors: [400, 404, 413, 422, 429],
    }),
    sizeLimit,
    fileLimit,
    valid("param", CountyParam),
    valid("json", PublicCaseInput),
    async (c) => {
      const out = await fileCase(c.var.county, c.req.valid("json"), c.var.deps.now());
      c.header("Cache-Control", "no-store");
      return c.json(out, 201);
    },
  )
  .get(
    "/v1/public/:countyCode/cases/:trackingNo",
    doc({
      summary: "Follow a case with its query code: status and timeline, no personal data (wrong code = 404)",
      tags,
      auth: false,
      ok: { schema: PublicCaseStatus },
      errors: [400, 404, 429],
    }),
    readLimit({ misses: true }),
    valid("param", PublicCaseParams),
    valid("query", PublicCodeQuery),
    async (c) => {
      const { trackingNo } = c.req.valid("param");
      const caseId = await openCase(c.var.county, trackingNo, c.req.valid("query").code);
      c.header("Cache-Control", "no-store");
      if (!caseId) {
        await countMiss(c);
        throw NotFound("案件");
      }
      return c.json(await publicStatus(c.var.county, caseId));
    },
  )
  .post(
    "/v1/public/:countyCode/cases/:trackingNo/rating",
    doc({
      summary: "Rate the outcome after closure, once (satisfied / basically_satisfied / unsatisfied)",
      tags,
      auth: false,
      ok: { schema: PublicCaseStatus },
      errors: [400, 404, 409, 413, 422, 429],
    }),
    sizeLimit,
    readLimit({ misses: true }),
    valid("param", PublicCaseParams),
    valid("query", PublicCodeQuery),
    valid("json", RatingInput),
    async (c) => {
      const { trackingNo } = c.req.valid("param");
      const caseId = await openCase(c.var.county, trackingNo, c.req.valid("query").code);
      c.header("Cache-Control", "no-store");
      if (!caseId) {
        await countMiss(c);
        throw NotFound("案件");
      }
      await rateCase(c.var.county, caseId, c.req.valid("json"), c.var.deps.now());
      return c.json(await publicStatus(c.var.county, caseId));
    },
  );
