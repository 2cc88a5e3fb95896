import { describe, expect, it } from "vitest";
import { divisionUnitId, divisionUnits } from "./prepopulate.ts";

const county = {
  county: { code: "120115", name: "宝坻区" },
  townships: [
    {
      code: "120115001000",
      name: "海滨街道",
      villages: [
        { code: "120115001001", name: "石幢南社区居委会" },
        { code: "120115001002", name: "石幢北社区居委会" },
      ],
    },
    { code: "120115101000", name: "大口屯镇", villages: [{ code: "120115101201", name: "大口屯村委会" }] },
  ],
};

describe("pre-populated units", () => {
  it("get ids derived from tenant and division code: stable across runs, distinct across tenants", () => {
    const id = divisionUnitId("tenant-a", "120115001001");
    expect(id).toMatch(/^[0-9a-hjkmnp-tv-z]{26}$/);
    expect(divisionUnitId("tenant-a", "120115001001")).toBe(id);
    expect(divisionUnitId("tenant-b", "120115001001")).not.toBe(id);
    expect(divisionUnitId("tenant-a", "120115001002")).not.toBe(id);
  });

  it("make each township a planned station under the bureau and each village a planned point under it, named by the 统一名称 patterns", () => {
    const at = "2026-05-01T00:00:00.000Z";
    const units = divisionUnits("tenant-a", { id: "root", path: "root" }, county, at);
    expect(units.map((u) => [u.type, u.name, u.code])).toEqual([
      ["station", "海滨街道消费维权服务站", "120115001000"],
      ["point", "石幢南社区消费维权服务点", "120115001001"],
      ["point", "石幢北社区消费维权服务点", "120115001002"],
      ["station", "大口屯镇消费维权服务站", "120115101000"],
      ["point", "大口屯村消费维权服务点", "120115101201"],
    ]);
    const [haibin, shizhuang] = units;
    expect(haibin).toMatchObject({
      id: divisionUnitId("tenant-a", "120115001000"),
      parentId: "root",
      path: `root/${haibin!.id}`,
      status: "planned",
      version: 1,
      plaque: false,
      ledger: null,
      standards: { compliant: false },
      createdAt: at,
      updatedAt: at,
    });
    expect(shizhuang).toMatchObject({ parentId: haibin!.id, path: `root/${haibin!.id}/${shizhuang!.id}` });
    expect(divisionUnits("tenant-a", { id: "root", path: "root" }, county, at)).toEqual(units);
  });

  it("follow the tenant's own patterns", () => {
    const units = divisionUnits(
      "tenant-a",
      { id: "root", path: "root" },
      county,
      "2026-05-01T00:00:00.000Z",
      {
        stationNamePattern: "宝坻区{乡镇}消费维权站",
        pointNamePattern: "消费维权联络点",
      },
    );
    expect(units.map((u) => u.name)).toEqual([
      "宝坻区海滨街道消费维权站",
      "石幢南社区消费维权联络点",
      "石幢北社区消费维权联络点",
      "宝坻区大口屯镇消费维权站",
      "大口屯村消费维权联络点",
    ]);
  });
});
