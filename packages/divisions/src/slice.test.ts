import { describe, expect, it } from "vitest";
import { expandCounty, sliceCounties } from "./slice.ts";

const counties = [
  { code: "120115", name: "宝坻区" },
  { code: "120114", name: "武清区" },
];
const townships = [
  { code: "120115101", name: "大口屯镇" },
  { code: "120115001", name: "海滨街道" },
  { code: "120114001", name: "杨村街道" },
  { code: "129999001", name: "无县之乡" },
];
const villages = [
  { code: "120115101201", name: "大口屯村委会" },
  { code: "120115001002", name: "石幢北社区居委会" },
  { code: "120115001001", name: "石幢南社区居委会" },
  { code: "120115999001", name: "无乡之村" },
];

describe("slicing the division data per county", () => {
  const files = sliceCounties(counties, townships, villages);

  it("makes one file per county, townships and villages in code order, codes as suffixes", () => {
    expect([...files.keys()]).toEqual(["120114", "120115"]);
    expect(files.get("120115")).toEqual({
      v: 1,
      code: "120115",
      name: "宝坻区",
      t: [
        ["001", "海滨街道", ["001", "石幢南社区居委会", "002", "石幢北社区居委会"]],
        ["101", "大口屯镇", ["201", "大口屯村委会"]],
      ],
    });
    expect(files.get("120114")!.t).toEqual([["001", "杨村街道", []]]);
  });

  it("drops townships of unknown counties and villages of unknown townships", () => {
    const all = [...files.values()].flatMap((f) => f.t.flatMap(([, name, v]) => [name, ...v]));
    expect(all).not.toContain("无县之乡");
    expect(all).not.toContain("无乡之村");
  });

  it("expands a file back to 12-digit codes: township = 9-digit code + 000, village = its own code", () => {
    expect(expandCounty(files.get("120115")!)).toEqual({
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
        {
          code: "120115101000",
          name: "大口屯镇",
          villages: [{ code: "120115101201", name: "大口屯村委会" }],
        },
      ],
    });
  });
});
