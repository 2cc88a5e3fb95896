import { z } from "zod";
import { Count, line, Version } from "../common/inputs.ts";

/** The only file types kept: photos and scans (api.md § Attachments). */
export const attachmentTypes = ["image/jpeg", "image/png", "application/pdf"] as const;
export const AttachmentType = z.enum(attachmentTypes);
export type AttachmentType = z.infer<typeof AttachmentType>;

/** At most 10 MiB per file: a phone photo or a few scanned pages. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** An upload nobody links to a record within this time is deleted. */
export const ATTACHMENT_UNLINKED_TTL_MS = 24 * 3_600_000;
/** How long an upload URL and a download URL stay valid. */
export const UPLOAD_URL_TTL_S = 15 * 60;
export const DOWNLOAD_URL_TTL_S = 5 * 60;
/** How many attachments one record may name. */
export const MAX_ATTACHMENTS_PER_RECORD = 20;

export const CreateAttachmentInput = z
  .object({
    fileName: line(200),
    contentType: AttachmentType,
    size: Count.min(1).max(MAX_ATTACHMENT_BYTES, "文件不能超过 10 MiB"),
  })
  .strict();
export type CreateAttachmentInput = z.infer<typeof CreateAttachmentInput>;

/** The kinds of record an attachment can belong to; each capability names its own. */
export const linkKinds = [
  "case",
  "publicity",
  "training",
  "inspection",
  "rectification",
  "assessment",
] as const;
export const LinkKind = z.enum(linkKinds);
export type LinkKind = z.infer<typeof LinkKind>;

/** What an attachment is linked to: the record, and the unit whose staff (and ancestors) see it. */
export const AttachmentLink = z.object({
  kind: LinkKind,
  id: z.string(),
  /** The unit that owns the record (not used for cases, whose visibility follows the case itself). */
  unitId: z.string(),
  at: z.string(),
});
export type AttachmentLink = z.infer<typeof AttachmentLink>;

/**
 * `pending`: a URL was handed out, the bytes are not checked yet; `ready`: uploaded, size and type
 * confirmed from the bytes; `rejected`: the bytes were not what was declared (the object is deleted).
 */
export const AttachmentState = z.enum(["pending", "ready", "rejected"]);
export type AttachmentState = z.infer<typeof AttachmentState>;

export const AttachmentRecord = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: AttachmentType,
  size: z.number().int(),
  state: AttachmentState,
  /** Why the bytes were refused (state `rejected`). */
  rejectedFor: z.string().optional(),
  uploadedBy: z.string(),
  uploadedByUnitId: z.string(),
  createdAt: z.string(),
  /** Past this instant an unlinked attachment is gone (the sweep deletes its object). */
  expiresAt: z.string(),
  link: AttachmentLink.optional(),
  version: Version,
});
export type AttachmentRecord = z.infer<typeof AttachmentRecord>;

/** What a record shows of each of its attachments (denormalised at link time). */
export const AttachmentRef = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: AttachmentType,
  size: z.number().int(),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

export const refOf = (a: AttachmentRecord): AttachmentRef => ({
  id: a.id,
  fileName: a.fileName,
  contentType: a.contentType,
  size: a.size,
});

/** A list of attachment ids in a body: distinct, bounded. */
export const AttachmentIds = z
  .array(z.string().min(1).max(64))
  .max(MAX_ATTACHMENTS_PER_RECORD, `最多 ${MAX_ATTACHMENTS_PER_RECORD} 个附件`)
  .refine((ids) => new Set(ids).size === ids.length, "附件重复");

export const AttachmentUpload = z.object({
  id: z.string(),
  uploadUrl: z.string(),
  /** Send exactly these headers with the PUT (they are part of the signature). */
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});

export const AttachmentDownload = AttachmentRef.extend({
  downloadUrl: z.string(),
  expiresAt: z.string(),
});
