import { AttachmentDownload, AttachmentUpload, CreateAttachmentInput } from "@weiquan/domain";
import { Hono } from "hono";
import { z } from "zod";
import { doc } from "../http/docs.ts";
import { type ScopedEnv, tenantScoped } from "../http/scope.ts";
import { valid } from "../http/validate.ts";
import { createUpload, readAttachment } from "./service.ts";

const IdParam = z.object({ id: z.string().min(1).max(64) });
const tags = ["attachments"];

export const attachmentRoutes = new Hono<ScopedEnv>()
  .use("/v1/attachments", ...tenantScoped)
  .use("/v1/attachments/*", ...tenantScoped)
  .post(
    "/v1/attachments",
    doc({
      summary:
        "Declare an upload (JPEG, PNG or PDF, at most 10 MiB): a presigned PUT and the headers to send",
      tags,
      ok: { status: 201, schema: AttachmentUpload },
      errors: [400, 403, 503],
    }),
    valid("json", CreateAttachmentInput),
    async (c) => {
      const { deps, scope } = c.var;
      return c.json(await createUpload(deps, scope, c.req.valid("json"), deps.now()), 201);
    },
  )
  .get(
    "/v1/attachments/:id",
    doc({
      summary:
        "An attachment with a short-lived download URL (those who may see its record; a case's file download is audit-logged)",
      tags,
      ok: { schema: AttachmentDownload },
      errors: [404, 422, 503],
    }),
    valid("param", IdParam),
    async (c) => {
      const { deps, scope } = c.var;
      return c.json(await readAttachment(deps, scope, c.req.valid("param").id, deps.now()));
    },
  );
