import { describe, expect, it } from "vitest";
import { canMoveUnit } from "../access/policy.ts";
import { moveProblem } from "./rules.ts";

const unit = (id: string, type: "bureau" | "office" | "station" | "point", path: string) => ({
  id,
  name: id,
  type,
  path,
  status: "active" as const,
});
const root = unit("root", "bureau", "root");
const office = unit("o1", "office", "root/o1");
const station = unit("s1", "station", "root/o1/s1");
const point = unit("p1", "point", "root/o1/s1/p1");
const station2 = unit("s2", "station", "root/s2");

describe("moving a unit", () => {
  it("allows a station to move from an office to the bureau and a point to another station", () => {
    expect(moveProblem(station, root, 2)).toBeNull();
    expect(moveProblem(point, station2, 1)).toBeNull();
  });
  it("never moves the bureau", () => {
    expect(moveProblem(root, office, 10)?.code).toBe("UNIT_NOT_MOVABLE");
  });
  it("refuses to move a unit under itself or its descendants", () => {
    expect(moveProblem(office, office, 3)?.code).toBe("UNIT_MOVE_CYCLE");
    expect(moveProblem(office, station, 3)?.code).toBe("UNIT_MOVE_CYCLE");
  });
  it("keeps the type rules of creation", () => {
    expect(moveProblem(point, office, 1)?.code).toBe("UNIT_TYPE_RULE");
    expect(moveProblem(office, station2, 1)?.code).toBe("UNIT_TYPE_RULE");
  });
  it("refuses a closed parent and a subtree larger than one transaction", () => {
    expect(moveProblem(point, { ...station2, status: "closed" }, 1)?.code).toBe("PARENT_CLOSED");
    expect(moveProblem(station, root, 100)?.code).toBe("UNIT_MOVE_TOO_LARGE");
  });
  it("lets an office move only units below it, within its own subtree", () => {
    const v = { role: "office_staff" as const, unitPath: "root/o1" };
    expect(canMoveUnit(v, "root/o1/s1/p1", "root/o1/s3")).toBe(true);
    expect(canMoveUnit(v, "root/o1", "root")).toBe(false);
    expect(canMoveUnit(v, "root/o1/s1", "root")).toBe(false);
    expect(canMoveUnit({ role: "bureau_staff", unitPath: "root" }, "root/o1/s1", "root")).toBe(true);
    expect(canMoveUnit({ role: "point_staff", unitPath: "root/o1/s1/p1" }, "root/o1/s1/p1", "root")).toBe(
      false,
    );
  });
});
