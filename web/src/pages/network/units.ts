import {
  allowedChildren,
  canEditUnit,
  canMoveUnit,
  inSubtree,
  type Role,
  type Unit,
  type UnitType,
} from "@weiquan/domain";

export interface UnitNode extends Unit {
  children?: UnitNode[];
}

/** Materialized paths ("root/office/station") rebuilt from parentId, as the API's policy sees them. */
export function pathsOf(units: readonly Unit[]): Map<string, string> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const paths = new Map<string, string>();
  const pathOf = (u: Unit, depth = 0): string => {
    const known = paths.get(u.id);
    if (known) return known;
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    const path = parent && depth < 16 ? `${pathOf(parent, depth + 1)}/${u.id}` : u.id;
    paths.set(u.id, path);
    return path;
  };
  for (const u of units) pathOf(u);
  return paths;
}

/** May this role (at `myUnitId`) edit or add under `unit`? Same rule as the API (canEditUnit). */
export function editorOf(units: readonly Unit[], role: Role, myUnitId: string | undefined) {
  const paths = pathsOf(units);
  const mine = myUnitId ? paths.get(myUnitId) : undefined;
  return (unit: Unit): boolean => {
    const path = paths.get(unit.id);
    if (!path) return false;
    // Below the caller's own unit the caller's path is a prefix; without it only bureau roles edit.
    return canEditUnit({ role, unitPath: mine ?? "\u0000" }, path);
  };
}

/**
 * Where the caller may move `unit`: open units that may hold its type, outside its own subtree, other than
 * its current parent, that the caller manages (canMoveUnit, the API's rule). Empty when it may not move.
 */
export function moveTargets(
  units: readonly Unit[],
  unit: Unit,
  role: Role,
  myUnitId: string | undefined,
): Unit[] {
  if (unit.type === "bureau") return [];
  const paths = pathsOf(units);
  const own = paths.get(unit.id);
  const viewer = { role, unitPath: (myUnitId && paths.get(myUnitId)) || "\u0000" };
  if (!own) return [];
  return units.filter((p) => {
    const path = paths.get(p.id);
    return (
      path !== undefined &&
      p.id !== unit.parentId &&
      p.status !== "closed" &&
      allowedChildren[p.type].includes(unit.type) &&
      !inSubtree(path, own) &&
      canMoveUnit(viewer, own, path)
    );
  });
}

/** The ids of `unitId` and every unit below it, in the list's (tree) order. */
export function subtreeOf(units: readonly Unit[], unitId: string): Unit[] {
  const paths = pathsOf(units);
  const root = paths.get(unitId);
  if (!root) return [];
  return units.filter((u) => inSubtree(paths.get(u.id) ?? "", root));
}

/**
 * The visible units as a tree (the API lists them flat, in tree order). With a filter, a unit stays
 * when it matches or one of its descendants does, so every match keeps its place in the tree.
 */
export function buildTree(units: readonly Unit[], matches?: (u: Unit) => boolean): UnitNode[] {
  const ids = new Set(units.map((u) => u.id));
  const nodes = new Map<string, UnitNode>(units.map((u) => [u.id, { ...u }]));
  const roots: UnitNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.id) as UnitNode;
    const parent = u.parentId && ids.has(u.parentId) ? nodes.get(u.parentId) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  if (!matches) return roots;
  const prune = (list: UnitNode[]): UnitNode[] =>
    list.flatMap((n) => {
      const kids = n.children ? prune(n.children) : [];
      if (!matches(n) && kids.length === 0) return [];
      return [{ ...n, children: kids.length ? kids : undefined }];
    });
  return prune(roots);
}

/** Keys of every node that has children (to show the tree expanded). */
export function parentKeys(nodes: readonly UnitNode[]): string[] {
  return nodes.flatMap((n) => (n.children?.length ? [n.id, ...parentKeys(n.children)] : []));
}

export const typeColor: Record<UnitType, string> = {
  bureau: "purple",
  office: "blue",
  station: "cyan",
  point: "geekblue",
};

export const statusColor = { planned: "default", active: "success", closed: "error" } as const;

/** The 四个一 apply to stations and points. */
export const hasFourOnes = (type: UnitType) => type === "station" || type === "point";
