import {
  allowedChildren,
  type ComplianceSummary,
  Conflict,
  type CreateUnitInput,
  canCreateUnitUnder,
  canEditUnit,
  Forbidden,
  fourOnesOf,
  maskName,
  maskPhone,
  type PatchUnitInput,
  seesPersonalData,
  type Unit,
  Unprocessable,
  unitTypeLabels,
  visiblePrefix,
} from "@weiquan/domain";
import type { UnitRecord } from "@weiquan/store";
import { type Scope, visibleUnit } from "../access/scope.ts";
import { newId } from "../platform/tenants.ts";

/** The API shape of a unit; staff contacts masked for callers who may not see personal data. */
export function unitView(u: UnitRecord, scope: Scope): Unit {
  const { path: _path, ...unit } = u;
  if (!unit.staff || seesPersonalData(scope.viewer.role)) return unit;
  return { ...unit, staff: { name: maskName(unit.staff.name), phone: maskPhone(unit.staff.phone) } };
}

export async function listUnits(scope: Scope): Promise<UnitRecord[]> {
  return scope.units.listByPath(visiblePrefix(scope.viewer));
}

const NOT_EDITABLE = () => Forbidden("当前角色无权修改该单位", "UNIT_FORBIDDEN");

export async function createUnit(scope: Scope, input: CreateUnitInput, at: Date): Promise<UnitRecord> {
  const parent = await visibleUnit(scope, input.parentId);
  if (!canCreateUnitUnder(scope.viewer, parent.path)) throw NOT_EDITABLE();
  if (!allowedChildren[parent.type].includes(input.type)) {
    const allowed =
      allowedChildren[parent.type].map((t) => unitTypeLabels[t].zh).join("、") || "任何下级单位";
    throw Unprocessable(
      `${unitTypeLabels[parent.type].zh}下不能设立${unitTypeLabels[input.type].zh}（只能设立${allowed}）：市场监管所和服务站设在县局下，服务站也可设在市场监管所下，服务点设在服务站下`,
      "UNIT_TYPE_RULE",
      { parentType: parent.type, type: input.type, allowed: allowedChildren[parent.type] },
    );
  }
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
    version: 1,
    standards: fourOnesOf(facts),
    path: `${parent.path}/${id}`,
    createdAt: now,
    updatedAt: now,
  };
  await scope.units.createIfAbsent(unit);
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

  const { version: _v, ...changes } = input;
  const next: UnitRecord = { ...current };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) continue;
    (next as unknown as Record<string, unknown>)[k] = v === null && k !== "ledger" ? undefined : v;
  }
  if (next.status === "closed" && current.status !== "closed") await assertClosable(scope, current);
  next.standards = fourOnesOf(next);
  next.version = current.version + 1;
  next.updatedAt = now.toISOString();
  if (!(await scope.units.replace(next, current.version))) {
    const fresh = (await scope.units.get(id))!;
    throw Conflict("该单位已被他人修改，请刷新后重试", "VERSION_CONFLICT", {
      current: unitView(fresh, scope),
    });
  }
  return next;
}

/** A unit with active children (or, once cases exist, open cases) cannot be closed. */
async function assertClosable(scope: Scope, unit: UnitRecord) {
  if (unit.type === "bureau") throw Unprocessable("县局是租户的根单位，不能撤销", "UNIT_NOT_CLOSABLE");
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
  };
}
