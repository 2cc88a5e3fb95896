import { z } from "zod";

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.string(),
  /** Empty for a search by phone (it reads no single case). */
  caseId: z.string(),
  trackingNo: z.string(),
  action: z.enum(["read_personal_data", "download_attachment", "search_by_phone"]),
  attachmentId: z.string().optional(),
  fileName: z.string().optional(),
  /** A search by phone: the number, masked, and the cases listed on that page. */
  phone: z.string().optional(),
  resultCount: z.number().int().optional(),
});
