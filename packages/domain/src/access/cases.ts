import { type Role, seesWholeTenant } from "../auth/roles.ts";
import { inSubtree, rootIdOf, unitIdOf } from "../units/path.ts";
import type { Viewer } from "./policy.ts";

/**
 * Who may see and handle a case (product.md § Roles). A case is visible to the units whose ledger lists
 * it — every ancestor of each unit that has held it, so the originating point keeps read access after an
 * escalation — and to the whole-tenant roles. It is handled by the unit holding it now and the units
 * above it; the governance office never handles, and never sees personal data.
 */
const handlingRoles: readonly Role[] = [
  "bureau_admin",
  "bureau_staff",
  "office_staff",
  "station_staff",
  "point_staff",
];

export interface CaseAccessFacts {
  /** Path of the unit handling the case now. */
  handlerPath: string;
  /** Every unit whose ledger lists the case. */
  ledgerUnits: readonly string[];
}

export function canSeeCase(v: Viewer, c: CaseAccessFacts): boolean {
  if (seesWholeTenant(v.role)) return true;
  if (v.role === "platform_admin") return false;
  return c.ledgerUnits.includes(unitIdOf(v.unitPath));
}

export function canHandleCase(v: Viewer, c: Pick<CaseAccessFacts, "handlerPath">): boolean {
  return canHandleAt(v, c.handlerPath);
}

/** May the caller register and handle cases of the unit at `unitPath`? */
export function canHandleAt(v: Viewer, unitPath: string): boolean {
  if (!handlingRoles.includes(v.role)) return false;
  if (v.role === "bureau_admin" || v.role === "bureau_staff") return true;
  return inSubtree(unitPath, v.unitPath);
}

/** The ledger a caller lists by default: its own unit's, or the root unit's (every case) for whole-tenant roles. */
export const defaultLedgerUnitId = (v: Viewer): string =>
  seesWholeTenant(v.role) ? rootIdOf(v.unitPath) : unitIdOf(v.unitPath);

/** Only the bureau's admin browses who read unmasked personal data. */
export const canBrowseAudit = (role: Role) => role === "bureau_admin";
