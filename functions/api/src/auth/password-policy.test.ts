import { describe, expect, it } from "vitest";
import { assertStrongPassword } from "./password-policy.ts";

const about = { username: "wangfang", countyCode: "120115", displayName: "王芳" };
const refusal = (p: string) =>
  assertStrongPassword(p, about).then(
    () => null,
    (e) => e.details[0].message as string,
  );

describe("a password being set", () => {
  it.each([
    "Wangfang2026!",
    "my-WANGFANG-pw1",
    "Bd120115xyz",
    "Password1",
    "Qwerty123",
    "P@ssw0rd2026",
    "1q2w3e4r5t",
    "Aa123456",
  ])("refuses %s", async (p) => {
    expect(await refusal(p)).toMatch(/用户名|单位代码|太常见/);
  });

  it.each(["Demo@2026", "Secret-2026x", "Chengguan1", "Tianjin-river-77"])("accepts %s", async (p) => {
    expect(await refusal(p)).toBeNull();
  });

  it("names the field it was given", async () => {
    const e = await assertStrongPassword("Password1", about, "admin.password").catch((x) => x);
    expect(e.details).toEqual([{ path: "admin.password", message: expect.any(String) }]);
    expect(e.code).toBe("VALIDATION_FAILED");
  });
});
