import { z } from "zod";

/**
 * A record after a PATCH body's changes: an omitted field stays, `null` clears an optional one, anything
 * else replaces it. The version bump and derived fields are the caller's.
 */
export function applyPatch<T extends object>(record: T, changes: Record<string, unknown>): T {
  const next = { ...record } as Record<string, unknown>;
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) continue;
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return next as T;
}

/** Who created a record and when, and its version: the fields every capacity record carries. */
export const RecordStamp = {
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
};
