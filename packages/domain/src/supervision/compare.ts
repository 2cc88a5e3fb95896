import { rate } from "../figures/definitions.ts";

/** The counts of one row of a figures slice (`GET /v1/stats/units?unitId=&depth=1`) the comparison needs. */
export interface SliceRow {
  unitId: string;
  parentId: string | null;
  name: string;
  type: string;
  /** 0 for the slice's top unit, 1 for the units directly below it. */
  depth: number;
  childCount: number;
  /** The units' own callbacks, and those answered “satisfied” (self-reported). */
  callbacks: number;
  satisfied: number;
  /** The bureau's sampled complaints, those reached, and those answered “satisfied” (verified). */
  sampled: number;
  verifiedCallbacks: number;
  verifiedSatisfied: number;
}

/**
 * One line of the comparison: `total` is the top unit with everything below it, `own` the cases the top
 * unit handled itself (its figures less its children's), `child` a unit directly below with its subtree.
 */
export interface CompareRow {
  key: string;
  unitId: string;
  name: string;
  type: string;
  kind: "total" | "own" | "child";
  childCount: number;
  selfCallbacks: number;
  selfRate: number | null;
  sampled: number;
  verifiedCallbacks: number;
  verifiedRate: number | null;
  /** Self-reported minus verified satisfaction rate; null when either is unknown. */
  gap: number | null;
}

type Counts = Pick<
  SliceRow,
  "callbacks" | "satisfied" | "sampled" | "verifiedCallbacks" | "verifiedSatisfied"
>;

const line = (
  u: Pick<SliceRow, "unitId" | "name" | "type" | "childCount">,
  c: Counts,
  kind: CompareRow["kind"],
): CompareRow => {
  const selfRate = rate(c.satisfied, c.callbacks);
  const verifiedRate = rate(c.verifiedSatisfied, c.verifiedCallbacks);
  return {
    key: `${kind}:${u.unitId}`,
    unitId: u.unitId,
    name: u.name,
    type: u.type,
    kind,
    childCount: u.childCount,
    selfCallbacks: c.callbacks,
    selfRate,
    sampled: c.sampled,
    verifiedCallbacks: c.verifiedCallbacks,
    verifiedRate,
    gap: selfRate === null || verifiedRate === null ? null : selfRate - verifiedRate,
  };
};

const keys = ["callbacks", "satisfied", "sampled", "verifiedCallbacks", "verifiedSatisfied"] as const;

/**
 * Self-reported beside verified satisfaction, per handling unit, from a slice of depth 1: the top unit in
 * total, then — when units lie below it — what it handled itself (every figure counts for the handling
 * unit and the units above it, so its own part is its total less its children's), then each child with
 * its subtree. A child without any callback or sample in the period is left out.
 */
export function compareRows(slice: readonly SliceRow[]): CompareRow[] {
  const top = slice.find((r) => r.depth === 0);
  if (!top) return [];
  const children = slice.filter((r) => r.depth === 1 && r.parentId === top.unitId);
  const rows = [line(top, top, "total")];
  if (top.childCount > 0 && children.length === top.childCount) {
    const own = Object.fromEntries(
      keys.map((k) => [k, top[k] - children.reduce((s, c) => s + c[k], 0)]),
    ) as unknown as Counts;
    rows.push(line(top, own, "own"));
  }
  for (const c of children)
    if (c.callbacks > 0 || c.sampled > 0 || c.verifiedCallbacks > 0) rows.push(line(c, c, "child"));
  return rows;
}
