import { shanghaiIso } from "../common/time.ts";
import {
  ATTACHMENT_UNLINKED_TTL_MS,
  type AttachmentRecord,
  type CreateAttachmentInput,
  MAX_ATTACHMENT_BYTES,
} from "./schema.ts";
import { sniffType } from "./sniff.ts";

/** The record of a new upload: pending until its bytes are checked, gone if not linked in 24 h. */
export function newAttachment(
  input: CreateAttachmentInput,
  by: { id: string; userId: string; unitId: string },
  now: Date,
): AttachmentRecord {
  return {
    id: by.id,
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.size,
    state: "pending",
    uploadedBy: by.userId,
    uploadedByUnitId: by.unitId,
    createdAt: shanghaiIso(now),
    expiresAt: shanghaiIso(new Date(now.getTime() + ATTACHMENT_UNLINKED_TTL_MS)),
    version: 1,
  };
}

/** What the uploaded object turned out to be. `null`: nothing has been uploaded yet. */
export type UploadedObject = { size: number; head: Uint8Array } | null;

export type Verification =
  | { outcome: "missing" }
  | { outcome: "ready" }
  | { outcome: "rejected"; reason: string };

/**
 * Checks the uploaded bytes against the declaration: the size announced (which the signed URL also
 * enforced in S3), at most 10 MiB, and a type the first bytes confirm and that matches the declared one.
 */
export function verifyUpload(a: AttachmentRecord, obj: UploadedObject): Verification {
  if (!obj) return { outcome: "missing" };
  if (obj.size > MAX_ATTACHMENT_BYTES) return { outcome: "rejected", reason: "文件超过 10 MiB" };
  if (obj.size !== a.size) return { outcome: "rejected", reason: "文件大小与声明的不一致" };
  const sniffed = sniffType(obj.head);
  if (!sniffed) return { outcome: "rejected", reason: "文件内容不是 JPEG、PNG 或 PDF" };
  if (sniffed !== a.contentType)
    return { outcome: "rejected", reason: `文件内容是 ${sniffed}，与声明的类型不符` };
  return { outcome: "ready" };
}

/** An unlinked upload past its 24 hours is treated as gone, whether or not the sweep has run yet. */
export const isExpired = (a: AttachmentRecord, now: Date) =>
  !a.link && new Date(a.expiresAt).getTime() <= now.getTime();

/**
 * Who may read an attachment that is not linked yet: only its uploader (it belongs to a form being
 * filled). A linked one is as visible as its record, which the caller decides (`linkedVisibility`).
 */
export const uploaderOnly = (a: AttachmentRecord, userId: string) => !a.link && a.uploadedBy === userId;

/** Why an attachment named in a body cannot be linked, or null if it can (checked again by the write's conditions). */
export function linkRefusal(
  a: AttachmentRecord | null,
  userId: string,
  now: Date,
): { status: 404 | 422; code: string; message: string } | null {
  if (!a || a.uploadedBy !== userId || isExpired(a, now))
    return { status: 404, code: "NOT_FOUND", message: "附件不存在" };
  if (a.link) return { status: 422, code: "ATTACHMENT_LINKED", message: "附件已属于另一条记录" };
  if (a.state === "rejected")
    return { status: 422, code: "ATTACHMENT_REJECTED", message: a.rejectedFor ?? "附件未通过检查" };
  if (a.state === "pending")
    return { status: 422, code: "ATTACHMENT_NOT_UPLOADED", message: "附件尚未上传完成" };
  return null;
}
