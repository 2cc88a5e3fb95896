import {
  type CreateAttachmentInput,
  DOWNLOAD_URL_TTL_S,
  Forbidden,
  isExpired,
  NotFound,
  newAttachment,
  newId,
  seesPersonalData,
  shanghaiIso,
  Unprocessable,
  UPLOAD_URL_TTL_S,
} from "@weiquan/domain";
import { AttachmentsRepository } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";
import { auditRead } from "../cases/read.ts";
import type { AppDeps } from "../deps.ts";
import { tenantFiles } from "./files.ts";
import { settleUpload } from "./verify.ts";
import { fileAccess } from "./visibility.ts";

/** A new upload: the record (pending, expiring in 24 h unless linked) and a presigned PUT for exactly these bytes. */
export async function createUpload(deps: AppDeps, scope: Scope, input: CreateAttachmentInput, now: Date) {
  if (!seesPersonalData(scope.viewer.role)) throw Forbidden("只读账户不能上传附件", "ROLE_FORBIDDEN");
  const files = tenantFiles(deps, scope);
  const a = newAttachment(input, { id: newId(), userId: scope.caller.userId, unitId: scope.unit.id }, now);
  const { url, headers } = await files.uploadUrl(a.id, {
    contentType: a.contentType,
    size: a.size,
    expiresIn: UPLOAD_URL_TTL_S,
  });
  await new AttachmentsRepository(scope.table).create(a);
  return {
    id: a.id,
    uploadUrl: url,
    headers,
    expiresAt: shanghaiIso(new Date(now.getTime() + UPLOAD_URL_TTL_S * 1000)),
  };
}

/**
 * An attachment and a short-lived download URL, for those who may see its record (404 for anyone else).
 * The uploader's first read checks the uploaded bytes (422 while nothing is uploaded or when they were
 * refused). A download of a case's file reads personal information and is written to the audit trail first.
 */
export async function readAttachment(deps: AppDeps, scope: Scope, id: string, now: Date) {
  const repo = new AttachmentsRepository(scope.table);
  let a = await repo.get(id);
  if (!a || isExpired(a, now)) throw NotFound("附件");
  const access = await fileAccess(scope, a);
  if (!access.allowed) throw NotFound("附件");
  const files = tenantFiles(deps, scope);
  a = await settleUpload(scope.table, files, a);
  if (a.state === "pending") throw Unprocessable("附件尚未上传完成", "ATTACHMENT_NOT_UPLOADED");
  if (a.state === "rejected") throw Unprocessable(a.rejectedFor ?? "附件未通过检查", "ATTACHMENT_REJECTED");
  if (access.personal) {
    const { caseId, trackingNo } = access.personal;
    await auditRead(scope, { id: caseId, trackingNo }, now, { attachmentId: a.id, fileName: a.fileName });
  }
  return {
    id: a.id,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    downloadUrl: await files.downloadUrl(a.id, {
      fileName: a.fileName,
      contentType: a.contentType,
      expiresIn: DOWNLOAD_URL_TTL_S,
    }),
    expiresAt: shanghaiIso(new Date(now.getTime() + DOWNLOAD_URL_TTL_S * 1000)),
  };
}
