import {
  allowedChildren,
  type ComplianceSummary,
  Conflict,
  type CreateUnitInput,
  canCreateUnitUnder,
  canEditUnit,
  canMoveUnit,
  Forbidden,
  fourOnesOf,
  maskPerson,
  moveProblem,
  newId,
  type PatchUnitInput,
  seesPersonalData,
  typeRuleError,
  type Unit,
  Unprocessable,
  visiblePrefix,
} from "@weiquan/domain";
import { CasesRepository, RollupsRepository, type UnitMove, type UnitRecord } from "@weiquan/store";
import { type Scope, visibleUnit } from "../access/scope.ts";

/** The API shape of a unit; staff contacts masked for callers who may not see personal data. */
export function unitView(u: UnitRecord, scope: Scope): Unit {
  const { path: _path, childRev: _rev, ...unit } = u;
  if (!unit.staff || seesPersonalData(scope.viewer.role)) return unit;
  return { ...unit, staff: maskPerson(unit.staff) };
}

export async function listUnits(scope: Scope): Promise<UnitRecord[]> {
  return scope.units.listByPath(visiblePrefix(scope.viewer));
}

const NOT_EDITABLE = () => Forbidden("当前角色无权修改该单位", "UNIT_FORBIDDEN");

export async function createUnit(scope: Scope, input: CreateUnitInput, at: Date): Promise<UnitRecord> {
  const parent = await visibleUnit(scope, input.parentId);
  if (!canCreateUnitUnder(scope.viewer, parent.path)) throw NOT_EDITABLE();
  if (!allowedChildren[parent.type].includes(input.type)) throw typeRuleError(parent.type, input.type);
  if (parent.status === "closed") {
    throw Unprocessable(`上级单位「${parent.name}」已撤销，不能再设立下级单位`, "PARENT_CLOSED");
  }
  const id = newId();
  const now = at.toISOString();
  const facts = {
    staff: input.staff,
    plaque: input.plaque ?? false,
    phone: input.phone,
    ledger: input.ledger ?? null,
  };
  const unit: UnitRecord = {
    id,
    parentId: parent.id,
    type: input.type,
    name: input.name,
    code: input.code,
    address: input.address,
    ...facts,
    status: input.status ?? "active",
    establishedAt: input.establishedAt,
    hours: input.hours,
    version: 1,
    standards: fourOnesOf(facts),
    path: `${parent.path}/${id}`,
    createdAt: now,
    updatedAt: now,
  };
  if (!(await scope.units.createChild(unit, parent)))
    throw Conflict(`上级单位「${parent.name}」刚被移动或修改，请刷新后重试`, "PARENT_MOVED");
  return unit;
}

export async function patchUnit(
  scope: Scope,
  id: string,
  input: PatchUnitInput,
  now: Date,
): Promise<UnitRecord> {
  const current = await visibleUnit(scope, id);
  if (!canEditUnit(scope.viewer, current.path)) throw NOT_EDITABLE();
  const stale = () =>
    Conflict("该单位已被他人修改，请刷新后重试", "VERSION_CONFLICT", { current: unitView(current, scope) });
  if (input.version !== current.version) throw stale();

  const { version: _v, parentId, ...changes } = input;
  const next: UnitRecord = { ...current };
  const moving = parentId !== undefined && parentId !== current.parentId;
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) continue;
    (next as unknown as Record<string, unknown>)[k] = v === null && k !== "ledger" ? undefined : v;
  }
  if (next.status === "closed" && current.status !== "closed") await assertClosable(scope, current);
  if (moving) await assertNoCases(scope, current);
  next.standards = fourOnesOf(next);
  next.version = current.version + 1;
  next.updatedAt = now.toISOString();
  const saved = moving
    ? await moveUnit(scope, current, next, parentId, now)
    : await scope.units.replace(next, current.version);
  if (!saved) {
    const fresh = (await scope.units.get(id))!;
    const message = moving
      ? "该单位或其下级单位、新的上级单位刚被他人修改，未作任何移动，请刷新后重试"
      : "该单位已被他人修改，请刷新后重试";
    throw Conflict(message, "VERSION_CONFLICT", { current: unitView(fresh, scope) });
  }
  return next;
}

/**
 * Moves `current` (edited into `next`) under the unit `parentId` with its whole subtree, in one transaction
 * (see UnitsRepository.moveSubtree): false on a concurrent change. Descendants keep their facts but get a
 * new path and version, so an edit made from a read before the move cannot write an old path back.
 */
async function moveUnit(
  scope: Scope,
  current: UnitRecord,
  next: UnitRecord,
  parentId: string,
  now: Date,
): Promise<boolean> {
  const parent = await visibleUnit(scope, parentId);
  if (!canMoveUnit(scope.viewer, current.path, parent.path))
    throw Forbidden("当前角色无权调整该单位的上级单位", "UNIT_FORBIDDEN");
  const descendants = await scope.units.listByPath(`${current.path}/`);
  const problem = moveProblem(current, parent, descendants.length + 1);
  if (problem) throw problem;
  const newPath = `${parent.path}/${current.id}`;
  const at = now.toISOString();
  const moves: UnitMove[] = [
    {
      next: { ...next, parentId: parent.id, path: newPath },
      expectedVersion: current.version,
      expectedChildRev: current.childRev,
    },
    ...descendants.map((d) => ({
      next: {
        ...d,
        path: newPath + d.path.slice(current.path.length),
        version: d.version + 1,
        updatedAt: at,
      },
      expectedVersion: d.version,
      expectedChildRev: d.childRev,
    })),
  ];
  if (!(await scope.units.moveSubtree(moves, parent))) return false;
  next.parentId = parent.id;
  next.path = newPath;
  return true;
}

/**
 * A unit whose ledger holds cases keeps its place: a case's readers and handlers are fixed by the units
 * above the ones that held it when it was written, and re-homing them is not built yet.
 */
async function assertNoCases(scope: Scope, unit: UnitRecord) {
  if (await new CasesRepository(scope.table).anyInLedger(unit.id)) {
    throw Unprocessable(
      `「${unit.name}」或其下级单位已有案件台账，暂不能调整上级（案件的查看和办理范围按登记时的上级确定）`,
      "UNIT_HAS_CASES",
    );
  }
}

/** A unit with open cases or active children cannot be closed. */
async function assertClosable(scope: Scope, unit: UnitRecord) {
  if (unit.type === "bureau") throw Unprocessable("县局是租户的根单位，不能撤销", "UNIT_NOT_CLOSABLE");
  const openCases = (await new RollupsRepository(scope.table).gauges([unit.id])).get(unit.id)!.openOwn;
  if (openCases > 0) {
    throw Unprocessable(
      `「${unit.name}」还有 ${openCases} 件未办结的案件，请先办结或提交上级后再撤销`,
      "UNIT_HAS_OPEN_CASES",
      { openCases },
    );
  }
  const open = (await scope.units.listByPath(`${unit.path}/`)).filter((u) => u.status !== "closed");
  if (open.length > 0) {
    throw Unprocessable(
      `「${unit.name}」下还有 ${open.length} 个未撤销的下级单位（如「${open[0]!.name}」），请先撤销或移交它们`,
      "UNIT_HAS_ACTIVE_CHILDREN",
      { children: open.slice(0, 20).map((u) => ({ id: u.id, name: u.name, status: u.status })) },
    );
  }
}

/** 四个一 compliance of the active stations and points the caller can see. */
export function complianceOf(units: UnitRecord[]): ComplianceSummary {
  const subject = units.filter((u) => (u.type === "station" || u.type === "point") && u.status === "active");
  const byType: ComplianceSummary["byType"] = {
    station: { total: 0, compliant: 0 },
    point: { total: 0, compliant: 0 },
  };
  const shortfalls: ComplianceSummary["shortfalls"] = [];
  for (const u of subject) {
    const { fourOnes, compliant } = fourOnesOf(u);
    byType[u.type]!.total++;
    if (compliant) byType[u.type]!.compliant++;
    else {
      const missing = (Object.keys(fourOnes) as (keyof typeof fourOnes)[]).filter((k) => !fourOnes[k]);
      shortfalls.push({ unitId: u.id, name: u.name, type: u.type, missing });
    }
  }
  const compliant = subject.length - shortfalls.length;
  return {
    total: subject.length,
    compliant,
    rate: subject.length ? compliant / subject.length : null,
    byType,
    shortfalls,
    coverage: coverageOf(units),
  };
}

/**
 * Coverage: every point that is not closed stands for a village / community of the network (pre-population
 * creates one planned point per village); the share with an active point. The same for townships and
 * stations. A closed point is a village the bureau took out of the network, so it counts for neither side.
 */
export function coverageOf(units: UnitRecord[]): ComplianceSummary["coverage"] {
  const count = (type: "station" | "point") => {
    const planned = units.filter((u) => u.type === type && u.status !== "closed");
    const active = planned.filter((u) => u.status === "active").length;
    return { total: planned.length, active, rate: planned.length ? active / planned.length : null };
  };
  const points = count("point");
  const stations = count("station");
  return {
    points: points.total,
    activePoints: points.active,
    rate: points.rate,
    stations: stations.total,
    activeStations: stations.active,
    stationRate: stations.rate,
  };
}
