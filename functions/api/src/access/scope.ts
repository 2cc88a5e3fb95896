import {
  type Actor,
  type CaseRecord,
  canSeeCase,
  canSeeUnit,
  Forbidden,
  type Gauge,
  NotFound,
  type TimelineEvent,
  type Viewer,
} from "@weiquan/domain";
import { CasesRepository, type TenantTable, type UnitRecord, UnitsRepository } from "@weiquan/store";
import type { Caller } from "../http/env.ts";

/**
 * The gateway of a tenant request: who the caller is, the unit they sit in, and the only functions that
 * hand out a tenant's items by id — each asks the one visibility policy and answers 404 for what the
 * caller may not see, exactly as if it did not exist.
 */
export interface Scope {
  caller: Caller;
  table: TenantTable;
  units: UnitsRepository;
  viewer: Viewer;
  unit: UnitRecord;
  /**
   * Settles once the caller's fresh check has passed for this very scope: at once for a scope made from
   * the check, later for the provisional scope of a read run alongside the check (http/alongside.ts), and
   * rejected if that check refuses the caller or finds them changed. A write on a read path awaits it.
   */
  confirmed: Promise<void>;
  /**
   * Items the caller check read in its own round trip for the route (http/alongside.ts); absent where the
   * route reads them itself.
   */
  prefetched?: Prefetched;
}

/** What a route run alongside the caller check may find already read. */
export interface Prefetched {
  /** The tenant's settings item as read (null when it has none): parsed by its one reader (cases/calendar.ts). */
  settings?: Promise<Record<string, unknown> | null>;
  /** The gauges of the unit the token names (the caller's, unless they were moved since). */
  ownGauges?: Promise<{ unitId: string; gauges: Record<Gauge, number> }>;
}

export async function scopeOf(caller: Caller): Promise<Scope> {
  if (!caller.table || !caller.unitId)
    throw Forbidden("平台运维账户不能访问县局的业务数据", "PLATFORM_NOT_TENANT");
  const units = new UnitsRepository(caller.table);
  const unit = caller.unit ?? (await units.get(caller.unitId));
  if (!unit) throw Forbidden("您的账户所属单位不存在，请联系管理员", "UNIT_MISSING");
  return {
    caller,
    table: caller.table,
    units,
    viewer: { role: caller.role, unitPath: unit.path },
    unit,
    confirmed: Promise.resolve(),
  };
}

/** The caller as the domain's actor: who acts, for which unit, judged by which viewer. */
export const staffActor = (scope: Scope): Actor => ({
  userId: scope.caller.userId,
  name: scope.caller.displayName,
  unitId: scope.unit.id,
  viewer: scope.viewer,
});

/** The unit if the caller may see it; otherwise 404. */
export async function visibleUnit(scope: Scope, id: string): Promise<UnitRecord> {
  const unit = id === scope.unit.id ? scope.unit : await scope.units.get(id);
  if (!unit || !canSeeUnit(scope.viewer, unit.path)) throw NotFound("单位");
  return unit;
}

/** The case if the caller may see it; otherwise 404. */
export async function visibleCase(scope: Scope, id: string): Promise<CaseRecord> {
  const record = await new CasesRepository(scope.table).get(id);
  if (!record || !canSeeCase(scope.viewer, record)) throw NotFound("案件");
  return record;
}

/** The case and its timeline (one query) if the caller may see it; otherwise 404. */
export async function visibleCaseWithTimeline(
  scope: Scope,
  id: string,
): Promise<{ record: CaseRecord; timeline: TimelineEvent[] }> {
  const found = await new CasesRepository(scope.table).getWithTimeline(id);
  if (!found || !canSeeCase(scope.viewer, found.record)) throw NotFound("案件");
  return found;
}
