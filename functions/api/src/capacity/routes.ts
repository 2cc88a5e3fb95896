import {
  AudienceUnit,
  CreatePublicityInput,
  CreateTrainingInput,
  CreateVolunteerInput,
  CreateWarningInput,
  MonthInput,
  PatchPublicityInput,
  PatchTrainingInput,
  PatchVolunteerInput,
  Publicity,
  PublicityKind,
  ReceivedWarning,
  shanghaiIso,
  Training,
  Version,
  Volunteer,
  VolunteerStatus,
  Warning,
  YearInput,
} from "@weiquan/domain";
import { Hono } from "hono";
import { z } from "zod";
import { doc, XLSX_BODY } from "../http/docs.ts";
import { IdempotencyHeader } from "../http/idempotency.ts";
import { ListQuery, page } from "../http/lists.ts";
import { type ScopedEnv, tenantScoped } from "../http/scope.ts";
import { noBody, valid } from "../http/validate.ts";
import { attachment, XLSX } from "../http/xlsx.ts";
import { trainingCoverage } from "./coverage.ts";
import {
  createPublicity,
  deletePublicity,
  listPublicity,
  patchPublicity,
  readPublicity,
} from "./publicity.ts";
import { createTraining, deleteTraining, listTrainings, patchTraining, readTraining } from "./trainings.ts";
import { createVolunteer, listVolunteers, patchVolunteer, readVolunteer } from "./volunteers.ts";
import { acknowledge, listWarnings, readWarning, remind, sendWarning } from "./warnings.ts";

const IdParam = z.object({ id: z.string().min(1).max(64) });
const VersionQuery = z.object({ version: z.coerce.number().pipe(Version) });
const UnitFilter = z.string().min(1).max(64).optional();
const Coverage = z.object({
  year: z.string(),
  minimumPerYear: z.number().int(),
  units: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      type: z.string(),
      attended: z.number().int(),
      met: z.boolean(),
    }),
  ),
  rate: z.number().nullable(),
});
/** A workbook's headers: its type and an ASCII and a Chinese file name. */
const xlsx = (ascii: string, chinese: string) => ({
  "content-type": XLSX,
  "content-disposition": attachment(ascii, chinese),
});
const workbooks = () => import("./excel.ts");

const Acknowledgement = z.object({
  id: z.string(),
  unitId: z.string(),
  ackedAt: z.string().optional(),
  ackedBy: z.string().optional(),
});

/** 业务培训 (api.md § Capacity building and outreach). */
export const trainingRoutes = new Hono<ScopedEnv>()
  .use("/v1/trainings", ...tenantScoped)
  .use("/v1/trainings/*", ...tenantScoped)
  .post(
    "/v1/trainings",
    doc({
      summary: "Record a training (Idempotency-Key supported)",
      tags: ["trainings"],
      ok: { status: 201, schema: Training },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("header", IdempotencyHeader),
    valid("json", CreateTrainingInput),
    async (c) => {
      const { deps, scope } = c.var;
      const key = c.req.valid("header")["idempotency-key"];
      return c.json(await createTraining(deps, scope, c.req.valid("json"), deps.now(), key), 201);
    },
  )
  .get(
    "/v1/trainings",
    doc({
      summary:
        "Trainings of a year (or months from–to) the caller's unit (or `unitId`) organised or attended",
      tags: ["trainings"],
      ok: { schema: page(Training) },
      errors: [400, 404],
    }),
    valid(
      "query",
      ListQuery.extend({
        year: YearInput.optional(),
        from: MonthInput.optional(),
        to: MonthInput.optional(),
        unitId: UnitFilter,
      }),
    ),
    async (c) => c.json(await listTrainings(c.var.scope, c.req.valid("query"), c.var.deps.now())),
  )
  .get(
    "/v1/trainings/coverage",
    doc({
      summary: "Training coverage of a year: each active station and point, its attendances, and the rate",
      tags: ["trainings"],
      ok: { schema: Coverage },
      errors: [400],
    }),
    valid("query", z.object({ year: YearInput.optional() })),
    async (c) => {
      const year = c.req.valid("query").year ?? shanghaiIso(c.var.deps.now()).slice(0, 4);
      return c.json(await trainingCoverage(c.var.scope, year));
    },
  )
  .get(
    "/v1/trainings/export.xlsx",
    doc({
      summary: "The trainings list (same filters as the list) as an Excel workbook",
      tags: ["trainings"],
      ok: XLSX_BODY,
      errors: [400, 404],
    }),
    valid("query", z.object({ year: YearInput.optional(), unitId: UnitFilter })),
    async (c) => {
      const { deps, scope } = c.var;
      const q = c.req.valid("query");
      const year = q.year ?? shanghaiIso(deps.now()).slice(0, 4);
      const body = await (await workbooks()).trainingsWorkbook(scope, { ...q, year }, deps.now());
      return c.body(new Uint8Array(body), 200, xlsx(`trainings-${year}.xlsx`, `业务培训${year}.xlsx`));
    },
  )
  .get(
    "/v1/trainings/:id",
    doc({ summary: "One training", tags: ["trainings"], ok: { schema: Training }, errors: [404] }),
    valid("param", IdParam),
    async (c) => c.json(await readTraining(c.var.scope, c.req.valid("param").id)),
  )
  .patch(
    "/v1/trainings/:id",
    doc({
      summary: "Edit a training (with version)",
      tags: ["trainings"],
      ok: { schema: Training },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("param", IdParam),
    valid("json", PatchTrainingInput),
    async (c) => {
      const { deps, scope } = c.var;
      return c.json(
        await patchTraining(deps, scope, c.req.valid("param").id, c.req.valid("json"), deps.now()),
      );
    },
  )
  .delete(
    "/v1/trainings/:id",
    doc({ summary: "Delete a training (`?version=`)", tags: ["trainings"], errors: [400, 403, 404, 409] }),
    valid("param", IdParam),
    noBody,
    valid("query", VersionQuery),
    async (c) => {
      const { deps, scope } = c.var;
      await deleteTraining(scope, c.req.valid("param").id, c.req.valid("query").version, deps.now());
      return c.body(null, 204);
    },
  );

/** 宣传活动. */
export const publicityRoutes = new Hono<ScopedEnv>()
  .use("/v1/publicity", ...tenantScoped)
  .use("/v1/publicity/*", ...tenantScoped)
  .post(
    "/v1/publicity",
    doc({
      summary: "Record a publicity event, with photos (Idempotency-Key supported)",
      tags: ["publicity"],
      ok: { status: 201, schema: Publicity },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("header", IdempotencyHeader),
    valid("json", CreatePublicityInput),
    async (c) => {
      const { deps, scope } = c.var;
      const key = c.req.valid("header")["idempotency-key"];
      return c.json(await createPublicity(deps, scope, c.req.valid("json"), deps.now(), key), 201);
    },
  )
  .get(
    "/v1/publicity",
    doc({
      summary: "Publicity events of a unit's subtree (default the caller's), months from–to, newest first",
      tags: ["publicity"],
      ok: { schema: page(Publicity) },
      errors: [400, 404],
    }),
    valid(
      "query",
      ListQuery.extend({
        from: MonthInput.optional(),
        to: MonthInput.optional(),
        unitId: UnitFilter,
        kind: PublicityKind.optional(),
      }),
    ),
    async (c) => c.json(await listPublicity(c.var.scope, c.req.valid("query"), c.var.deps.now())),
  )
  .get(
    "/v1/publicity/export.xlsx",
    doc({
      summary: "The publicity list (same filters as the list) as an Excel workbook",
      tags: ["publicity"],
      ok: XLSX_BODY,
      errors: [400, 404],
    }),
    valid(
      "query",
      z.object({
        from: MonthInput.optional(),
        to: MonthInput.optional(),
        unitId: UnitFilter,
        kind: PublicityKind.optional(),
      }),
    ),
    async (c) => {
      const { deps, scope } = c.var;
      const q = c.req.valid("query");
      const body = await (await workbooks()).publicityWorkbook(scope, q, deps.now());
      const span = [q.from, q.to].filter(Boolean).join("_");
      return c.body(
        new Uint8Array(body),
        200,
        xlsx(`publicity${span && `-${span}`}.xlsx`, `宣传活动${span}.xlsx`),
      );
    },
  )
  .get(
    "/v1/publicity/:id",
    doc({ summary: "One publicity event", tags: ["publicity"], ok: { schema: Publicity }, errors: [404] }),
    valid("param", IdParam),
    async (c) => c.json((await readPublicity(c.var.scope, c.req.valid("param").id)).p),
  )
  .patch(
    "/v1/publicity/:id",
    doc({
      summary: "Edit a publicity event (with version)",
      tags: ["publicity"],
      ok: { schema: Publicity },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("param", IdParam),
    valid("json", PatchPublicityInput),
    async (c) => {
      const { deps, scope } = c.var;
      return c.json(
        await patchPublicity(deps, scope, c.req.valid("param").id, c.req.valid("json"), deps.now()),
      );
    },
  )
  .delete(
    "/v1/publicity/:id",
    doc({
      summary: "Delete a publicity event (`?version=`)",
      tags: ["publicity"],
      errors: [400, 403, 404, 409],
    }),
    valid("param", IdParam),
    noBody,
    valid("query", VersionQuery),
    async (c) => {
      const { deps, scope } = c.var;
      await deletePublicity(scope, c.req.valid("param").id, c.req.valid("query").version, deps.now());
      return c.body(null, 204);
    },
  );

/** 消费警示. */
export const warningRoutes = new Hono<ScopedEnv>()
  .use("/v1/warnings", ...tenantScoped)
  .use("/v1/warnings/*", ...tenantScoped)
  .post(
    "/v1/warnings",
    doc({
      summary:
        "Send a warning to units below (bureau, office); each gets a notice (Idempotency-Key supported)",
      tags: ["warnings"],
      ok: { status: 201, schema: Warning },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("header", IdempotencyHeader),
    valid("json", CreateWarningInput),
    async (c) => {
      const { deps, scope } = c.var;
      const key = c.req.valid("header")["idempotency-key"];
      return c.json(await sendWarning(scope, c.req.valid("json"), deps.now(), key), 201);
    },
  )
  .get(
    "/v1/warnings",
    doc({
      summary:
        "Warnings: `box=sent` (the senders' side) or `box=inbox` (the caller's unit); `status=unacked`",
      tags: ["warnings"],
      ok: { schema: page(z.union([Warning, ReceivedWarning])) },
      errors: [400],
    }),
    valid(
      "query",
      ListQuery.extend({ box: z.enum(["inbox", "sent"]).optional(), status: z.enum(["unacked"]).optional() }),
    ),
    async (c) => c.json(await listWarnings(c.var.scope, c.req.valid("query"))),
  )
  .get(
    "/v1/warnings/export.xlsx",
    doc({
      summary:
        "Warnings as an Excel workbook: `box=sent` with each receiving unit's acknowledgement, `box=inbox` the unit's",
      tags: ["warnings"],
      ok: XLSX_BODY,
      errors: [400],
    }),
    valid("query", z.object({ box: z.enum(["inbox", "sent"]).optional() })),
    async (c) => {
      const body = await (await workbooks()).warningsWorkbook(c.var.scope, c.req.valid("query"));
      return c.body(new Uint8Array(body), 200, xlsx("warnings.xlsx", "消费警示.xlsx"));
    },
  )
  .get(
    "/v1/warnings/:id",
    doc({
      summary: "A warning with each audience unit's acknowledgement and the ack rate",
      tags: ["warnings"],
      ok: { schema: Warning.extend({ audienceUnits: z.array(AudienceUnit) }) },
      errors: [404],
    }),
    valid("param", IdParam),
    async (c) => c.json(await readWarning(c.var.scope, c.req.valid("param").id)),
  )
  .post(
    "/v1/warnings/:id/ack",
    doc({
      summary: "Acknowledge a warning for the caller's unit (idempotent: a repeat keeps the first time)",
      tags: ["warnings"],
      ok: { schema: Acknowledgement },
      errors: [403, 404],
    }),
    valid("param", IdParam),
    noBody,
    async (c) => c.json(await acknowledge(c.var.scope, c.req.valid("param").id, c.var.deps.now())),
  )
  .post(
    "/v1/warnings/:id/remind",
    doc({
      summary: "Remind the units that have not acknowledged (a new notice each; once an hour at most)",
      tags: ["warnings"],
      ok: { schema: z.object({ id: z.string(), reminded: z.number().int(), remindedAt: z.string() }) },
      errors: [403, 404, 422],
    }),
    valid("param", IdParam),
    noBody,
    async (c) => c.json(await remind(c.var.scope, c.req.valid("param").id, c.var.deps.now())),
  );

/** 维权志愿者. */
export const volunteerRoutes = new Hono<ScopedEnv>()
  .use("/v1/volunteers", ...tenantScoped)
  .use("/v1/volunteers/*", ...tenantScoped)
  .post(
    "/v1/volunteers",
    doc({
      summary:
        "Add a volunteer to a unit's roster (bureau_admin, the unit's staff; Idempotency-Key supported)",
      tags: ["volunteers"],
      ok: { status: 201, schema: Volunteer },
      errors: [400, 403, 404, 409],
    }),
    valid("header", IdempotencyHeader),
    valid("json", CreateVolunteerInput),
    async (c) => {
      const { deps, scope } = c.var;
      const key = c.req.valid("header")["idempotency-key"];
      return c.json(await createVolunteer(scope, c.req.valid("json"), deps.now(), key), 201);
    },
  )
  .get(
    "/v1/volunteers",
    doc({
      summary:
        "The roster of a unit's subtree (personal information masked except for the bureau and the unit)",
      tags: ["volunteers"],
      ok: { schema: page(Volunteer) },
      errors: [400, 404],
    }),
    valid("query", ListQuery.extend({ unitId: UnitFilter, status: VolunteerStatus.optional() })),
    async (c) => c.json(await listVolunteers(c.var.scope, c.req.valid("query"))),
  )
  .get(
    "/v1/volunteers/export.xlsx",
    doc({
      summary: "The volunteer roster as an Excel workbook (masked as in the list)",
      tags: ["volunteers"],
      ok: XLSX_BODY,
      errors: [400, 404],
    }),
    valid("query", z.object({ unitId: UnitFilter, status: VolunteerStatus.optional() })),
    async (c) => {
      const body = await (await workbooks()).volunteersWorkbook(c.var.scope, c.req.valid("query"));
      return c.body(new Uint8Array(body), 200, xlsx("volunteers.xlsx", "维权志愿者.xlsx"));
    },
  )
  .get(
    "/v1/volunteers/:id",
    doc({ summary: "One volunteer", tags: ["volunteers"], ok: { schema: Volunteer }, errors: [404] }),
    valid("param", IdParam),
    async (c) => c.json(await readVolunteer(c.var.scope, c.req.valid("param").id)),
  )
  .patch(
    "/v1/volunteers/:id",
    doc({
      summary: "Edit a volunteer (with version)",
      tags: ["volunteers"],
      ok: { schema: Volunteer },
      errors: [400, 403, 404, 409],
    }),
    valid("param", IdParam),
    valid("json", PatchVolunteerInput),
    async (c) =>
      c.json(
        await patchVolunteer(c.var.scope, c.req.valid("param").id, c.req.valid("json"), c.var.deps.now()),
      ),
  );
