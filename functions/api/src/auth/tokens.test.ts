import { describe, expect, it } from "vitest";
import { memoryKeySource, signingKeys } from "./keys.ts";
import { signToken, verifyToken } from "./tokens.ts";

const claims = { sub: "u1", usr: "point1", tid: "t1", role: "point_staff" as const };

describe("access tokens", () => {
  it("round-trips the claims through ES256", async () => {
    const key = await signingKeys(memoryKeySource())();
    const now = new Date("2026-11-22T08:00:00+08:00");
    const { token, expiresAt } = await signToken(key, claims, 3600, now);
    expect(expiresAt.toISOString()).toBe("2026-11-22T01:00:00.000Z");
    expect(await verifyToken(key, token, now)).toMatchObject(claims);
  });
  it("refuses a token after its expiry and a token from another key", async () => {
    const key = await signingKeys(memoryKeySource())();
    const other = await signingKeys(memoryKeySource())();
    const now = new Date();
    const { token } = await signToken(key, claims, 60, now);
    await expect(verifyToken(key, token, new Date(now.getTime() + 61_000))).rejects.toMatchObject({
      code: "TOKEN_EXPIRED",
    });
    await expect(verifyToken(other, token, now)).rejects.toMatchObject({ code: "INVALID_TOKEN" });
  });
  it("loads one key per source however many callers race for it", async () => {
    const source = memoryKeySource();
    const [a, b] = await Promise.all([signingKeys(source)(), signingKeys(source)()]);
    expect(a.kid).toBe(b.kid);
  });
});
