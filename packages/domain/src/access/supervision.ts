import { inSubtree } from "../units/path.ts";
import { canSeeUnit, type Viewer } from "./policy.ts";

/**
 * Who may do what in supervision (api.md § Supervision): the bureau's admin and staff everywhere, a
 * regulation office for its own subtree; the supervised units read their own part and answer for it
 * (rectify a finding, close a follow-up); the governance office reads everything with personal data masked
 * and writes nothing here.
 */
const bureauWriters = new Set(["bureau_admin", "bureau_staff"]);

/** May the caller draw a round for, and call back the consumers of, the subtree at `scopePath`? */
export function canSupervise(v: Viewer, scopePath: string): boolean {
  if (bureauWriters.has(v.role)) return true;
  return v.role === "office_staff" && inSubtree(scopePath, v.unitPath);
}

/** May the caller inspect the unit at `unitPath` (and verify its rectifications)? Never its own unit. */
export function canInspect(v: Viewer, unitPath: string): boolean {
  if (bureauWriters.has(v.role)) return true;
  return v.role === "office_staff" && unitPath !== v.unitPath && inSubtree(unitPath, v.unitPath);
}

/**
 * May the caller answer for the unit at `unitPath` — rectify its findings, close its follow-ups? Its own
 * staff and the staff of the units above it that do not inspect it (a station for its points).
 */
export function canAnswerFor(v: Viewer, unitPath: string): boolean {
  if (!["office_staff", "station_staff", "point_staff"].includes(v.role)) return false;
  return inSubtree(unitPath, v.unitPath) && !canInspect(v, unitPath);
}

/** May the caller read the supervision records of the unit at `unitPath`? */
export const canReadSupervision = (v: Viewer, unitPath: string) => canSeeUnit(v, unitPath);
