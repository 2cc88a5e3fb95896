import { type Role, seesWholeTenant, type TenantRole } from "../auth/roles.ts";
import type { UnitType } from "../auth/schema.ts";
import { inSubtree } from "../units/path.ts";

/**
 * The one visibility and permission policy of a tenant (product.md § Roles): what a caller may see
 * and do is decided here, from the caller's role and the materialized path of the caller's unit, never
 * route by route. Pure: callers load the paths, this decides.
 */
export interface Viewer {
  role: Role;
  /** Materialized path of the caller's unit ("root/office/station"). */
  unitPath: string;
}

/** May the caller see the unit at `unitPath` at all (otherwise it answers 404, as if absent)? */
export function canSeeUnit(v: Viewer, unitPath: string): boolean {
  if (v.role === "platform_admin") return false;
  return seesWholeTenant(v.role) || inSubtree(unitPath, v.unitPath);
}

/** The path prefix that lists everything the caller may see (undefined = the whole tenant). */
export function visiblePrefix(v: Viewer): string | undefined {
  return seesWholeTenant(v.role) ? undefined : v.unitPath;
}

/**
 * May the caller create units under / edit the unit at `unitPath`? The bureau's admin and staff
 * everywhere; an office or station below itself and itself (its own facts, not its place in the tree);
 * points and the governance office never.
 */
export function canEditUnit(v: Viewer, unitPath: string): boolean {
  if (v.role === "bureau_admin" || v.role === "bureau_staff") return true;
  if (v.role === "office_staff" || v.role === "station_staff") return inSubtree(unitPath, v.unitPath);
  return false;
}

/**
 * May the caller move the unit at `unitPath` under the parent at `newParentPath`? The bureau's admin and
 * staff anywhere; an office or station only units strictly below itself and only within its own subtree
 * (its own place in the tree is the bureau's to decide); points and the governance office never.
 */
export function canMoveUnit(v: Viewer, unitPath: string, newParentPath: string): boolean {
  if (v.role === "bureau_admin" || v.role === "bureau_staff") return true;
  if (v.role === "office_staff" || v.role === "station_staff")
    return unitPath !== v.unitPath && inSubtree(unitPath, v.unitPath) && inSubtree(newParentPath, v.unitPath);
  return false;
}

export function canCreateUnitUnder(v: Viewer, parentPath: string): boolean {
  return canEditUnit(v, parentPath);
}

/** Managing users and tenant settings is the bureau admin's alone. */
export const canManageUsers = (role: Role) => role === "bureau_admin";
export const canManageSettings = (role: Role) => role === "bureau_admin";

/** Assessment templates are the bureau admin's (product.md § Roles: "settings, users, templates"). */
export const canManageAssessmentTemplates = (role: Role) => role === "bureau_admin";

/** Making, scoring and finalizing the annual assessment: the bureau's admin and staff. */
export const canRunAssessments = (role: Role) => role === "bureau_admin" || role === "bureau_staff";

/** Scoring a sheet's manual items: the bureau anywhere, an office within its subtree. */
export function canScoreSheet(v: Viewer, unitPath: string): boolean {
  if (canRunAssessments(v.role)) return true;
  return v.role === "office_staff" && inSubtree(unitPath, v.unitPath);
}

/** The 综治 co-assessment: signing off a finalized assessment is the governance office's only write. */
export const canSignOffAssessment = (role: Role) => role === "governance_viewer";

/** Creating a campaign, drawing its sample: the bureau's admin and staff. */
export const canRunCampaigns = (role: Role) => role === "bureau_admin" || role === "bureau_staff";

/** Declaring an enrolled point created: its own staff and the staff of the units above it. */
export function canMarkCampaignUnit(v: Viewer, unitPath: string): boolean {
  if (canRunCampaigns(v.role)) return true;
  return (
    (v.role === "office_staff" || v.role === "station_staff" || v.role === "point_staff") &&
    inSubtree(unitPath, v.unitPath)
  );
}

/** The on-site check of a created point: the bureau anywhere, an office within its subtree. */
export function canInspectCampaignUnit(v: Viewer, unitPath: string): boolean {
  if (canRunCampaigns(v.role)) return true;
  return v.role === "office_staff" && inSubtree(unitPath, v.unitPath);
}

/** Personal data of staff (names, mobile numbers) is masked for the read-only governance office. */
export const seesPersonalData = (role: Role) => role !== "governance_viewer" && role !== "platform_admin";

/** Which child types may hang under a parent type (api.md § Units). */
export const allowedChildren: Record<UnitType, readonly UnitType[]> = {
  bureau: ["office", "station"],
  office: ["station"],
  station: ["point"],
  point: [],
};

/** Which unit type each tenant role belongs to. */
export const roleUnitType: Record<TenantRole, UnitType> = {
  bureau_admin: "bureau",
  bureau_staff: "bureau",
  governance_viewer: "bureau",
  office_staff: "office",
  station_staff: "station",
  point_staff: "point",
};
