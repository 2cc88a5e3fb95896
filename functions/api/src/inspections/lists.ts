import {
  type InspectionCoverage,
  quarterOfMonth,
  rootIdOf,
  shanghaiIso,
  shanghaiMonth,
  visiblePrefix,
} from "@weiquan/domain";
import { InspectionsRepository } from "@weiquan/store";
import { type Scope, visibleUnit } from "../access/scope.ts";
import { findingView, headerView } from "./view.ts";

/** The unit a list is about: the one asked for (if visible), else the top of what the caller sees. */
const subjectUnit = (scope: Scope, unitId?: string) => (unitId ? visibleUnit(scope, unitId) : scope.unit);

/**
 * A page of inspections: of a quarter (default the current one) in a unit's subtree, or — with `unitId`
 * and no quarter — of that one unit, newest first.
 */
export async function listInspections(
  scope: Scope,
  q: { quarter?: string; unitId?: string; limit: number; cursor?: string },
  now: Date,
) {
  const unit = await subjectUnit(scope, q.unitId);
  const repo = new InspectionsRepository(scope.table);
  const page =
    q.unitId && !q.quarter
      ? await repo.listUnit(unit.id, q.limit, q.cursor)
      : await repo.listQuarter(q.quarter ?? quarterOfMonth(shanghaiMonth(now)), unit.path, q.limit, q.cursor);
  return { items: page.items.map((r) => headerView(r, scope.viewer)), nextCursor: page.nextCursor };
}

/** A page of findings of a status (default open) in a unit's subtree; `overdue=true`: open and past due. */
export async function listFindings(
  scope: Scope,
  q: { status: string; unitId?: string; overdue?: boolean; limit: number; cursor?: string },
  now: Date,
) {
  const unit = await subjectUnit(scope, q.unitId);
  const repo = new InspectionsRepository(scope.table);
  const page = q.overdue
    ? await repo.listOverdue(shanghaiIso(now), unit.path, q.limit, q.cursor)
    : await repo.listFindings(q.status, unit.path, q.limit, q.cursor);
  return { items: page.items.map((f) => findingView(f, scope.viewer, now)), nextCursor: page.nextCursor };
}

/**
 * Which active stations and points the caller sees were inspected in the quarter, and how often: the
 * units (bounded by the network) against the quarter's inspections (bounded by what was done).
 */
export async function coverage(scope: Scope, quarter: string): Promise<InspectionCoverage> {
  const prefix = visiblePrefix(scope.viewer);
  const units = (await scope.units.listByPath(prefix)).filter(
    (u) => u.status === "active" && (u.type === "station" || u.type === "point"),
  );
  const counts = await new InspectionsRepository(scope.table).quarterCounts(
    quarter,
    prefix ?? rootPath(scope),
  );
  const rows = units.map((u) => ({
    unitId: u.id,
    parentId: u.parentId,
    name: u.name,
    type: u.type,
    inspections: counts.get(u.id)?.count ?? 0,
    lastInspectedAt: counts.get(u.id)?.last ?? null,
  }));
  const inspected = rows.filter((r) => r.inspections > 0).length;
  return {
    quarter,
    units: rows,
    inspected,
    total: rows.length,
    inspectedShare: rows.length ? inspected / rows.length : null,
  };
}

const rootPath = (scope: Scope) => rootIdOf(scope.unit.path);
