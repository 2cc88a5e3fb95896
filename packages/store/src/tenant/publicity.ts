import { type Publicity, unitIdsOf } from "@weiquan/domain";
import { T, TQ } from "../keys.ts";
import type { TenantTable } from "../tenant-access.ts";
import type { TransactItem } from "../writes.ts";
import { boundedPage, deleteItem, deleteRecord, getRecord, putItem, putRecord } from "./records.ts";

/** Publicity events: the record, plus a row in the list of each unit on its unit's path. */
export class PublicityRepository {
  constructor(private readonly t: TenantTable) {}

  get(id: string) {
    return getRecord<Publicity>(this.t, T.publicity(id));
  }

  /** The record and its rows for the units of `path` (the old rows go with `removeRows`). */
  put(p: Publicity, path: string, expectedVersion?: number): TransactItem[] {
    return [
      putRecord(this.t, { ...T.publicity(p.id), ...p }, expectedVersion),
      ...unitIdsOf(path).map((unitId) =>
        putItem(this.t, { ...T.publicityRow(unitId, p.heldAt, p.id), ...p }),
      ),
    ];
  }

  /** The rows of `p` as it was (its date may be about to change). */
  removeRows(p: Publicity, path: string): TransactItem[] {
    return unitIdsOf(path).map((unitId) => deleteItem(this.t, T.publicityRow(unitId, p.heldAt, p.id)));
  }

  delete(p: Publicity, path: string): TransactItem[] {
    return [deleteRecord(this.t, T.publicity(p.id), p.version), ...this.removeRows(p, path)];
  }

  /** A unit's subtree's events, newest first, between two instants, optionally of one kind. */
  list(q: { unitId: string; from: string; to: string; kind?: string; limit: number; cursor?: string }) {
    return boundedPage<Publicity>(this.t, TQ.publicityOf(q.unitId, q.from, `${q.to}~`), {
      limit: q.limit,
      cursor: q.cursor,
      extras: {
        ScanIndexForward: false,
        ...(q.kind && {
          FilterExpression: "#kind = :kind",
          ExpressionAttributeNames: { "#kind": "kind" },
          ExpressionAttributeValues: { ":kind": q.kind },
        }),
      },
    });
  }
}
