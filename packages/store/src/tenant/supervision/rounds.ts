import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { RoundItemRecord, RoundProgress, RoundRecord, TimelineEvent } from "@weiquan/domain";
import { T, TQ, withoutKeys } from "../../keys.ts";
import { queryOf, queryPage, queryPages } from "../../query.ts";
import type { TenantTable } from "../../tenant-access.ts";
import { ifConditionHolds, putIf, type TransactItem, transact } from "../../writes.ts";
import { type FiguresAdd, rollupAdds } from "../figures-write.ts";
import { batchWrite } from "../rollups.ts";

/** DynamoDB's most items per transaction. */
const TRANSACTION_ITEMS = 100;
/** How many batches or transactions of a draw run at once. */
const PARALLEL = 8;

/** Runs `job` over `inputs`, at most `n` at a time. */
async function inParallel<I>(inputs: readonly I[], n: number, job: (input: I) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) await job(inputs[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(n, inputs.length) }, worker));
}

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
        else if (T.isRoundSample(i)) items.push(withoutKeys<RoundItemRecord>(i));
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
   * Writes a drawn round's items and what they add to the figures, fast enough for a county's whole
   * network (~1,200 units) and safe to redo. The items are the same on every redo of the draw, so they go
   * in parallel batches. The figures are summed per unit × month first (~1,200 updates for a county) and
   * written in parallel transactions of 99 updates plus a marker item of the round: a transaction that an
   * earlier attempt of the same draw wrote finds its marker, fails whole and is skipped — nothing is
   * counted twice. (Transactions rather than single conditional updates: a tenth of the requests.)
   */
  async writeDraw(
    roundId: string,
    items: readonly RoundItemRecord[],
    figures: readonly FiguresAdd[],
  ): Promise<void> {
    const puts = items.map((i) => ({ PutRequest: { Item: { ...T.roundItem(i.roundId, i.caseId), ...i } } }));
    const batches = Array.from({ length: Math.ceil(puts.length / 25) }, (_, k) =>
      puts.slice(k * 25, k * 25 + 25),
    );
    await inParallel(batches, PARALLEL, (b) => batchWrite(this.t, b));
    const updates = rollupAdds(this.t.tableName, figures);
    const size = TRANSACTION_ITEMS - 1;
    const chunks = Array.from({ length: Math.ceil(updates.length / size) }, (_, k) => ({
      k,
      updates: updates.slice(k * size, (k + 1) * size),
    }));
    await inParallel(chunks, PARALLEL, (c) =>
      transact(this.t.doc, [
        ...c.updates,
        {
          Put: {
            TableName: this.t.tableName,
            Item: T.roundFigures(roundId, c.k),
            ConditionExpression: "attribute_not_exists(PK)",
          },
        },
      ]),
    );
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
