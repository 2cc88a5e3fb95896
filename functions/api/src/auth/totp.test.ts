import { describe, expect, it } from "vitest";
import { matchTotp, newTotpSecret, totpCode, totpStep, totpUri } from "./totp.ts";

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", base32-encoded.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP (RFC 6238, SHA-1, 6 digits, 30 s)", () => {
  it("produces the RFC's test vectors (their last six digits)", () => {
    expect(totpCode(RFC_SECRET, new Date(59_000))).toBe("287082");
    expect(totpCode(RFC_SECRET, new Date(1111111109_000))).toBe("081804");
    expect(totpCode(RFC_SECRET, new Date(2000000000_000))).toBe("279037");
  });

  it("matches the previous, current and next step and tells which one", () => {
    const at = new Date(1111111109_000);
    const step = totpStep(at);
    for (const d of [-1, 0, 1])
      expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(at.getTime() + d * 30_000)), at)).toBe(
        step + d,
      );
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(at.getTime() + 60_000)), at)).toBeNull();
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(at.getTime() - 60_000)), at)).toBeNull();
  });

  it("makes 160-bit base32 secrets and an otpauth URI authenticator apps read", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, "120115:admin"));
    expect(`${uri.protocol}//${uri.host}`).toBe("otpauth://totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/维权通 Weiquan:120115:admin");
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      issuer: "维权通 Weiquan",
      secret,
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });
});
