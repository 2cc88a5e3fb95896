import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { CapacityNoticeKind, CaseNoticeKind, NoticeDraft, SupervisionNoticeKind } from "@weiquan/domain";
import { ulid } from "ulid";
import { T, TQ, withoutKeys } from "../keys.ts";
import { queryPage } from "../query.ts";
import type { TenantTable } from "../tenant-access.ts";
import { type TransactItem, transact } from "../writes.ts";

/** A console notice for a unit: a case it handles is overdue, or something supervision tells it. */
export interface NoticeRecord {
  /** Opaque to callers: the notice's sort key within its unit, so reading it back is one GetItem. */
  id: string;
  kind: "overdue" | SupervisionNoticeKind | CapacityNoticeKind | CaseNoticeKind;
  unitId: string;
  /** When the notice was written. */
  at: string;
  caseId?: string;
  trackingNo?: string;
  subject?: string;
  /** The deadline that lapsed (overdue), or the one to meet. */
  dueBy?: string;
  /** The sentence to show (supervision notices). */
  text?: string;
  /** What the notice opens (supervision notices). */
  ref?: NoticeDraft["ref"];
  read: boolean;
}

const idOfSortKey = (sk: string) => Buffer.from(sk).toString("base64url");

/** The id of the notice a draft with a `dedupeKey` became (to mark it read from elsewhere). */
export const noticeIdOf = (d: Pick<NoticeDraft, "unitId" | "at" | "kind"> & { dedupeKey: string }) =>
  idOfSortKey(T.notice(d.unitId, d.at, `${d.kind}.${d.dedupeKey}`).SK);
const sortKeyOfId = (id: string) => Buffer.from(id, "base64url").toString("utf8");

/**
 * A unit's notices live in its own partition, newest first, with the unread count kept beside them in
 * the same transactions that add or read a notice — so the console's badge is one GetItem.
 */
export class NoticesRepository {
  constructor(private readonly t: TenantTable) {}

  /**
   * The items that add an overdue notice, keyed by the lapsed deadline and the case: a second write of
   * the same lapse fails its condition instead of notifying twice.
   */
  overdueNotice(n: {
    unitId: string;
    at: string;
    caseId: string;
    trackingNo: string;
    subject: string;
    dueBy: string;
  }): TransactItem[] {
    return this.added(T.notice(n.unitId, n.dueBy, `overdue.${n.caseId}`), { ...n, kind: "overdue" });
  }

  /**
   * The items that add a supervision notice. With a `dedupeKey` the notice's key is built from it and
   * `at` alone, so writing the same notice again fails its condition (the caller treats that as done).
   */
  draftItems(d: NoticeDraft): TransactItem[] {
    const { dedupeKey, ...fields } = d;
    return this.added(T.notice(d.unitId, d.at, `${d.kind}.${dedupeKey ?? ulid()}`), fields);
  }

  /** A new unread notice under `key` (never over an existing one) and its unit's unread count. */
  private added(key: { PK: string; SK: string }, fields: Omit<NoticeRecord, "id" | "read">): TransactItem[] {
    const item: NoticeRecord = { ...fields, id: idOfSortKey(key.SK), read: false };
    return [
      {
        Put: {
          TableName: this.t.tableName,
          Item: { ...key, ...item },
          ConditionExpression: "attribute_not_exists(PK)",
        },
      },
      this.unreadDelta(fields.unitId, 1),
    ];
  }

  private unreadDelta(unitId: string, delta: number): TransactItem {
    return {
      Update: {
        TableName: this.t.tableName,
        Key: T.noticeUnread(unitId),
        UpdateExpression: "ADD unread :d",
        ExpressionAttributeValues: { ":d": delta },
      },
    };
  }

  /** A page of a unit's notices, newest first, and how many are unread. */
  async list(
    unitId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: NoticeRecord[]; nextCursor: string | null; unread: number }> {
    const [page, counter] = await Promise.all([
      queryPage<NoticeRecord>(this.t.doc, this.t.tableName, TQ.notices(unitId), limit, cursor, {
        ScanIndexForward: false,
      }),
      this.t.doc.send(new GetCommand({ TableName: this.t.tableName, Key: T.noticeUnread(unitId) })),
    ]);
    return { ...page, unread: Math.max(0, (counter.Item?.unread as number | undefined) ?? 0) };
  }

  /**
   * Marks one of the unit's notices read. Null if the unit has no such notice (another unit's id finds
   * nothing: the key is always built from the caller's own unit). Reading it twice counts once.
   */
  async markRead(unitId: string, id: string): Promise<NoticeRecord | null> {
    const sk = sortKeyOfId(id);
    if (!sk.includes("#")) return null;
    const key = T.noticeBySortKey(unitId, sk);
    const get = async () => {
      const out = await this.t.doc.send(
        new GetCommand({ TableName: this.t.tableName, Key: key, ConsistentRead: true }),
      );
      return out.Item ? withoutKeys<NoticeRecord>(out.Item) : null;
    };
    const found = await get();
    if (!found || found.read) return found;
    const result = await transact(this.t.doc, [
      {
        Update: {
          TableName: this.t.tableName,
          Key: key,
          UpdateExpression: "SET #read = :true",
          ConditionExpression: "#read = :false",
          ExpressionAttributeNames: { "#read": "read" },
          ExpressionAttributeValues: { ":true": true, ":false": false },
        },
      },
      this.unreadDelta(unitId, -1),
    ]);
    // Failed condition: someone else marked it read meanwhile, and counted it.
    return result.ok ? { ...found, read: true } : get();
  }
}
