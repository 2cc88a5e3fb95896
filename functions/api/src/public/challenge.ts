import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { AppError, publicChallenge } from "@weiquan/domain";
import { platformSecret, RateLimitsRepository } from "@weiquan/store";
import type { Context } from "hono";
import type { AppDeps } from "../deps.ts";
import type { PublicEnv } from "./tenant.ts";

/** The header a filing carries its solved challenge in: base64url JSON of a {@link Solution}. */
export const POW_HEADER = "x-weiquan-pow";

/**
 * A self-hosted proof-of-work challenge in the ALTCHA style: the server picks a secret number below
 * `maxNumber` and sends SHA-256(salt + number) with an HMAC of it; the client finds the number by trying,
 * and sends it back. The server keeps nothing until a solution arrives: the salt names the county and the
 * expiry, the HMAC proves the challenge is ours.
 */
export interface Challenge {
  algorithm: "SHA-256";
  challenge: string;
  salt: string;
  maxNumber: number;
  signature: string;
}
interface Solution {
  challenge: string;
  salt: string;
  number: number;
  signature: string;
}

const keys = new WeakMap<AppDeps, Promise<Uint8Array>>();
function challengeKey(deps: AppDeps): Promise<Uint8Array> {
  let key = keys.get(deps);
  if (!key) {
    key = platformSecret(deps.control.doc, deps.control.tableName, "public-challenge-mac-v1");
    key.catch(() => keys.delete(deps));
    keys.set(deps, key);
  }
  return key;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const mac = (key: Uint8Array, challenge: string) => createHmac("sha256", key).update(challenge).digest("hex");

/** A fresh challenge for one filing to `countyCode`, good for `ttlSeconds`. */
export async function newChallenge(deps: AppDeps, countyCode: string, now: Date): Promise<Challenge> {
  const expires = Math.floor(now.getTime() / 1000) + publicChallenge.ttlSeconds;
  const salt = `${countyCode}.${expires}.${randomBytes(12).toString("hex")}`;
  const challenge = sha256(`${salt}${randomInt(publicChallenge.maxNumber)}`);
  const signature = mac(await challengeKey(deps), challenge);
  return { algorithm: "SHA-256", challenge, salt, maxNumber: publicChallenge.maxNumber, signature };
}

function parse(header: string | undefined): Solution | null {
  if (!header || header.length > 1000) return null;
  try {
    const s = JSON.parse(Buffer.from(header, "base64url").toString("utf8"));
    const ok =
      typeof s?.challenge === "string" &&
      typeof s.salt === "string" &&
      typeof s.signature === "string" &&
      Number.isSafeInteger(s.number);
    return ok ? (s as Solution) : null;
  } catch {
    return null;
  }
}

/**
 * Whether the request carries a solution of a challenge we issued for this county, unexpired, and not used
 * before (the salt is spent in the county's rate-limit windows, so a solution files once).
 */
export async function solved(c: Context<PublicEnv>): Promise<boolean> {
  const s = parse(c.req.header(POW_HEADER));
  if (!s) return false;
  const [county, expires] = s.salt.split(".");
  const now = c.var.deps.now();
  if (county !== c.var.county.tenant.countyCode || Number(expires) * 1000 < now.getTime()) return false;
  if (s.number < 0 || s.number >= publicChallenge.maxNumber) return false;
  if (sha256(`${s.salt}${s.number}`) !== s.challenge) return false;
  const expected = Buffer.from(mac(await challengeKey(c.var.deps), s.challenge), "hex");
  const given = Buffer.from(s.signature, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const spent = await new RateLimitsRepository(c.var.county.table).add(
    `pow#${s.salt}`,
    publicChallenge.ttlSeconds * 2,
    now.getTime(),
  );
  return spent.count === 1;
}

/** The 429 that asks for a solved challenge (no Retry-After: solving it is the wait). */
export async function challengeRequired(c: Context<PublicEnv>) {
  const challenge = await newChallenge(c.var.deps, c.var.county.tenant.countyCode, c.var.deps.now());
  return new AppError(
    "too_many",
    "CHALLENGE_REQUIRED",
    "当前提交较多，请稍候：页面完成一次安全验证后会自动提交",
    challenge,
  );
}
