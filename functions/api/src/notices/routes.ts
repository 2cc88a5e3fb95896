import { capacityNoticeKinds, caseNoticeKinds, NotFound, supervisionNoticeKinds } from "@weiquan/domain";
import { NoticesRepository } from "@weiquan/store";
import { Hono } from "hono";
import { z } from "zod";
import { doc } from "../http/docs.ts";
import { ListQuery } from "../http/lists.ts";
import { type ScopedEnv, tenantScoped } from "../http/scope.ts";
import { noBody, valid } from "../http/validate.ts";

/**
 * A console notice to the caller's unit: a case it handles went past its deadline (`overdue`: case fields
 * set), or supervision tells it something (`text` to show, `ref` to open).
 */
export const Notice = z.object({
  id: z.string(),
  kind: z.enum(["overdue", ...supervisionNoticeKinds, ...capacityNoticeKinds, ...caseNoticeKinds]),
  unitId: z.string(),
  at: z.string(),
  caseId: z.string().optional(),
  trackingNo: z.string().optional(),
  subject: z.string().optional(),
  dueBy: z.string().optional(),
  text: z.string().optional(),
  ref: z
    .object({ type: z.enum(["round", "follow_up", "inspection", "warning", "case"]), id: z.string() })
    .optional(),
  read: z.boolean(),
});
const NoticePage = z.object({
  items: z.array(Notice),
  nextCursor: z.string().nullable(),
  unread: z.number().int(),
});
const IdParam = z.object({ id: z.string().min(1).max(400) });
const tags = ["notices"];

/** Every tenant role reads and marks the notices of its own unit — never another unit's. */
export const noticeRoutes = new Hono<ScopedEnv>()
  .use("/v1/notices", ...tenantScoped)
  .use("/v1/notices/*", ...tenantScoped)
  .get(
    "/v1/notices",
    doc({
      summary: "The caller's unit's notices, newest first, with the unread count",
      tags,
      ok: { schema: NoticePage },
    }),
    valid("query", ListQuery),
    async (c) => {
      const { scope } = c.var;
      const { limit, cursor } = c.req.valid("query");
      return c.json(await new NoticesRepository(scope.table).list(scope.unit.id, limit, cursor));
    },
  )
  .post(
    "/v1/notices/:id/read",
    doc({ summary: "Mark one of the unit's notices read", tags, ok: { schema: Notice }, errors: [404] }),
    valid("param", IdParam),
    noBody,
    async (c) => {
      const { scope } = c.var;
      const notice = await new NoticesRepository(scope.table).markRead(
        scope.unit.id,
        c.req.valid("param").id,
      );
      if (!notice) throw NotFound("通知");
      return c.json(notice);
    },
  );
