import { describe, expect, it } from "vitest";
import { CountyCode, Password, Username } from "./schema.ts";

describe("tenant onboarding fields", () => {
  it.each(["120115", "130102", "659004", "441900", "460400"])("accepts the county-level code %s", (c) => {
    expect(CountyCode.safeParse(c).success).toBe(true);
  });
  it.each(["120000", "120100", "12011", "1201155", "12011a", ""])(
    "rejects %j (not a 6-digit county code)",
    (c) => {
      expect(CountyCode.safeParse(c).success).toBe(false);
    },
  );
  it("requires passwords of 8+ characters with letters and digits", () => {
    expect(Password.safeParse("Demo@2026").success).toBe(true);
    expect(Password.safeParse("short1").success).toBe(false);
    expect(Password.safeParse("onlyletters").success).toBe(false);
    expect(Password.safeParse("12345678").success).toBe(false);
  });
  it("requires lower-case usernames starting with a letter", () => {
    expect(Username.safeParse("point1").success).toBe(true);
    expect(Username.safeParse("1point").success).toBe(false);
    expect(Username.safeParse("Point").success).toBe(false);
    expect(Username.safeParse("ab").success).toBe(false);
  });
});
