import { describe, expect, it } from "vitest";
import { phoneKeyOf } from "./phone-key.ts";

describe("the ledger's key of a consumer's phone", () => {
  it("is one key however a fixed line's digits are spaced or dashed, with or without +86", () => {
    const key = phoneKeyOf("t1", "02229241234");
    for (const typed of [
      "022-29241234",
      "022 29241234",
      " 022-29241234 ",
      "+86 022-29241234",
      "86-02229241234",
    ])
      expect(phoneKeyOf("t1", typed), typed).toBe(key);
  });

  it("is the same for a mobile typed with its country prefix", () => {
    expect(phoneKeyOf("t1", "+86 13812348000")).toBe(phoneKeyOf("t1", "13812348000"));
  });

  it("tells numbers apart, and one number apart in two tenants", () => {
    expect(phoneKeyOf("t1", "13812348000")).not.toBe(phoneKeyOf("t1", "13812348001"));
    expect(phoneKeyOf("t1", "13812348000")).not.toBe(phoneKeyOf("t2", "13812348000"));
  });

  it("holds no digits of the number in clear", () => {
    const key = phoneKeyOf("t1", "13812348000");
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain("13812348000");
  });
});
