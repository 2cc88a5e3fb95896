import { randomBytes } from "node:crypto";
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { type LedgerRow, newCase, workCalendar } from "@weiquan/domain";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { documentClient, localDynamoClient } from "../client.ts";
import { T } from "../keys.ts";
import { ensureTable } from "../provisioning/create-table.ts";
import { tenantTableDefinition } from "../table-definition.ts";
import type { TenantTable } from "../tenant-access.ts";
import { CasesRepository, LEDGER_READ_BUDGET } from "./cases.ts";
import { phoneKeyOf } from "./phone-key.ts";

/**
 * A unit's ledger of 600 rows, one a minute going back from Monday 2026-11-23 10:00 Shanghai; the only
 * row about a 电动车 is the 550th newest, and the only one of a consumer phoning from 022-29241234. A filter that rarely matches reads a bounded number of rows per
 * request and hands back a cursor, never the whole ledger at once.
 */
let table: TenantTable;
const ROWS = 600;
const RARE_AT = 550;
const LANDLINE = "022-29241234";

beforeAll(async () => {
  const client = localDynamoClient(inject("dynamoEndpoint"));
  const tableName = `ledger-${randomBytes(4).toString("hex")}`;
  await ensureTable(client, tableName, tenantTableDefinition);
  table = { tenantId: "t", tableName, doc: documentClient(client) };
  const cal = workCalendar([]);
  const unit = { id: "P", name: "点", type: "point", status: "active", path: "B/P" };
  const actor = { userId: "u", name: "员", unitId: "P" };
  const rows: LedgerRow[] = Array.from({ length: ROWS }, (_, i) => {
    const now = new Date(Date.parse("2026-11-23T10:00:00+08:00") - i * 60_000);
    const subject = i + 1 === RARE_AT ? "电动车电池鼓包" : `冰箱不制冷 ${i}`;
    const input = {
      kind: "consultation",
      channel: "phone",
      category: "goods.daily",
      subject,
      description: "-",
    } as const;
    return newCase({ ...input, consumer: { name: "张三", phone: "13812348000" } }, actor, {
      now,
      cal,
      id: `C${String(i).padStart(5, "0")}`,
      trackingNo: `1201152026112${String(i).padStart(5, "0")}`,
      unit,
    }).effects.ledger.row;
  });
  for (let i = 0; i < rows.length; i += 25)
    await table.doc.send(
      new BatchWriteCommand({
        RequestItems: {
          [tableName]: rows.slice(i, i + 25).map((r) => ({
            PutRequest: {
              Item: {
                ...T.ledgerEntry("P", r.receivedAt, r.id),
                ...r,
                // As `CasesRepository.write` keys a row's consumer phone.
                phoneKey: phoneKeyOf("t", r.subject.startsWith("电动车") ? LANDLINE : "13812348000"),
              },
            },
          })),
        },
      }),
    );
}, 120_000);

describe("a ledger page", () => {
  it("without a filter reads exactly the page asked for", async () => {
    const page = await new CasesRepository(table).ledger("P", {}, 50);
    expect(page.items).toHaveLength(50);
    expect(page.items[0]!.subject).toBe("冰箱不制冷 0");
    const next = await new CasesRepository(table).ledger("P", {}, 50, page.nextCursor!);
    expect(next.items[0]!.subject).toBe("冰箱不制冷 50");
  });

  it("with a rare filter reads at most its budget, answers fewer items and a cursor, and finds the match later", async () => {
    const cases = new CasesRepository(table);
    const seen: string[] = [];
    let cursor: string | undefined;
    let requests = 0;
    const first = await cases.ledger("P", { text: "电动车" }, 50);
    expect(first).toMatchObject({ items: [], nextCursor: expect.any(String) });
    do {
      const page = await cases.ledger("P", { text: "电动车" }, 50, cursor);
      requests++;
      seen.push(...page.items.map((r) => r.subject));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && requests < 10);
    expect(seen).toEqual(["电动车电池鼓包"]);
    // 600 rows at no more than LEDGER_READ_BUDGET a request: the match comes with the second request.
    expect(requests).toBe(Math.ceil(ROWS / LEDGER_READ_BUDGET));
  });

  it("by phone, is as bounded as any filter, and answers the row without the phone's key", async () => {
    const cases = new CasesRepository(table);
    const first = await cases.ledger("P", { phone: "02229241234" }, 50);
    expect(first).toMatchObject({ items: [], nextCursor: expect.any(String) });
    const second = await cases.ledger("P", { phone: "022 29241234" }, 50, first.nextCursor!);
    expect(second.items.map((r) => r.subject)).toEqual(["电动车电池鼓包"]);
    expect(second.items[0]).not.toHaveProperty("phoneKey");
    expect(second.nextCursor).toBeNull();
  });

  it("stops mid-page when the page is full and goes on from the last row returned", async () => {
    const cases = new CasesRepository(table);
    const first = await cases.ledger("P", { kind: "consultation" }, 30);
    const second = await cases.ledger("P", { kind: "consultation" }, 30, first.nextCursor!);
    expect(first.items.map((r) => r.subject).at(-1)).toBe("冰箱不制冷 29");
    expect(second.items[0]!.subject).toBe("冰箱不制冷 30");
  });

  it("refuses a cursor of another unit's ledger", async () => {
    const page = await new CasesRepository(table).ledger("P", {}, 5);
    await expect(new CasesRepository(table).ledger("Q", {}, 5, page.nextCursor!)).rejects.toMatchObject({
      code: "INVALID_CURSOR",
    });
  });
});
