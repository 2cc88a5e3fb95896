import {
  belowPrefix,
  type FindingRecord,
  findingGaugeDeltas,
  type GaugeDelta,
  type InspectionRecord,
  type NoticeDraft,
} from "@weiquan/domain";
import { T, TQ, withoutKeys } from "../../keys.ts";
import { queryOf, queryPages } from "../../query.ts";
import type { TenantTable } from "../../tenant-access.ts";
import { type TransactItem, transact } from "../../writes.ts";
import { type FiguresAdd, gaugeAdd, rollupAdds } from "../figures-write.ts";
import { NoticesRepository } from "../notices.ts";
import { indexPage } from "./paged.ts";

/** What the dashboard and the daily job read of an overdue finding. */
export type OverdueFinding = Pick<
  FindingRecord,
  "id" | "inspectionId" | "unitId" | "unitPath" | "text" | "dueBy" | "overdueNoticed"
>;

/** A change of an inspection decided by the domain, as the store writes it. */
export interface InspectionWrite {
  record: InspectionRecord;
  findings: readonly FindingRecord[];
  figures: readonly FiguresAdd[];
  notices: readonly NoticeDraft[];
  /** Items linking the files the change names (photos, evidence), each condition-checked. */
  links?: readonly TransactItem[];
  /** The findings as the decision read them (none for a new inspection): the overdue gauges move from them. */
  before?: readonly FindingRecord[];
}

/** The gauge updates of several deltas, one per unit (a transaction may touch an item only once). */
function gaugeAdds(tableName: string, deltas: readonly GaugeDelta[]): TransactItem[] {
  const sums = new Map<string, Record<string, number>>();
  for (const d of deltas) {
    const into = sums.get(d.unitId) ?? {};
    for (const [k, v] of Object.entries(d.counters)) into[k] = (into[k] ?? 0) + (v ?? 0);
    sums.set(d.unitId, into);
  }
  return [...sums].map(([unitId, counters]) => gaugeAdd(tableName, unitId, counters));
}

/**
 * Inspections and their findings. An inspection's header and findings share its partition (reading one
 * is one query). Headers are indexed by quarter and unit path (a subtree's list, coverage) and by unit;
 * findings by status and unit path (what a unit has to rectify, what waits for verification) and, while
 * open, by due date (overdue). Every change is one transaction guarded by the header's version.
 */
export class InspectionsRepository {
  constructor(private readonly t: TenantTable) {}

  private headerItem(r: InspectionRecord) {
    return {
      ...T.inspection(r.id),
      ...T.inspectionsByQuarter(r.quarter, r.unitPath, r.inspectedAt, r.id),
      ...T.inspectionsOfUnit(r.unitId, r.inspectedAt, r.id),
      ...r,
    };
  }

  private findingItem(f: FindingRecord) {
    return {
      ...T.finding(f.inspectionId, f.id),
      ...T.findingsByStatus(f.status, f.unitPath, f.dueBy, f.id),
      ...(f.status === "open" ? T.findingDue(f.dueBy, f.id) : {}),
      ...f,
    };
  }

  /**
   * A finding as decided, guarded by its overdue mark as read: the daily job marks findings without
   * touching the inspection's version, and the gauges moved here were reckoned from that mark.
   */
  private findingPut(f: FindingRecord, before: FindingRecord | null): TransactItem {
    const guard = !before
      ? { ConditionExpression: "attribute_not_exists(PK)" }
      : before.overdueNoticed === undefined
        ? { ConditionExpression: "attribute_not_exists(overdueNoticed)" }
        : {
            ConditionExpression: "overdueNoticed = :noticed",
            ExpressionAttributeValues: { ":noticed": before.overdueNoticed },
          };
    return { Put: { TableName: this.t.tableName, Item: this.findingItem(f), ...guard } };
  }

  /** Writes a change; false if the inspection is not at `expectedVersion` (or, new, exists already). */
  async write(w: InspectionWrite, expectedVersion?: number): Promise<boolean> {
    const notices = new NoticesRepository(this.t);
    const before = new Map((w.before ?? []).map((f) => [f.id, f]));
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.t.tableName,
          Item: this.headerItem(w.record),
          ConditionExpression: expectedVersion === undefined ? "attribute_not_exists(PK)" : "version = :v",
          ExpressionAttributeValues: expectedVersion === undefined ? undefined : { ":v": expectedVersion },
        },
      },
      ...w.findings.map((f) => this.findingPut(f, before.get(f.id) ?? null)),
      ...rollupAdds(this.t.tableName, w.figures),
      ...gaugeAdds(
        this.t.tableName,
        w.findings.flatMap((f) => findingGaugeDeltas(before.get(f.id) ?? null, f)),
      ),
      ...w.notices.flatMap((n) => notices.draftItems(n)),
      ...(w.links ?? []),
    ];
    return (await transact(this.t.doc, items)).ok;
  }

  /** The inspection and its findings (one query). */
  async read(id: string): Promise<{ record: InspectionRecord; findings: FindingRecord[] } | null> {
    let record: InspectionRecord | null = null;
    const findings: FindingRecord[] = [];
    for await (const page of queryPages(
      this.t.doc,
      queryOf(this.t.tableName, TQ.inspectionWithFindings(id), { ConsistentRead: true }),
    )) {
      for (const i of page.Items ?? []) {
        if (T.isInspectionItem(i)) record = withoutKeys<InspectionRecord>(i);
        else findings.push(withoutKeys<FindingRecord>(i));
      }
    }
    // As entered; findings written before `seq` existed follow in id order.
    const at = (f: FindingRecord) => f.seq ?? Number.MAX_SAFE_INTEGER;
    findings.sort((a, b) => at(a) - at(b) || (a.id < b.id ? -1 : 1));
    return record ? { record, findings } : null;
  }

  /** A page of a quarter's inspections of the unit at `unitPath` and the units below it. */
  listQuarter(quarter: string, unitPath: string, limit: number, cursor?: string) {
    return indexPage<InspectionRecord>(this.t, TQ.inspectionsOfQuarter(quarter, belowPrefix(unitPath)), {
      limit,
      cursor,
    });
  }

  /** A page of one unit's inspections, newest first. */
  listUnit(unitId: string, limit: number, cursor?: string) {
    return indexPage<InspectionRecord>(this.t, TQ.inspectionsOfUnit(unitId), {
      newestFirst: true,
      limit,
      cursor,
    });
  }

  /**
   * How often each unit in the subtree was inspected in the quarter (coverage): reads the quarter's
   * inspection keys only — bounded by the inspections made, not by the tenant's cases.
   */
  async quarterCounts(
    quarter: string,
    unitPath: string,
  ): Promise<Map<string, { count: number; last: string }>> {
    const out = new Map<string, { count: number; last: string }>();
    for await (const page of queryPages(
      this.t.doc,
      queryOf(this.t.tableName, TQ.inspectionsOfQuarter(quarter, belowPrefix(unitPath)), {
        ProjectionExpression: "unitId, inspectedAt",
      }),
    )) {
      for (const i of page.Items ?? []) {
        const seen = out.get(i.unitId as string);
        const at = i.inspectedAt as string;
        out.set(i.unitId as string, {
          count: (seen?.count ?? 0) + 1,
          last: seen && seen.last > at ? seen.last : at,
        });
      }
    }
    return out;
  }

  /** A page of findings of a status owed by the unit at `unitPath` and the units below it. */
  listFindings(status: string, unitPath: string, limit: number, cursor?: string) {
    return indexPage<FindingRecord>(this.t, TQ.findings(status, belowPrefix(unitPath)), {
      limit,
      cursor,
    });
  }

  /** A page of open findings due before `before` in the subtree, oldest due date first. */
  listOverdue(before: string, unitPath: string, limit: number, cursor?: string) {
    return indexPage<FindingRecord>(this.t, TQ.findingsDueBefore(before), {
      inSubtreeOf: unitPath,
      limit,
      cursor,
    });
  }

  /**
   * The paths of the units owing each open finding due before `before` (the dashboard's count and the
   * daily job): reads only open, overdue findings — a few attributes each.
   */
  async overdue(before: string): Promise<OverdueFinding[]> {
    const out: OverdueFinding[] = [];
    for await (const page of queryPages(
      this.t.doc,
      queryOf(this.t.tableName, TQ.findingsDueBefore(before), {
        ProjectionExpression: "id, inspectionId, unitId, unitPath, #text, dueBy, overdueNoticed",
        ExpressionAttributeNames: { "#text": "text" },
      }),
    )) {
      for (const i of page.Items ?? []) out.push(i as FindingRecord);
    }
    return out;
  }
}

/** Marks an open finding's lapse noticed and tells its unit, once per due date (see the daily job). */
export async function noticeOverdueFinding(
  t: TenantTable,
  f: Pick<FindingRecord, "id" | "inspectionId" | "dueBy" | "unitPath">,
  notice: NoticeDraft,
): Promise<boolean> {
  // From now on the finding counts overdue in its unit's gauges and above, until rectified or re-dated.
  const counted = findingGaugeDeltas(null, {
    status: "open",
    dueBy: f.dueBy,
    unitPath: f.unitPath,
    overdueNoticed: f.dueBy,
  });
  const result = await transact(t.doc, [
    {
      Update: {
        TableName: t.tableName,
        Key: T.finding(f.inspectionId, f.id),
        UpdateExpression: "SET overdueNoticed = :due",
        ConditionExpression:
          "#status = :open AND dueBy = :due AND (attribute_not_exists(overdueNoticed) OR overdueNoticed <> :due)",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: { ":due": f.dueBy, ":open": "open" },
      },
    },
    ...gaugeAdds(t.tableName, counted),
    ...new NoticesRepository(t).draftItems(notice),
  ]);
  return result.ok;
}
