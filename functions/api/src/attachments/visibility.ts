import { type AttachmentRecord, canHandleCase, canSeeCase, uploaderOnly } from "@weiquan/domain";
import { CasesRepository } from "@weiquan/store";
import { type Scope, visibleUnit } from "../access/scope.ts";

/** Who may download a file, and whether that download reads personal information (audit-logged). */
export type FileAccess =
  | { allowed: false }
  | { allowed: true; personal?: { caseId: string; trackingNo: string } };

/**
 * An attachment is as visible as the record it belongs to: a case's files are personal information, so only
 * those who see the case unmasked (who may handle it) download them, each download audited; a unit's record
 * (publicity, training, inspection, rectification) is seen by that unit's staff and its ancestors'. Before it
 * is linked, only the uploader sees the file. Everyone else: as if it did not exist.
 */
export async function fileAccess(scope: Scope, a: AttachmentRecord): Promise<FileAccess> {
  if (!a.link) return { allowed: uploaderOnly(a, scope.caller.userId) };
  if (a.link.kind === "case") {
    const c = await new CasesRepository(scope.table).get(a.link.id);
    if (!c || !canSeeCase(scope.viewer, c) || !canHandleCase(scope.viewer, c)) return { allowed: false };
    return { allowed: true, personal: { caseId: c.id, trackingNo: c.trackingNo } };
  }
  try {
    await visibleUnit(scope, a.link.unitId);
    return { allowed: true };
  } catch {
    return { allowed: false };
  }
}
