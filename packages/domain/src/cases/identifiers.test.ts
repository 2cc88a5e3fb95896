import { describe, expect, it } from "vitest";
import { isValidCreditCode, isValidIdNumber, TRACKING_NO, trackingNoOf } from "./identifiers.ts";

/** Every character at position `i` replaced by each other character of `alphabet`. */
function typosOf(code: string, alphabet: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i++)
    for (const ch of alphabet) if (ch !== code[i]) out.push(code.slice(0, i) + ch + code.slice(i + 1));
  return out;
}

describe("统一社会信用代码 (GB 32100-2015)", () => {
  // Codes published on the national enterprise credit information system.
  const published = [
    "91110108551385082Q", // 北京小米科技有限责任公司
    "91330100716105852F", // 阿里巴巴（中国）有限公司
    "9144030071526726XG", // 深圳市腾讯计算机系统有限公司
    "914403001922038216", // 华为技术有限公司
    "91110000802100433B", // 北京百度网讯科技有限公司
  ];
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  it.each(published)("accepts %s", (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it.each(published)("catches every single-character typo in %s", (code) => {
    const typos = typosOf(code, alphabet);
    expect(typos.length).toBe(18 * 30);
    expect(typos.filter(isValidCreditCode)).toEqual([]);
  });

  it("refuses letters the standard leaves out (I, O, Z, S, V), lower case and wrong lengths", () => {
    expect(isValidCreditCode("91110108551385082q")).toBe(false);
    for (const ch of "IOZSV") expect(isValidCreditCode(`91110108551385082${ch}`)).toBe(false);
    expect(isValidCreditCode("91110108551385082")).toBe(false);
    expect(isValidCreditCode("91110108551385082QQ")).toBe(false);
    expect(isValidCreditCode("")).toBe(false);
  });

  it("requires digits for the administrative division (positions 3–8)", () => {
    expect(isValidCreditCode("91A10108551385082Q")).toBe(false);
  });
});

describe("居民身份证号码 (GB 11643-1999)", () => {
  // The standard's own worked example, and numbers built on the demo county and Beijing's districts.
  const valid = ["11010519491231002X", "110101199003074514", "120115198805201234"];

  it.each(valid)("accepts %s", (id) => {
    expect(isValidIdNumber(id)).toBe(true);
  });

  it.each(valid)("catches every single-digit typo in %s", (id) => {
    const typos = typosOf(id.slice(0, 17), "0123456789").map((t) => t + id[17]);
    const checkTypos = "0123456789X"
      .split("")
      .filter((c) => c !== id[17])
      .map((c) => id.slice(0, 17) + c);
    expect(typos.filter(isValidIdNumber)).toEqual([]);
    expect(checkTypos.filter(isValidIdNumber)).toEqual([]);
  });

  it("refuses a lower-case x, which intake upper-cases before checking", () => {
    expect(isValidIdNumber("11010519491231002x")).toBe(false);
  });

  it("refuses impossible birth dates even with a matching check character", () => {
    // 1949-02-30 does not exist; the check character is computed for it.
    expect(isValidIdNumber(withCheck("11010519490230002"))).toBe(false);
    expect(isValidIdNumber(withCheck("11010519491301002"))).toBe(false);
    // The standard's other example is born in 1880: checksum-valid, refused as no living person.
    expect(withCheck("44052418800101001")).toBe("440524188001010014");
    expect(isValidIdNumber("440524188001010014")).toBe(false);
  });

  it("refuses the old 15-digit numbers and wrong lengths", () => {
    expect(isValidIdNumber("110105491231002")).toBe(false);
    expect(isValidIdNumber("11010519491231002")).toBe(false);
  });
});

describe("tracking numbers", () => {
  it("reads {countyCode}{yyyymmdd}{seq:4}", () => {
    expect(trackingNoOf("120115", "2026-11-23", 7)).toBe("120115202611230007");
    expect(TRACKING_NO.test("120115202611230007")).toBe(true);
    expect(TRACKING_NO.test("12011520261123007")).toBe(false);
  });
});

function withCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + "10X98765432"[sum % 11];
}
