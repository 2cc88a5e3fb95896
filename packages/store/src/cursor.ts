import { Invalid } from "@weiquan/domain";
import { z } from "zod";

const KeyShape = z.record(z.string(), z.union([z.string(), z.number()]));

/** Opaque list cursor: the last evaluated key, base64url JSON. */
export const encodeCursor = (key: Record<string, unknown> | undefined): string | null =>
  key ? Buffer.from(JSON.stringify(key)).toString("base64url") : null;

/** A cursor that is not one of ours (or names foreign keys) is a 400, never a 500. */
export function decodeCursor(
  cursor: string | undefined,
  allowedKeys: readonly string[],
): Record<string, string | number> | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = KeyShape.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    const keys = Object.keys(parsed);
    if (keys.length === 0 || keys.some((k) => !allowedKeys.includes(k))) throw new Error("foreign key");
    return parsed;
  } catch {
    throw Invalid(
      "分页游标无效",
      [{ path: "cursor", message: "not a cursor issued by this API" }],
      "INVALID_CURSOR",
    );
  }
}
