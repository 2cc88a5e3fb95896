import { describe, expect, it } from "vitest";
import { fenToYuan, grouped } from "./numbers.ts";

describe("numbers written as zh-CN does, without Intl", () => {
  it("groups thousands with commas, as toLocaleString('zh-CN') does", () => {
    for (const n of [0, 7, 999, 1000, 12345, 1234567, 1_000_000_000, -4321])
      expect(grouped(n)).toBe(n.toLocaleString("zh-CN"));
  });

  it("writes yuan from fen with two decimals", () => {
    expect(fenToYuan(0)).toBe("0.00");
    expect(fenToYuan(5)).toBe("0.05");
    expect(fenToYuan(123456789)).toBe("1,234,567.89");
    expect(fenToYuan(-329900)).toBe("-3,299.00");
    for (const fen of [1, 99, 100050, 987654321])
      expect(fenToYuan(fen)).toBe(
        (fen / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      );
  });
});
