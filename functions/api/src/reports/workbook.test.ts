import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { neutralise, newWorkbook, sheet } from "./workbook.ts";

describe("a cell from user data", () => {
  it.each([
    ['=HYPERLINK("http://x")'],
    ["+8613812345678"],
    ["-2+3"],
    ["@SUM(A1)"],
    ["\t=1"],
    ["\r=1"],
    ["  =1+1"],
    ["\u3000=1"],
    ["＝1+1"],
    ["＋1"],
    ["－1"],
    ["＠A1"],
  ])("%j is kept as text behind a leading '", (v) => {
    expect(neutralise(v)).toBe(`'${v}`);
  });

  it.each([["宝坻区南关社区消费维权服务点"], ["a=b"], ["2026-11"], [""], ["100%"]])(
    "%j stays as it is",
    (v) => {
      expect(neutralise(v)).toBe(v);
    },
  );

  it("leaves numbers, dates and empty cells alone", () => {
    expect(neutralise(-5)).toBe(-5);
    expect(neutralise(null)).toBe(null);
    const d = new Date();
    expect(neutralise(d)).toBe(d);
  });
});

describe("a workbook sheet", () => {
  it("neutralises headers and every row added to it, as the file holds them", async () => {
    const wb = await newWorkbook("=title");
    const ws = sheet(wb, "表", [
      { header: "=头", width: 10 },
      { header: "数", width: 10 },
    ]);
    ws.addRow(["=cmd|' /C calc'!A0", -1]);
    ws.addRows([
      ["@x", 2],
      ["正常", 3],
    ]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(new Uint8Array(await wb.xlsx.writeBuffer()).buffer as ArrayBuffer);
    const read = back.getWorksheet("表")!;
    const rows = [1, 2, 3, 4].map((r) => [read.getCell(r, 1).value, read.getCell(r, 2).value]);
    expect(rows).toEqual([
      ["'=头", "数"],
      ["'=cmd|' /C calc'!A0", -1],
      ["'@x", 2],
      ["正常", 3],
    ]);
    // Strings, never formulas, whatever they say.
    expect(read.getCell(2, 1).type).toBe(ExcelJS.ValueType.String);
    expect(back.title).toBe("'=title");
  });
});
