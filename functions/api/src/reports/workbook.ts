import type { CellValue, Workbook, Worksheet } from "exceljs";

/**
 * Every Excel workbook the API sends is built here: `newWorkbook` + `sheet`, whose rows and headers are
 * neutralised on the way in. No import-time side effects: exceljs is large
 * and loaded on the first workbook only (the bundle may also split it into a chunk of its own).
 */

/**
 * What makes a spreadsheet take a cell for a formula (OWASP "CSV / formula injection"): `= + - @`,
 * also after leading blanks, their full-width forms (a Chinese input method types those), or a leading
 * tab or carriage return.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

/** A cell value from user data, kept as text: a leading `'` when it could be read as a formula. */
export function neutralise<T>(value: T): T | string {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

type RowData = CellValue[] | Record<string, CellValue>;
const neutraliseRow = (data: RowData): RowData =>
  Array.isArray(data)
    ? data.map(neutralise)
    : Object.fromEntries(Object.entries(data).map(([k, v]) => [k, neutralise(v)]));

/** A new workbook (exceljs loaded on first use). */
export async function newWorkbook(title?: string): Promise<Workbook> {
  const mod = await import("exceljs");
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const wb = new ExcelJS.Workbook();
  wb.creator = "维权通";
  wb.created = new Date();
  if (title) wb.title = String(neutralise(title));
  return wb;
}

/**
 * A sheet whose first row is the (bold, frozen) header. Its headers and every row added with `addRow` /
 * `addRows` are neutralised; a value set on a cell directly must go through `neutralise`.
 */
export function sheet(
  wb: Workbook,
  name: string,
  columns: { header: string; width: number; numFmt?: string }[],
): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: String(neutralise(c.header)),
    width: c.width,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  const addRow = ws.addRow.bind(ws);
  const addRows = ws.addRows.bind(ws);
  ws.addRow = (data: RowData, style?: string) => addRow(neutraliseRow(data), style);
  ws.addRows = (rows: RowData[], style?: string) => addRows(rows.map(neutraliseRow), style);
  return ws;
}
