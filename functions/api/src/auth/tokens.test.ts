import { generateKeyPair } from "jose";
import { describe, expect, it } from "vitest";
import { derToJose, memoryKeySource, signingKeys } from "./keys.ts";
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
  it("refuses a token verified before once it has expired, and another key's token however often", async () => {
    const key = await signingKeys(memoryKeySource())();
    const other = await signingKeys(memoryKeySource())();
    const now = new Date();
    const { token } = await signToken(key, claims, 60, now);
    expect(await verifyToken(key, token, now)).toMatchObject(claims);
    expect(await verifyToken(key, token, new Date(now.getTime() + 59_000))).toMatchObject(claims);
    await expect(verifyToken(key, token, new Date(now.getTime() + 60_000))).rejects.toMatchObject({
      code: "TOKEN_EXPIRED",
    });
    for (let i = 0; i < 2; i++)
      await expect(verifyToken(other, token, now)).rejects.toMatchObject({ code: "INVALID_TOKEN" });
  });
  it("loads one key per source however many callers race for it", async () => {
    const source = memoryKeySource();
    const [a, b] = await Promise.all([signingKeys(source)(), signingKeys(source)()]);
    expect(a.kid).toBe(b.kid);
  });
});

describe("KMS signatures", () => {
  it("turn DER (SEQUENCE of two INTEGERs, leading zero bytes and all) into JOSE r ‖ s", () => {
    const r = new Uint8Array(32).fill(0x81); // high bit set: DER prefixes a zero byte
    const s = new Uint8Array([0x01, 0x02]); // short: JOSE left-pads it to 32 bytes
    const der = new Uint8Array([0x30, 4 + 33 + 2, 0x02, 33, 0x00, ...r, 0x02, 2, ...s]);
    const jose = derToJose(der);
    expect(jose).toHaveLength(64);
    expect([...jose.subarray(0, 32)]).toEqual([...r]);
    expect([...jose.subarray(32)]).toEqual([...new Uint8Array(30), 0x01, 0x02]);
    expect(() => derToJose(new Uint8Array([0x31, 0]))).toThrow(/DER/);
  });

  it("verify like local ones: a key signing DER as KMS does yields tokens the API accepts", async () => {
    const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
    const kmsLike = {
      kid: "kms-like",
      publicKey: publicKey as CryptoKey,
      publicJwk: {},
      sign: async (data: Uint8Array) => {
        const raw = new Uint8Array(
          await crypto.subtle.sign(
            { name: "ECDSA", hash: "SHA-256" },
            privateKey as CryptoKey,
            data as BufferSource,
          ),
        );
        return derToJose(toDer(raw));
      },
    };
    const now = new Date();
    const { token } = await signToken(kmsLike, claims, 60, now);
    expect(await verifyToken(kmsLike, token, now)).toMatchObject(claims);
  });
});

/** r ‖ s → DER, as KMS answers. */
function toDer(raw: Uint8Array): Uint8Array {
  const int = (bytes: Uint8Array) => {
    let b = bytes;
    while (b.length > 1 && b[0] === 0 && !(b[1]! & 0x80)) b = b.subarray(1);
    return b[0]! & 0x80 ? [0x02, b.length + 1, 0x00, ...b] : [0x02, b.length, ...b];
  };
  const body = [...int(raw.subarray(0, 32)), ...int(raw.subarray(32))];
  return new Uint8Array([0x30, body.length, ...body]);
}
