import { describe, expect, it } from "vitest";
import { searchTarget } from "./search-target.ts";

describe("what the header search box looks for", () => {
  it("opens a case by its tracking number, spaces and all", () => {
    expect(searchTarget(" 120115 20261202 0007 ")).toEqual({
      kind: "tracking",
      trackingNo: "120115202612020007",
    });
  });

  it("finds a consumer's cases by a mobile or a landline with its area code", () => {
    expect(searchTarget("13612345678")).toEqual({ kind: "phone", phone: "13612345678" });
    expect(searchTarget("022-29241234")).toEqual({ kind: "phone", phone: "022-29241234" });
  });

  it("searches the ledger's words (business, subject) for anything else", () => {
    expect(searchTarget("万家电器城")).toEqual({ kind: "text", q: "万家电器城" });
    // too short for a phone, too short for a tracking number: words
    expect(searchTarget("1361234")).toEqual({ kind: "text", q: "1361234" });
    expect(searchTarget("   ")).toBeNull();
  });
});
