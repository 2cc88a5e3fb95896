import { allowedChildren } from "../access/policy.ts";
import type { UnitType } from "../auth/schema.ts";
import { type AppError, Unprocessable } from "../common/errors.ts";
import { inSubtree } from "./path.ts";
import { MAX_MOVE_UNITS, type UnitStatus, unitTypeLabels } from "./schema.ts";

/** 422 UNIT_TYPE_RULE naming the rule: office and station under the bureau, station also under an office, point under a station. */
export function typeRuleError(parentType: UnitType, type: UnitType): AppError {
  const allowed = allowedChildren[parentType].map((t) => unitTypeLabels[t].zh).join("、") || "任何下级单位";
  return Unprocessable(
    `${unitTypeLabels[parentType].zh}下不能设立${unitTypeLabels[type].zh}（只能设立${allowed}）：市场监管所和服务站设在县局下，服务站也可设在市场监管所下，服务点设在服务站下`,
    "UNIT_TYPE_RULE",
    { parentType, type, allowed: allowedChildren[parentType] },
  );
}

interface Placed {
  id: string;
  name: string;
  type: UnitType;
  path: string;
  status: UnitStatus;
}

/**
 * Why `unit` (with `subtreeSize` units including itself) cannot move under `parent`, or null if it can.
 * Pure: the caller has loaded both and checked visibility and permission.
 */
export function moveProblem(unit: Placed, parent: Placed, subtreeSize: number): AppError | null {
  if (unit.type === "bureau") return Unprocessable("县局是租户的根单位，不能移动", "UNIT_NOT_MOVABLE");
  if (inSubtree(parent.path, unit.path)) {
    return Unprocessable(
      `不能把「${unit.name}」移到它自己${parent.id === unit.id ? "" : `的下级单位「${parent.name}」`}之下`,
      "UNIT_MOVE_CYCLE",
      { parentId: parent.id },
    );
  }
  if (!allowedChildren[parent.type].includes(unit.type)) return typeRuleError(parent.type, unit.type);
  if (parent.status === "closed")
    return Unprocessable(`上级单位「${parent.name}」已撤销，不能再设立下级单位`, "PARENT_CLOSED");
  if (subtreeSize > MAX_MOVE_UNITS) {
    return Unprocessable(
      `「${unit.name}」连同下级共 ${subtreeSize} 个单位，一次最多移动 ${MAX_MOVE_UNITS} 个：请先分批移动它的下级单位，再移动它`,
      "UNIT_MOVE_TOO_LARGE",
      { units: subtreeSize, max: MAX_MOVE_UNITS },
    );
  }
  return null;
}
