import { AsyncLocalStorage } from "node:async_hooks";
import { createHmac, type KeyObject, timingSafeEqual } from "node:crypto";
import { Invalid } from "@weiquan/domain";
import { z } from "zod";

const KeyShape = z.record(z.string(), z.union([z.string(), z.number()]));

/**
 * Who may continue a list: a cursor is sealed with an HMAC over its key and this scope (the tenant, the
 * user, their role and unit, the list's path and filters), so a cursor is only good for the caller and
 * the list it was issued for. `key: null` seals nothing and accepts nothing: a request outside an
 * authenticated route has no list to continue.
 */
export interface CursorSeal {
  /** A KeyObject made once per process spares each MAC making one from the bytes. */
  key: Uint8Array | KeyObject | null;
  scope: string;
}

const sealing = new AsyncLocalStorage<CursorSeal>();

/** Runs `fn` with every cursor encoded or decoded inside it sealed to `seal`. */
export const withCursorSeal = <T>(seal: CursorSeal, fn: () => T): T => sealing.run(seal, fn);

const MAC_BYTES = 16;
type Sealed = CursorSeal & { key: Uint8Array | KeyObject };
const macOf = (seal: Sealed, payload: string) =>
  createHmac("sha256", seal.key).update(`${seal.scope}\n${payload}`).digest().subarray(0, MAC_BYTES);

const invalid = () =>
  Invalid(
    "分页游标无效",
    [{ path: "cursor", message: "not a cursor issued by this API for this list" }],
    "INVALID_CURSOR",
  );

function withoutSeal(): never {
  throw new Error("a list cursor outside an authenticated request (no seal)");
}

/**
 * The payload of a cursor sealed for the current scope, or a 400 `INVALID_CURSOR`: checked by the
 * request's middleware before a route looks anything up, so a forged cursor is refused on its own (never
 * a 404 of the id it came with), and again where the cursor is decoded.
 */
export function unsealed(cursor: string): string {
  const seal = sealing.getStore();
  if (!seal?.key) throw invalid();
  const dot = cursor.lastIndexOf(".");
  if (dot < 0) throw invalid();
  const payload = cursor.slice(0, dot);
  const given = Buffer.from(cursor.slice(dot + 1), "base64url");
  const expected = macOf(seal as Sealed, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  return payload;
}

/**
 * The list cursor of a last evaluated key: base64url JSON, followed (inside a request) by `.` and the
 * seal. Outside a request (offline jobs paging through a table) cursors are plain.
 */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  if (!key) return null;
  const payload = Buffer.from(JSON.stringify(key)).toString("base64url");
  const seal = sealing.getStore();
  if (!seal) return payload;
  if (!seal.key) withoutSeal();
  return `${payload}.${macOf(seal as Sealed, payload).toString("base64url")}`;
}

/**
 * The key of a cursor this API issued to this caller for this list. Anything else — forged, edited,
 * another caller's or another list's, naming foreign key attributes — is a 400 `INVALID_CURSOR`, never a
 * query DynamoDB refuses (a 500).
 */
export function decodeCursor(
  cursor: string | undefined,
  allowedKeys: readonly string[],
): Record<string, string | number> | undefined {
  if (!cursor) return undefined;
  const payload = sealing.getStore() ? unsealed(cursor) : cursor;
  try {
    const parsed = KeyShape.parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    const keys = Object.keys(parsed);
    if (keys.length === 0 || keys.some((k) => !allowedKeys.includes(k))) throw new Error("foreign key");
    return parsed;
  } catch {
    throw invalid();
  }
}
