import { canSeeUnit, Forbidden, NotFound, type Viewer } from "@weiquan/domain";
import { type TenantTable, type UnitRecord, UnitsRepository } from "@weiquan/store";
import type { Caller } from "../http/env.ts";

/** A tenant caller with the unit it sits in: what the visibility policy needs. */
export interface Scope {
  caller: Caller;
  table: TenantTable;
  units: UnitsRepository;
  viewer: Viewer;
  unit: UnitRecord;
}

export async function scopeOf(caller: Caller): Promise<Scope> {
  if (!caller.table || !caller.unitId)
    throw Forbidden("平台运维账户不能访问县局的业务数据", "PLATFORM_NOT_TENANT");
  const units = new UnitsRepository(caller.table);
  const unit = await units.get(caller.unitId);
  if (!unit) throw Forbidden("您的账户所属单位不存在，请联系管理员", "UNIT_MISSING");
  return { caller, table: caller.table, units, viewer: { role: caller.role, unitPath: unit.path }, unit };
}

/** The unit if the caller may see it; otherwise 404, exactly as if it did not exist. */
export async function visibleUnit(scope: Scope, id: string): Promise<UnitRecord> {
  const unit = id === scope.unit.id ? scope.unit : await scope.units.get(id);
  if (!unit || !canSeeUnit(scope.viewer, unit.path)) throw NotFound("单位");
  return unit;
}
