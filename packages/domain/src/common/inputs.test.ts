import { describe, expect, it } from "vitest";
import { dateInput, line, text, Version } from "./inputs.ts";

describe("line", () => {
  const name = line(10);

  it("trims and normalises to NFC, so the same 汉字 typed two ways compares equal", () => {
    expect(name.parse("  Cafe\u0301 ")).toBe("Café");
  });

  it("refuses NUL, tabs, line breaks and other controls in a one-line field", () => {
    for (const bad of ["a\u0000b", "a\tb", "a\nb", "a\u001bb", "a\u007fb"])
      expect(name.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it("refuses a lone surrogate but keeps a whole emoji", () => {
    expect(name.safeParse("a\ud83d").success).toBe(false);
    expect(name.safeParse("\ude00a").success).toBe(false);
    expect(name.parse("好😀")).toBe("好😀");
  });

  it("is required unless min is 0, and counts the length after trimming", () => {
    expect(name.safeParse("   ").success).toBe(false);
    expect(line(10, { min: 0 }).parse("  ")).toBe("");
    expect(name.safeParse("12345678901").success).toBe(false);
  });
});

describe("text", () => {
  const facts = text(20);

  it("keeps line breaks and tabs and turns CRLF into LF", () => {
    expect(facts.parse(" 第一行\r\n\t第二行\r第三行 ")).toBe("第一行\n\t第二行\n第三行");
  });

  it("refuses NUL, escape and DEL in several lines too", () => {
    for (const bad of ["a\u0000", "a\u001b[31m", "a\u007f", "a\u000c"])
      expect(facts.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it("reports a too-long text as a length error", () => {
    const r = facts.safeParse("字".repeat(21));
    expect(r.success).toBe(false);
  });
});

describe("Version", () => {
  it("refuses a version beyond the safe integers", () => {
    expect(Version.safeParse(Number.MAX_SAFE_INTEGER + 2).success).toBe(false);
    expect(Version.safeParse(1e300).success).toBe(false);
    expect(Version.parse(3)).toBe(3);
  });
});

describe("dateInput", () => {
  it("reads a plain date as that day in Shanghai, at its start or its end", () => {
    expect(dateInput().parse("2026-12-01")).toBe("2026-12-01T00:00:00.000+08:00");
    expect(dateInput("end").parse("2026-12-01")).toBe("2026-12-01T23:59:59.999+08:00");
  });

  it("keeps a date-time with offset as the same instant in Shanghai time", () => {
    expect(dateInput().parse("2026-11-30T16:30:00Z")).toBe("2026-12-01T00:30:00.000+08:00");
  });

  it("refuses a date-time without offset and nonsense", () => {
    expect(dateInput().safeParse("2026-12-01T08:00:00").success).toBe(false);
    expect(dateInput().safeParse("yesterday").success).toBe(false);
  });
});
