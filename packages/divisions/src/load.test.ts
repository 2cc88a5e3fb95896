import { describe, expect, it } from "vitest";
import { hasCountyDivisions } from "./codes.ts";
import { loadCountyDivisions } from "./load.ts";

describe("reading one county from the built county files", () => {
  it("knows 宝坻区 (120115): 26 townships, 822 villages, with names and 12-digit codes", async () => {
    const d = await loadCountyDivisions("120115");
    expect(d?.county).toEqual({ code: "120115", name: "宝坻区" });
    expect(d?.townships).toHaveLength(26);
    expect(d?.townships.reduce((n, t) => n + t.villages.length, 0)).toBe(822);
    const haibin = d?.townships.find((t) => t.name === "海滨街道");
    expect(haibin?.code).toBe("120115001000");
    expect(haibin?.villages[0]).toEqual({ code: "120115001001", name: "石幢南社区居委会" });
  }, 60_000);

  it("answers null for a code the data does not know, and the code list agrees", async () => {
    expect(await loadCountyDivisions("120199")).toBeNull();
    expect(await loadCountyDivisions("../x")).toBeNull();
    expect(hasCountyDivisions("120199")).toBe(false);
    expect(hasCountyDivisions("120115")).toBe(true);
    expect(hasCountyDivisions("310115")).toBe(true);
  });
});
