import type { Unit } from "@weiquan/domain";

/** A unit as a row of the flattened tree: its depth and whether it has (and shows) children. */
export interface TreeRow extends Unit {
  depth: number;
  /** How many units sit directly below it (whatever the filter). */
  childCount: number;
  expanded: boolean;
}

/**
 * The rows the network table shows, in tree order. Only expanded units show their children, so a county
 * of a thousand villages opens as its bureau and townships; the rest is read on demand from the same list.
 * With a filter, the matches show with every unit above them (their path opened), and nothing else.
 */
export function visibleRows(
  units: readonly Unit[],
  expanded: ReadonlySet<string>,
  matches?: (u: Unit) => boolean,
): TreeRow[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, Unit[]>();
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(parent);
    if (list) list.push(u);
    else children.set(parent, [u]);
  }

  // With a filter: the matches and their ancestors are shown, the ancestors opened.
  let shown: Set<string> | null = null;
  let opened: ReadonlySet<string> = expanded;
  if (matches) {
    shown = new Set();
    const ancestors = new Set<string>();
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units) {
      if (!matches(u)) continue;
      shown.add(u.id);
      for (
        let p = u.parentId ? byId.get(u.parentId) : undefined;
        p;
        p = p.parentId ? byId.get(p.parentId) : undefined
      ) {
        if (ancestors.has(p.id)) break;
        ancestors.add(p.id);
        shown.add(p.id);
      }
    }
    opened = new Set([...expanded, ...ancestors]);
  }

  const rows: TreeRow[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      if (shown && !shown.has(u.id)) continue;
      const childCount = children.get(u.id)?.length ?? 0;
      const open = childCount > 0 && opened.has(u.id);
      rows.push({ ...u, depth, childCount, expanded: open });
      if (open) walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

/** The ids of a unit's ancestors (to open its path in the tree). */
export function ancestorsOf(units: readonly Unit[], id: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: string[] = [];
  for (let u = byId.get(id); u?.parentId; u = byId.get(u.parentId)) {
    if (out.includes(u.parentId)) break;
    out.push(u.parentId);
  }
  return out;
}

/** What a new network page opens: the top units (the bureau) with their children showing. */
export const initiallyExpanded = (units: readonly Unit[]): Set<string> => {
  const ids = new Set(units.map((u) => u.id));
  return new Set(units.filter((u) => !u.parentId || !ids.has(u.parentId)).map((u) => u.id));
};
