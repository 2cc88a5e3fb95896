import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { RoundItemRecord, RoundProgress, RoundRecord, TimelineEvent } from "@weiquan/domain";
import { T, TQ, withoutKeys } from "../../keys.ts";
import { queryOf, queryPage, queryPages } from "../../query.ts";
import type { TenantTable } from "../../tenant-access.ts";
import { ifConditionHolds, putIf, type TransactItem, transact } from "../../writes.ts";
import { type FiguresAdd, rollupAdds } from "../figures-write.ts";

/** At most this many items (round items + rollup updates) per transaction, under DynamoDB's 100. */
const TRANSACTION_ITEMS = 100;

/**
 * Sampling rounds. A round's header and its items share the round's partition; the id is built from
 * month and scope by the caller, so the header's put-if-absent is also the "one round per month and scope"
 * rule. A draw writes the header first (status "drawing", with the seed), then the items in transactions
 * that each carry their own rollup counters and fail whole if their items exist — so a draw interrupted
 * half-way is finished by drawing again with the recorded seed, and nothing is counted twice.
 */
export class RoundsRepository {
  constructor(private readonly t: TenantTable) {}

  private item(r: RoundRecord) {
    return { ...T.round(r.id), ...T.roundIndex(r.month, r.scopePath, r.id), ...r };
  }

  /** Writes a new round's header; false if the month and scope already have one. */
  async claim(r: RoundRecord): Promise<boolean> {
    return putIf(this.t.doc, this.t.tableName, this.item(r), "attribute_not_exists(PK)");
  }

  async header(id: string): Promise<RoundRecord | null> {
    const out = await this.t.doc.send(
      new GetCommand({ TableName: this.t.tableName, Key: T.round(id), ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<RoundRecord>(out.Item) : null;
  }

  /** The header and every item (one query: the round's partition, bounded by the round's size). */
  async read(id: string): Promise<{ header: RoundRecord; items: RoundItemRecord[] } | null> {
    let header: RoundRecord | null = null;
    const items: RoundItemRecord[] = [];
    for await (const page of queryPages(
      this.t.doc,
      queryOf(this.t.tableName, TQ.roundWithItems(id), { ConsistentRead: true }),
    )) {
      for (const i of page.Items ?? []) {
        if (T.isRoundItem(i)) header = withoutKeys<RoundRecord>(i);
        else items.push(withoutKeys<RoundItemRecord>(i));
      }
    }
    return header ? { header, items } : null;
  }

  async getItem(id: string, caseId: string): Promise<RoundItemRecord | null> {
    const out = await this.t.doc.send(
      new GetCommand({ TableName: this.t.tableName, Key: T.roundItem(id, caseId), ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<RoundItemRecord>(out.Item) : null;
  }

  /**
   * Writes a drawn round's items with their rollup counters, in transactions of at most 100 writes (items
   * plus the distinct unit × month rollups they touch). A transaction whose items exist already was
   * written by an earlier attempt of the same draw and is skipped whole.
   */
  async writeItems(
    items: readonly RoundItemRecord[],
    figuresOf: (i: RoundItemRecord) => FiguresAdd,
  ): Promise<void> {
    let chunk: RoundItemRecord[] = [];
    const flush = async () => {
      if (!chunk.length) return;
      const writes: TransactItem[] = [
        ...chunk.map((i) => ({
          Put: {
            TableName: this.t.tableName,
            Item: { ...T.roundItem(i.roundId, i.caseId), ...i },
            ConditionExpression: "attribute_not_exists(PK)",
          },
        })),
        ...rollupAdds(this.t.tableName, chunk.map(figuresOf)),
      ];
      await transact(this.t.doc, writes);
      chunk = [];
    };
    for (const item of items) {
      const next = [...chunk, item];
      const size = next.length + rollupAdds(this.t.tableName, next.map(figuresOf)).length;
      if (size > TRANSACTION_ITEMS) await flush();
      chunk.push(item);
    }
    await flush();
  }

  /** Marks a drawn round ready (once its items are written). */
  async finish(id: string, progress: RoundProgress): Promise<boolean> {
    return ifConditionHolds(
      this.t.doc.send(
        new UpdateCommand({
          TableName: this.t.tableName,
          Key: T.round(id),
          UpdateExpression: "SET #status = :ready, progress = :progress",
          ConditionExpression: "#status = :drawing",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":ready": "ready", ":drawing": "drawing", ":progress": progress },
        }),
      ),
    );
  }

  /** A page of a year's rounds, oldest month first. */
  async listYear(
    year: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: RoundRecord[]; nextCursor: string | null }> {
    return queryPage<RoundRecord>(this.t.doc, this.t.tableName, TQ.roundsOfYear(year), limit, cursor);
  }

  /**
   * Records one callback attempt: the item (if still at the attempts it was read with), the round's
   * progress and version, the case's timeline entry, and the caller's other items (rollups, follow-up,
   * notice). False if someone recorded an attempt on the item meanwhile.
   */
  async recordCallback(w: {
    item: RoundItemRecord;
    expectedAttempts: number;
    progress: Partial<RoundProgress>;
    event: TimelineEvent;
    figures: FiguresAdd[];
    extra: TransactItem[];
  }): Promise<boolean> {
    const { item } = w;
    const names: Record<string, string> = { "#p": "progress" };
    const values: Record<string, unknown> = { ":one": 1 };
    const adds = Object.entries(w.progress).map(([k, v], i) => {
      names[`#k${i}`] = k;
      values[`:v${i}`] = v;
      return `#p.#k${i} :v${i}`;
    });
    const result = await transact(this.t.doc, [
      {
        Put: {
          TableName: this.t.tableName,
          Item: { ...T.roundItem(item.roundId, item.caseId), ...item },
          ConditionExpression: "attempts = :a",
          ExpressionAttributeValues: { ":a": w.expectedAttempts },
        },
      },
      {
        Update: {
          TableName: this.t.tableName,
          Key: T.round(item.roundId),
          UpdateExpression: `ADD version :one${adds.length ? `, ${adds.join(", ")}` : ""}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      {
        Put: {
          TableName: this.t.tableName,
          // 9000 + attempt: never the number of a workflow event (version × 10), unique per attempt.
          Item: { ...T.caseEvent(item.caseId, w.event.at, 9000 + item.attempts), ...w.event },
        },
      },
      ...rollupAdds(this.t.tableName, w.figures),
      ...w.extra,
    ]);
    return result.ok;
  }
}
