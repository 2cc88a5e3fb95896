import type { Viewer } from "../access/policy.ts";
import { inSubtree } from "../units/path.ts";

/**
 * Who may write the capacity records (product.md § Roles, api.md § Capacity building): the bureau
 * everywhere; offices and stations for their own subtree; points their own publicity; the governance
 * office never. Reading follows the unit subtree rule of `canSeeUnit`.
 */
const bureau = (v: Viewer) => v.role === "bureau_admin" || v.role === "bureau_staff";

/** Trainings are organised by the bureau, an office or a station (for units it may see). */
export function canRecordTraining(v: Viewer, organizerPath: string): boolean {
  if (bureau(v)) return true;
  if (v.role === "office_staff" || v.role === "station_staff") return inSubtree(organizerPath, v.unitPath);
  return false;
}

/** Publicity is recorded by the unit that held it, or by the units above it. */
export function canRecordPublicity(v: Viewer, unitPath: string): boolean {
  if (bureau(v)) return true;
  if (v.role === "office_staff" || v.role === "station_staff" || v.role === "point_staff")
    return inSubtree(unitPath, v.unitPath);
  return false;
}

/** Warnings go out from the bureau, or from an office to its own subtree. */
export const canSendWarning = (v: Viewer) => bureau(v) || v.role === "office_staff";

/** A warning is acknowledged by a staff member of the unit it was sent to. */
export const canAcknowledge = (v: Viewer) => v.role !== "governance_viewer" && v.role !== "platform_admin";

/** Volunteers are written by the bureau's admin and the unit's own staff (api.md). */
export function canWriteVolunteer(v: Viewer, unitPath: string): boolean {
  if (v.role === "bureau_admin") return true;
  return v.role !== "governance_viewer" && v.role !== "platform_admin" && v.unitPath === unitPath;
}

/** A volunteer's name and phone are shown whole to the bureau and the unit's own staff; masked for the rest. */
export const seesVolunteerPersonalData = (v: Viewer, unitPath: string) =>
  bureau(v) || (v.role !== "governance_viewer" && v.role !== "platform_admin" && v.unitPath === unitPath);
