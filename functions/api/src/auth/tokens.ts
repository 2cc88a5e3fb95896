import { Role, Unauthorized } from "@weiquan/domain";
import { base64url, errors, jwtVerify } from "jose";
import { z } from "zod";
import { keepRecent } from "../recent.ts";
import { ALG, type SigningKey } from "./keys.ts";

export const ISSUER = "weiquan";
export const AUDIENCE = "weiquan-api";

/** What a verified token tells: the only source of tenant, user and role for a request. */
export const TokenClaims = z.object({
  sub: z.string(),
  usr: z.string(),
  tid: z.string(),
  role: Role,
  /**
   * The unit the account sat in at login: a hint that lets a request read the account and its unit in one
   * round trip (http/caller.ts); the account as read decides, a moved user's unit is read again.
   */
  unt: z.string().optional(),
  /** Enrollment-only: the role requires TOTP and none is set up, so only enrollment routes accept it. */
  enr: z.literal(true).optional(),
  /** Password-change-only: the password was set by someone else, so only `POST /v1/me/password` accepts it. */
  pwc: z.literal(true).optional(),
});
export type TokenClaims = z.infer<typeof TokenClaims>;

const encode = (value: unknown) => base64url.encode(JSON.stringify(value));

/**
 * A compact ES256 JWT, signed by `key.sign` (KMS in AWS, WebCrypto locally): the same token either way.
 */
export async function signToken(key: SigningKey, claims: TokenClaims, ttlSeconds: number, now: Date) {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttlSeconds;
  const header = { alg: ALG, kid: key.kid, typ: "JWT" };
  const payload = {
    usr: claims.usr,
    tid: claims.tid,
    role: claims.role,
    ...(claims.unt ? { unt: claims.unt } : {}),
    ...(claims.enr ? { enr: true } : {}),
    ...(claims.pwc ? { pwc: true } : {}),
    sub: claims.sub,
    iss: ISSUER,
    aud: AUDIENCE,
    iat,
    exp,
  };
  const input = `${encode(header)}.${encode(payload)}`;
  const signature = await key.sign(new TextEncoder().encode(input));
  return { token: `${input}.${base64url.encode(signature)}`, expiresAt: new Date(exp * 1000) };
}

/**
 * Tokens this process has verified, per key: the signature of a token string does not change, so a
 * repeated token skips the ES256 check (the dearest CPU of a request); its expiry is checked every time.
 * A rotated key is another map, so its predecessor's tokens are checked (and refused) again.
 */
const verified = new WeakMap<CryptoKey, Map<string, { claims: TokenClaims; exp: number }>>();
const MAX_VERIFIED = 5_000;

/** Only ES256 with our key is accepted: `alg: none`, HS256 tricks, other keys, expiry → 401. */
export async function verifyToken(key: SigningKey, token: string, now: Date): Promise<TokenClaims> {
  const known = verified.get(key.publicKey) ?? new Map<string, { claims: TokenClaims; exp: number }>();
  verified.set(key.publicKey, known);
  const hit = known.get(token);
  if (hit) {
    if (hit.exp * 1000 <= now.getTime()) throw Unauthorized("登录已过期，请重新登录", "TOKEN_EXPIRED");
    return hit.claims;
  }
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      algorithms: [ALG],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: now,
    });
    const claims = TokenClaims.parse(payload);
    keepRecent(known, token, { claims, exp: payload.exp! }, MAX_VERIFIED);
    return claims;
  } catch (e) {
    if (e instanceof errors.JWTExpired) throw Unauthorized("登录已过期，请重新登录", "TOKEN_EXPIRED");
    throw Unauthorized("令牌无效，请重新登录", "INVALID_TOKEN");
  }
}
