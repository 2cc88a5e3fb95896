import type { Unit } from "@weiquan/domain";
import { describe, expect, it } from "vitest";
import { ancestorsOf, initiallyExpanded, visibleRows } from "./tree-rows.ts";

const unit = (id: string, parentId: string | null, name = id) => ({ id, parentId, name }) as Unit;
/** bureau → two stations → points, in tree order as the API lists them. */
const county = [
  unit("b", null, "县局"),
  unit("s1", "b", "荆河街道站"),
  unit("p1", "s1", "荆庄社区点"),
  unit("p2", "s1", "魏庄社区点"),
  unit("s2", "b", "龙阳镇站"),
  unit("p3", "s2", "东村点"),
];
const names = (rows: { id: string; depth: number }[]) => rows.map((r) => `${"  ".repeat(r.depth)}${r.id}`);

describe("the network tree's rows", () => {
  it("open as the bureau and its direct children only", () => {
    const rows = visibleRows(county, initiallyExpanded(county));
    expect(names(rows)).toEqual(["b", "  s1", "  s2"]);
    expect(rows[1]).toMatchObject({ childCount: 2, expanded: false });
  });

  it("show a unit's children once it is expanded", () => {
    expect(names(visibleRows(county, new Set(["b", "s2"])))).toEqual(["b", "  s1", "  s2", "    p3"]);
  });

  it("show a search's matches with their path opened, and nothing else", () => {
    const rows = visibleRows(county, new Set(["b"]), (u) => u.name.includes("魏庄"));
    expect(names(rows)).toEqual(["b", "  s1", "    p2"]);
  });

  it("find a unit's ancestors, nearest first", () => {
    expect(ancestorsOf(county, "p3")).toEqual(["s2", "b"]);
    expect(ancestorsOf(county, "b")).toEqual([]);
  });
});
