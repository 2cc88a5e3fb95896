import {
  canAnswerFor,
  canInspect,
  type Finding,
  type FindingRecord,
  type Inspection,
  type InspectionHeader,
  type InspectionRecord,
  isFindingOverdue,
  maskName,
  seesPersonalData,
  shanghaiIso,
  type Viewer,
} from "@weiquan/domain";

/** Staff names are personal data: masked for the governance office, like everywhere else. */
const namesFor = (v: Viewer) => (seesPersonalData(v.role) ? (s: string) => s : maskName);

export function findingView(f: FindingRecord, v: Viewer, now: Date): Finding {
  const { unitPath: _p, quarter: _q, month: _m, overdueNoticed: _o, seq: _s, ...rest } = f;
  const name = namesFor(v);
  return {
    ...rest,
    rectification: f.rectification && { ...f.rectification, byName: name(f.rectification.byName) },
    verification: f.verification && { ...f.verification, byName: name(f.verification.byName) },
    verifiedBy: f.verifiedBy && name(f.verifiedBy),
    history: f.history.map((h) => ({ ...h, byName: name(h.byName) })),
    overdue: isFindingOverdue(f, shanghaiIso(now)),
  };
}

export function headerView(r: InspectionRecord, v: Viewer): InspectionHeader {
  const { unitPath: _p, ...rest } = r;
  const name = namesFor(v);
  return { ...rest, inspectors: r.inspectors.map(name), createdByName: name(r.createdByName) };
}

export function inspectionView(
  r: InspectionRecord,
  findings: readonly FindingRecord[],
  v: Viewer,
  now: Date,
): Inspection {
  return {
    ...headerView(r, v),
    findings: findings.map((f) => findingView(f, v, now)),
    canInspect: canInspect(v, r.unitPath),
    canRectify: canAnswerFor(v, r.unitPath),
  };
}
