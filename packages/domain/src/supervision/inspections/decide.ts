import type { Actor } from "../../cases/actions.ts";
import { type FieldIssue, Invalid, Unprocessable } from "../../common/errors.ts";
import { shanghaiMonth } from "../../common/time.ts";
import { counterDelta, inspectionCounters, type MonthCounters } from "../counters.ts";
import type { NoticeDraft } from "../notices.ts";
import type {
  ChecklistItem,
  CreateInspectionInput,
  FindingRecord,
  InspectionHeader,
  InspectionRecord,
  RectifyInput,
  UpdateInspectionInput,
  VerifyInput,
} from "./schema.ts";

/**
 * The decisions of an inspection's life, pure: record it, edit it, rectify a finding, verify a
 * rectification. Each returns the records to write, the rollup deltas (the inspection's contribution
 * after minus before, see `inspectionCounters`) and the notices to send — the store writes them in one
 * transaction, guarded by the inspection's `version`.
 */
export interface InspectedUnit {
  id: string;
  name: string;
  type: string;
  path: string;
  status: string;
}

export interface InspectionContext {
  at: string;
  actor: Actor;
  checklist: readonly ChecklistItem[];
  newId: () => string;
}

export interface InspectionChange {
  record: InspectionRecord;
  /** Findings created or changed by this decision. */
  findings: FindingRecord[];
  rollups: MonthCounters[];
  notices: NoticeDraft[];
}

/** The quarter of a Shanghai month: 2026-11 → 2026-Q4. */
export const quarterOfMonth = (month: string) =>
  `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

const passRateOf = (results: readonly { result: string }[]) => {
  const passed = results.filter((r) => r.result === "pass").length;
  const judged = passed + results.filter((r) => r.result === "fail").length;
  return judged ? passed / judged : null;
};

const countsOf = (findings: readonly FindingRecord[]) => ({
  open: findings.filter((f) => f.status === "open").length,
  rectified: findings.filter((f) => f.status === "rectified").length,
  verified: findings.filter((f) => f.status === "verified").length,
});

const contribution = (r: InspectionRecord, findings: readonly FindingRecord[]): MonthCounters => ({
  month: shanghaiMonth(r.inspectedAt),
  counters: inspectionCounters(r.results, findings),
});

function checkResults(
  results: CreateInspectionInput["results"],
  checklist: readonly ChecklistItem[],
  issues: FieldIssue[],
): InspectionHeader["results"] {
  const textOf = new Map(checklist.map((c) => [c.code, c.text]));
  const seen = new Set<string>();
  results.forEach((r, i) => {
    if (!textOf.has(r.code)) issues.push({ path: `results.${i}.code`, message: `“${r.code}”不在检查清单中` });
    else if (seen.has(r.code)) issues.push({ path: `results.${i}.code`, message: "检查项重复" });
    seen.add(r.code);
  });
  const missing = checklist.filter((c) => !seen.has(c.code)).map((c) => c.text);
  if (missing.length)
    issues.push({
      path: "results",
      message: `以下检查项未填写结果（不适用请选“不适用”）：${missing.join("；")}`,
    });
  return results.map((r) => ({
    code: r.code,
    text: textOf.get(r.code) ?? r.code,
    result: r.result,
    note: r.note ?? null,
  }));
}

function checkDate(inspectedAt: string, quarter: string, at: string, issues: FieldIssue[]) {
  if (quarterOfMonth(shanghaiMonth(inspectedAt)) !== quarter)
    issues.push({ path: "inspectedAt", message: `检查日期不在 ${quarter} 内` });
  if (inspectedAt > at) issues.push({ path: "inspectedAt", message: "检查日期不能晚于今天" });
}

function newFindings(
  input: { text: string; dueBy: string }[],
  r: InspectionRecord,
  path: string,
  issues: FieldIssue[],
  ctx: InspectionContext,
  first = 0,
): FindingRecord[] {
  return input.map((f, i) => {
    if (f.dueBy <= r.inspectedAt)
      issues.push({ path: `${path}.${i}.dueBy`, message: "整改期限应晚于检查日期" });
    return {
      id: ctx.newId(),
      seq: first + i,
      inspectionId: r.id,
      unitId: r.unitId,
      unitPath: r.unitPath,
      quarter: r.quarter,
      month: shanghaiMonth(r.inspectedAt),
      text: f.text,
      dueBy: f.dueBy,
      status: "open",
      rectification: null,
      verification: null,
      verifiedBy: null,
      history: [],
      version: 1,
    };
  });
}

const raisedNotices = (r: InspectionRecord, findings: readonly FindingRecord[], at: string): NoticeDraft[] =>
  findings.length
    ? [
        {
          unitId: r.unitId,
          kind: "finding_raised",
          at,
          text: `${r.quarter} 检查发现 ${findings.length} 个问题，请在期限内整改并上传整改材料`,
          ref: { type: "inspection", id: r.id },
          dueBy: findings.map((f) => f.dueBy).sort()[0],
        },
      ]
    : [];

export function newInspection(
  input: CreateInspectionInput,
  unit: InspectedUnit,
  ctx: InspectionContext,
): InspectionChange {
  if (unit.type === "bureau") throw Unprocessable("县局本身不是检查对象", "NOT_INSPECTABLE");
  if (unit.status !== "active") throw Unprocessable("只能检查已启用的单位", "UNIT_NOT_ACTIVE");
  const issues: FieldIssue[] = [];
  checkDate(input.inspectedAt, input.quarter, ctx.at, issues);
  const results = checkResults(input.results, ctx.checklist, issues);
  const record: InspectionRecord = {
    id: ctx.newId(),
    unitId: unit.id,
    unitName: unit.name,
    unitType: unit.type,
    unitPath: unit.path,
    quarter: input.quarter,
    inspectedAt: input.inspectedAt,
    inspectors: input.inspectors,
    results,
    passRate: passRateOf(results),
    note: input.note ?? null,
    attachmentIds: input.attachmentIds ?? [],
    findingCounts: { open: 0, rectified: 0, verified: 0 },
    createdBy: ctx.actor.userId,
    createdByName: ctx.actor.name,
    inspectorUnitId: ctx.actor.unitId,
    createdAt: ctx.at,
    updatedAt: ctx.at,
    version: 1,
  };
  const findings = newFindings(input.findings ?? [], record, "findings", issues, ctx);
  if (issues.length) throw Invalid(`请求参数有误：${issues.map((i) => i.path).join(", ")}`, issues);
  record.findingCounts = countsOf(findings);
  return {
    record,
    findings,
    rollups: counterDelta(null, contribution(record, findings)),
    notices: raisedNotices(record, findings, ctx.at),
  };
}

export function editInspection(
  current: InspectionRecord,
  findings: readonly FindingRecord[],
  input: UpdateInspectionInput,
  ctx: InspectionContext,
): InspectionChange {
  const issues: FieldIssue[] = [];
  const inspectedAt = input.inspectedAt ?? current.inspectedAt;
  if (input.inspectedAt) checkDate(inspectedAt, current.quarter, ctx.at, issues);
  const results = input.results ? checkResults(input.results, ctx.checklist, issues) : current.results;
  const month = shanghaiMonth(inspectedAt);
  const record: InspectionRecord = {
    ...current,
    inspectedAt,
    inspectors: input.inspectors ?? current.inspectors,
    results,
    passRate: passRateOf(results),
    note: input.note === undefined ? current.note : input.note,
    attachmentIds: input.attachmentIds ?? current.attachmentIds,
    updatedAt: ctx.at,
    version: current.version + 1,
  };
  const moved = findings.filter((f) => f.month !== month).map((f) => ({ ...f, month }));
  const next = Math.max(findings.length, ...findings.map((f) => (f.seq ?? -1) + 1));
  const added = newFindings(input.addFindings ?? [], record, "addFindings", issues, ctx, next);
  if (issues.length) throw Invalid(`请求参数有误：${issues.map((i) => i.path).join(", ")}`, issues);
  const all = [...findings.map((f) => (f.month === month ? f : { ...f, month })), ...added];
  record.findingCounts = countsOf(all);
  return {
    record,
    findings: [...moved, ...added],
    rollups: counterDelta(contribution(current, findings), contribution(record, all)),
    notices: raisedNotices(record, added, ctx.at),
  };
}

/** A finding changed within its inspection: the inspection's counts and contribution follow. */
function withFinding(
  current: InspectionRecord,
  findings: readonly FindingRecord[],
  next: FindingRecord,
  at: string,
): Omit<InspectionChange, "notices"> {
  const all = findings.map((f) => (f.id === next.id ? next : f));
  const record: InspectionRecord = {
    ...current,
    findingCounts: countsOf(all),
    updatedAt: at,
    version: current.version + 1,
  };
  return {
    record,
    findings: [next],
    rollups: counterDelta(contribution(current, findings), contribution(record, all)),
  };
}

/** The unit reports a finding rectified, with evidence; the inspector's unit is told to verify. */
export function rectifyFinding(
  current: InspectionRecord,
  findings: readonly FindingRecord[],
  finding: FindingRecord,
  input: RectifyInput,
  ctx: InspectionContext,
): InspectionChange {
  if (finding.status !== "open")
    throw Unprocessable(
      finding.status === "rectified" ? "已提交整改，等待检查人核验" : "该问题已整改完毕",
      "FINDING_NOT_OPEN",
      { status: finding.status },
    );
  const signed = { note: input.note, at: ctx.at, by: ctx.actor.userId, byName: ctx.actor.name };
  const next: FindingRecord = {
    ...finding,
    status: "rectified",
    rectification: { ...signed, attachmentIds: input.attachmentIds ?? [] },
    history: [...finding.history, { ...signed, action: "rectify" }],
    version: finding.version + 1,
  };
  return {
    ...withFinding(current, findings, next, ctx.at),
    notices: [
      {
        unitId: current.inspectorUnitId,
        kind: "finding_rectified",
        at: ctx.at,
        text: `${current.unitName} 已提交整改：「${finding.text.slice(0, 40)}」，请核验`,
        ref: { type: "inspection", id: current.id },
      },
    ],
  };
}

/** The inspector accepts a rectification (the finding is done) or sends it back (open again). */
export function verifyFinding(
  current: InspectionRecord,
  findings: readonly FindingRecord[],
  finding: FindingRecord,
  input: VerifyInput,
  ctx: InspectionContext,
): InspectionChange {
  if (finding.status !== "rectified")
    throw Unprocessable(
      finding.status === "open" ? "单位尚未提交整改，不能核验" : "该问题已核验通过",
      "FINDING_NOT_RECTIFIED",
      { status: finding.status },
    );
  const signed = { note: input.note ?? "", at: ctx.at, by: ctx.actor.userId, byName: ctx.actor.name };
  const next: FindingRecord = {
    ...finding,
    status: input.accepted ? "verified" : "open",
    verification: { ...signed, accepted: input.accepted },
    verifiedBy: input.accepted ? ctx.actor.name : null,
    history: [...finding.history, { ...signed, action: input.accepted ? "accept" : "reject" }],
    version: finding.version + 1,
  };
  return {
    ...withFinding(current, findings, next, ctx.at),
    notices: input.accepted
      ? []
      : [
          {
            unitId: current.unitId,
            kind: "finding_rejected",
            at: ctx.at,
            text: `整改未通过核验：「${finding.text.slice(0, 40)}」——${input.note}`,
            ref: { type: "inspection", id: current.id },
            dueBy: finding.dueBy,
          },
        ],
  };
}

/** Is a finding overdue as of `now` (an ISO instant)? Open and past its due date. */
export const isFindingOverdue = (f: { status: string; dueBy: string }, now: string) =>
  f.status === "open" && f.dueBy < now;
