import { z } from "zod";

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.string(),
  caseId: z.string(),
  trackingNo: z.string(),
  action: z.enum(["read_personal_data", "download_attachment"]),
  attachmentId: z.string().optional(),
  fileName: z.string().optional(),
});
