import { describe, expect, it } from "vitest";
import { fourOnesOf } from "./schema.ts";

describe("四个一 compliance", () => {
  const full = {
    staff: { name: "刘秀英", phone: "13820046018" },
    plaque: true,
    phone: "022-29246018",
    ledger: "paper" as const,
  };
  it("is compliant with a designated staff member, a plaque, a phone and a ledger", () => {
    expect(fourOnesOf(full)).toEqual({
      fourOnes: { staff: true, plaque: true, phone: true, ledger: true },
      compliant: true,
    });
  });
  it.each([
    ["staff", { staff: undefined }],
    ["plaque", { plaque: false }],
    ["phone", { phone: undefined }],
    ["ledger", { ledger: null }],
  ] as const)("falls short without %s", (what, patch) => {
    const r = fourOnesOf({ ...full, ...patch });
    expect(r.compliant).toBe(false);
    expect(r.fourOnes[what]).toBe(false);
  });
});
