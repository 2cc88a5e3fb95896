import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { AssessmentHeader, Sheet, Template } from "@weiquan/domain";
import { isConditionFailure } from "../client.ts";
import { T, TQ, withoutKeys } from "../keys.ts";
import { queryOf, queryPage, queryPages } from "../query.ts";
import type { TenantTable } from "../tenant-access.ts";
import { putIf, type TransactItem, transact } from "../writes.ts";
import { batchWrite } from "./rollups.ts";

/** A template as stored (`assessmentId` absent until an assessment uses it). */
export type TemplateRecord = Omit<Template, "assessmentId"> & { assessmentId?: string };

/** A sheet as stored: the unit's path when the assessment was made (tree order, subtree visibility). */
export type SheetRecord = Sheet & { path: string };

/** A header as stored: `sheetsRev` moves with every scored sheet, so finalize knows it read them all. */
export type AssessmentRecord = AssessmentHeader & { sheetsRev: number };

/**
 * Annual assessments: templates, the assessment header and one sheet per unit in the header's
 * partition. Creating and finalizing write up to one item per unit of the network, so they run in
 * batches under a header status (`creating`, `finalizing`) that blocks scoring and lets a retry resume.
 */
export class AssessmentsRepository {
  constructor(private readonly t: TenantTable) {}

  // Templates

  /** The transaction item that writes a new template. */
  newTemplate(tpl: TemplateRecord): TransactItem {
    return {
      Put: {
        TableName: this.t.tableName,
        Item: this.templateItem(tpl),
        ConditionExpression: "attribute_not_exists(PK)",
      },
    };
  }

  /** Replaces a template still at `expectedVersion` and unused; false otherwise (the caller re-reads why). */
  async replaceTemplate(tpl: TemplateRecord, expectedVersion: number): Promise<boolean> {
    return putIf(
      this.t.doc,
      this.t.tableName,
      this.templateItem(tpl),
      "version = :v AND attribute_not_exists(assessmentId)",
      { ":v": expectedVersion },
    );
  }

  async getTemplate(id: string): Promise<TemplateRecord | null> {
    return this.get<TemplateRecord>(T.assessmentTemplate(id));
  }

  async listTemplates(year: string | undefined, limit: number, cursor?: string) {
    return queryPage<TemplateRecord>(
      this.t.doc,
      this.t.tableName,
      TQ.assessmentTemplates(year),
      limit,
      cursor,
      {
        ScanIndexForward: false,
      },
    );
  }

  private templateItem = (tpl: TemplateRecord) => ({
    ...T.assessmentTemplate(tpl.id),
    ...T.assessmentTemplateIndex(tpl.year, tpl.id),
    ...tpl,
  });

  // Assessment header

  /**
   * Starts an assessment: the header (`creating`) and the template's mark that it is in use, in one
   * transaction. False if the template changed or was taken meanwhile.
   */
  async begin(header: AssessmentRecord, template: TemplateRecord): Promise<boolean> {
    const out = await transact(this.t.doc, [
      {
        Put: {
          TableName: this.t.tableName,
          Item: { ...T.assessment(header.id), ...T.assessmentIndex(header.year, header.id), ...header },
          ConditionExpression: "attribute_not_exists(PK)",
        },
      },
      {
        Update: {
          TableName: this.t.tableName,
          Key: T.assessmentTemplate(template.id),
          UpdateExpression: "SET assessmentId = :a, version = version + :one",
          ConditionExpression: "version = :v AND attribute_not_exists(assessmentId)",
          ExpressionAttributeValues: { ":a": header.id, ":v": template.version, ":one": 1 },
        },
      },
    ]);
    return out.ok;
  }

  async get<R>(key: Record<string, string>): Promise<R | null> {
    const out = await this.t.doc.send(
      new GetCommand({ TableName: this.t.tableName, Key: key, ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<R>(out.Item) : null;
  }

  async getHeader(id: string): Promise<AssessmentRecord | null> {
    return this.get<AssessmentRecord>(T.assessment(id));
  }

  async listHeaders(year: string | undefined, limit: number, cursor?: string) {
    return queryPage<AssessmentRecord>(this.t.doc, this.t.tableName, TQ.assessments(year), limit, cursor, {
      ScanIndexForward: false,
    });
  }

  /**
   * Moves the header from one status to the next with the given changes; false if it was no longer in
   * `from` (or `sheetsRev` moved, when given). The version moves with every status change.
   */
  async advance(
    id: string,
    from: string,
    set: Record<string, unknown>,
    expect: { sheetsRev?: number; noSignOff?: boolean } = {},
  ): Promise<AssessmentRecord | null> {
    const names: Record<string, string> = { "#status": "status", "#version": "version" };
    const values: Record<string, unknown> = { ":from": from, ":one": 1 };
    const sets = ["#version = #version + :one"];
    Object.entries(set).forEach(([k, v], i) => {
      names[`#s${i}`] = k;
      values[`:s${i}`] = v;
      sets.push(`#s${i} = :s${i}`);
    });
    const conditions = ["#status = :from"];
    if (expect.sheetsRev !== undefined) {
      values[":rev"] = expect.sheetsRev;
      conditions.push("sheetsRev = :rev");
    }
    if (expect.noSignOff) conditions.push("(attribute_not_exists(signOff) OR signOff = :null)");
    if (expect.noSignOff) values[":null"] = null;
    try {
      const out = await this.t.doc.send(
        new UpdateCommand({
          TableName: this.t.tableName,
          Key: T.assessment(id),
          UpdateExpression: `SET ${sets.join(", ")}`,
          ConditionExpression: conditions.join(" AND "),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: "ALL_NEW",
        }),
      );
      return withoutKeys<AssessmentRecord>(out.Attributes ?? {});
    } catch (e) {
      if (isConditionFailure(e)) return null;
      throw e;
    }
  }

  /** Records how many sheets are written so far (shown while `creating`). */
  async progress(id: string, done: number): Promise<void> {
    await this.t.doc.send(
      new UpdateCommand({
        TableName: this.t.tableName,
        Key: T.assessment(id),
        UpdateExpression: "SET progress.done = :d",
        ExpressionAttributeValues: { ":d": done },
      }),
    );
  }

  // Sheets

  private sheetItem = (s: SheetRecord) => ({
    ...T.assessmentSheet(s.assessmentId, s.unitId),
    ...T.assessmentSheetTree(s.assessmentId, s.path),
    ...(s.rank !== null ? T.assessmentSheetRank(s.assessmentId, s.unitType, s.rank, s.path) : {}),
    ...s,
  });

  /**
   * Writes whole sheets (creating and finalizing, while scoring is blocked): BatchWriteItem requests of
   * 25, all of them in flight at once — the caller passes a bounded slice.
   */
  async putSheets(sheets: readonly SheetRecord[]): Promise<void> {
    const requests = sheets.map((s) => ({ PutRequest: { Item: this.sheetItem(s) } }));
    const chunks = Array.from({ length: Math.ceil(requests.length / 25) }, (_, i) =>
      requests.slice(i * 25, i * 25 + 25),
    );
    await Promise.all(chunks.map((c) => batchWrite(this.t, c)));
  }

  /** Every sheet of an assessment (finalize, resume, the workbook): O(units), never on a list request. */
  async allSheets(id: string): Promise<SheetRecord[]> {
    const out: SheetRecord[] = [];
    for await (const page of queryPages(
      this.t.doc,
      queryOf(this.t.tableName, TQ.assessmentSheets(id), { ConsistentRead: true }),
    )) {
      for (const i of page.Items ?? []) out.push(withoutKeys<SheetRecord>(i));
    }
    return out;
  }

  async getSheet(id: string, unitId: string): Promise<SheetRecord | null> {
    return this.get<SheetRecord>(T.assessmentSheet(id, unitId));
  }

  /** A page of sheets in tree order (optionally below a path), or by rank once finalized. */
  async listSheets(
    id: string,
    opts: { order: "tree" | "rank"; pathPrefix?: string },
    limit: number,
    cursor?: string,
  ): Promise<{ items: SheetRecord[]; nextCursor: string | null }> {
    const p =
      opts.order === "rank" ? TQ.assessmentSheetRanks(id) : TQ.assessmentSheetTree(id, opts.pathPrefix);
    return queryPage<SheetRecord>(this.t.doc, this.t.tableName, p, limit, cursor);
  }

  /**
   * Writes a scored sheet if it is still at `expectedVersion` and the assessment still scoring, moving
   * the header's count of unscored items and its `sheetsRev` in the same transaction. Returns which
   * condition failed: the sheet's version, or the assessment's status.
   */
  async scoreSheet(
    next: SheetRecord,
    expectedVersion: number,
    unscoredDelta: number,
    /** Condition-checked items linking the evidence files the scores name (after the two below). */
    links: readonly TransactItem[] = [],
  ): Promise<"ok" | "stale" | "not_scoring" | "link_taken"> {
    const out = await transact(this.t.doc, [
      {
        Put: {
          TableName: this.t.tableName,
          Item: this.sheetItem(next),
          ConditionExpression: "version = :v",
          ExpressionAttributeValues: { ":v": expectedVersion },
        },
      },
      {
        Update: {
          TableName: this.t.tableName,
          Key: T.assessment(next.assessmentId),
          UpdateExpression: "ADD unscoredItems :d, sheetsRev :one",
          ConditionExpression: "#status = :scoring",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":d": unscoredDelta, ":one": 1, ":scoring": "scoring" },
        },
      },
      ...links,
    ]);
    if (out.ok) return "ok";
    if (out.failed.includes(1)) return "not_scoring";
    return out.failed.includes(0) ? "stale" : "link_taken";
  }
}
