/**
 * The only place item keys are built and the only place the table's access patterns are declared — as
 * ElectroDB declares each access pattern once. `C` / `T` build the keys of one item of the control / a
 * tenant table (PK, SK and the index keys it carries); `CQ` / `TQ` name every partition a query reads
 * (table or index, with its sort-key range). Repositories use these and never spell a key themselves.
 */

/** Where a query runs: the table itself or one of its global secondary indexes. */
export type Index = "table" | "GSI1" | "GSI2";
const keyNamesOf: Record<Index, readonly [string, string]> = {
  table: ["PK", "SK"],
  GSI1: ["GSI1PK", "GSI1SK"],
  GSI2: ["GSI2PK", "GSI2SK"],
};

/** A range of the sort key within the partition. */
export type SortRange =
  | { beginsWith: string }
  | { between: readonly [string, string] }
  | { below: string }
  | undefined;

/** One access pattern: the key condition of a Query, and what a cursor of it may name. */
export interface AccessPattern {
  IndexName?: string;
  KeyConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
  /** The partition attribute and its value (a cursor must stay inside it). */
  partition: { name: string; value: string };
  /** The key attributes of this query's LastEvaluatedKey (the table's keys, plus the index's). */
  cursorKeys: readonly string[];
}

function pattern(index: Index, partition: string, sort?: SortRange): AccessPattern {
  const [pk, sk] = keyNamesOf[index];
  const names: Record<string, string> = { "#pk": pk };
  const values: Record<string, unknown> = { ":pk": partition };
  let condition = "#pk = :pk";
  if (sort) {
    names["#sk"] = sk;
    if ("beginsWith" in sort) {
      condition += " AND begins_with(#sk, :sk)";
      values[":sk"] = sort.beginsWith;
    } else if ("between" in sort) {
      condition += " AND #sk BETWEEN :sk AND :skTo";
      values[":sk"] = sort.between[0];
      values[":skTo"] = sort.between[1];
    } else {
      condition += " AND #sk < :sk";
      values[":sk"] = sort.below;
    }
  }
  return {
    ...(index !== "table" && { IndexName: index }),
    KeyConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    partition: { name: pk, value: partition },
    cursorKeys: index === "table" ? keyNamesOf.table : [...keyNamesOf.table, pk, sk],
  };
}

/** Partition values, each written once. */
const P = {
  tenants: "TENANTS",
  tenant: (id: string) => `TENANT#${id}`,
  units: "UNITS",
  users: "USERS",
  case: (id: string) => `CASE#${id}`,
  due: "DUE",
  ledger: (unitId: string) => `LEDGER#${unitId}`,
  rollup: (unitId: string) => `ROLLUP#${unitId}`,
  audit: (month: string) => `AUDIT#${month}`,
  notices: (unitId: string) => `NOTICE#${unitId}`,
  voided: (month: string) => `VOID#${month}`,
  templates: "ATPLS",
  assessments: "ASMTS",
  assessment: (id: string) => `ASMT#${id}`,
  sheetTree: (id: string) => `ASMT#${id}#TREE`,
  sheetRank: (id: string) => `ASMT#${id}#RANK`,
  attachmentsPending: "ATT_PENDING",
  trainings: "TRAININGS",
  publicityRows: (unitId: string) => `PUBS#${unitId}`,
  warning: (id: string) => `WARN#${id}`,
  warnings: "WARNINGS",
  warningInbox: (unitId: string) => `WINBOX#${unitId}`,
  warningsUnacked: (unitId: string) => `WUNACK#${unitId}`,
  volunteers: "VOLUNTEERS",
};

export const C = {
  tenant: (id: string) => ({ PK: P.tenant(id), SK: "TENANT" }),
  tenantIndex: (createdAt: string, id: string) => ({ GSI1PK: P.tenants, GSI1SK: `${createdAt}#${id}` }),
  county: (countyCode: string) => ({ PK: `COUNTY#${countyCode}`, SK: "COUNTY" }),
  /** A tenant's exports share its partition (ULIDs sort by time): listing them is one query. */
  tenantExport: (tenantId: string, exportId: string) => ({
    PK: P.tenant(tenantId),
    SK: `EXPORT#${exportId}`,
  }),
  platformUser: (username: string) => ({ PK: `PUSER#${username}`, SK: "PUSER" }),
  /** A random key the platform made for itself (the list cursors' MAC key). */
  secret: (name: string) => ({ PK: `SECRET#${name}`, SK: "SECRET" }),
  /** Failed logins of a name no account has (unknown tenant, or platform), counted like an account's. */
  loginGuard: (tenant: string, username: string) => ({ PK: `LOGIN#${tenant}#${username}`, SK: "GUARD" }),
};

/** The control table's access patterns. */
export const CQ = {
  /** Every tenant, by creation. */
  tenants: () => pattern("GSI1", P.tenants),
  /** A tenant's exports, oldest first. */
  tenantExports: (tenantId: string) => pattern("table", P.tenant(tenantId), { beginsWith: "EXPORT#" }),
};

export const T = {
  meta: () => ({ PK: "META", SK: "TENANT" }),
  settings: () => ({ PK: "META", SK: "SETTINGS" }),
  unit: (id: string) => ({ PK: `UNIT#${id}`, SK: "UNIT" }),
  /** Units sort by their materialized path, so a subtree is one begins_with query. */
  unitIndex: (path: string) => ({ GSI1PK: P.units, GSI1SK: path }),
  user: (id: string) => ({ PK: `USER#${id}`, SK: "USER" }),
  userIndex: (username: string) => ({ GSI1PK: P.users, GSI1SK: username }),
  username: (username: string) => ({ PK: `USERNAME#${username}`, SK: "USERNAME" }),
  /** A case and its timeline share a partition: one query reads both. */
  case: (id: string) => ({ PK: P.case(id), SK: "CASE" }),
  /** Is this item of a case's partition the case itself (not a timeline entry)? */
  isCaseItem: (item: Record<string, unknown>) => item.SK === "CASE",
  caseEvent: (id: string, at: string, n: number) => ({
    PK: P.case(id),
    SK: `EV#${at}#${String(n).padStart(4, "0")}`,
  }),
  /** Open cases with a running clock, by deadline: the overdue sweep reads only what is due. */
  caseDueIndex: (dueBy: string, id: string) => ({ GSI2PK: P.due, GSI2SK: `${dueBy}#${id}` }),
  tracking: (trackingNo: string) => ({ PK: `TRACK#${trackingNo}`, SK: "TRACK" }),
  /** The public page's access to a case: the query code's hash (never the code), next to the pointer. */
  publicAccess: (trackingNo: string) => ({ PK: `TRACK#${trackingNo}`, SK: "PUBLIC" }),
  /** A fixed-window counter of the public intake (`bucket` names limit and source); expires by TTL. */
  rateWindow: (bucket: string, windowStart: number) => ({ PK: `RATE#${bucket}`, SK: `W#${windowStart}` }),
  /** The per-day sequence behind tracking numbers (yyyymmdd in Asia/Shanghai). */
  caseCounter: (day: string) => ({ PK: `COUNTER#CASES#${day}`, SK: "COUNTER" }),
  /**
   * A reserved tracking number no case took (作废) is its pointer marked voided, indexed by the month of
   * its day in number order (sparse: only voided pointers carry it).
   */
  voidedIndex: (day: string, trackingNo: string) => ({
    GSI2PK: P.voided(day.slice(0, 7)),
    GSI2SK: trackingNo,
  }),
  /**
   * One ledger row per case in every unit that may list it (the handling units' ancestors and the
   * origin's): a unit's ledger, newest first, is one query whatever the tenant's size.
   */
  ledgerEntry: (unitId: string, receivedAt: string, caseId: string) => ({
    PK: P.ledger(unitId),
    SK: `${receivedAt}#${caseId}`,
  }),
  /** Figures per unit and month, counted for the unit and every ancestor at write time. */
  rollup: (unitId: string, month: string) => ({ PK: P.rollup(unitId), SK: `M#${month}` }),
  /** A unit's gauges of right now (open and overdue cases), beside its months (outside their sort-key range). */
  gauges: (unitId: string) => ({ PK: P.rollup(unitId), SK: "NOW" }),
  /** Failed logins of a username this tenant does not have, counted like an account's. */
  loginGuard: (username: string) => ({ PK: `LOGIN#${username}`, SK: "GUARD" }),
  idempotency: (userId: string, key: string) => ({ PK: `IDEM#${userId}#${key}`, SK: "IDEM" }),
  /** Reads of unmasked personal data, by month. */
  audit: (month: string, at: string, id: string) => ({ PK: P.audit(month), SK: `${at}#${id}` }),
  /** Console notices for a unit (overdue cases, escalations), newest first. */
  notice: (unitId: string, at: string, id: string) => ({ PK: P.notices(unitId), SK: `${at}#${id}` }),
  /** A notice of the unit by the sort key its id carries. */
  noticeBySortKey: (unitId: string, sk: string) => ({ PK: P.notices(unitId), SK: sk }),
  /** How many of a unit's notices are unread (its own partition, so notice pages never meet it). */
  noticeUnread: (unitId: string) => ({ PK: `NOTICES#${unitId}`, SK: "UNREAD" }),
  /** Assessment templates, listed by year. */
  assessmentTemplate: (id: string) => ({ PK: `ATPL#${id}`, SK: "ATPL" }),
  assessmentTemplateIndex: (year: string, id: string) => ({ GSI1PK: P.templates, GSI1SK: `${year}#${id}` }),
  /** An assessment and its sheets share a partition; assessments are listed by year. */
  assessment: (id: string) => ({ PK: P.assessment(id), SK: "ASMT" }),
  assessmentIndex: (year: string, id: string) => ({ GSI1PK: P.assessments, GSI1SK: `${year}#${id}` }),
  assessmentSheet: (id: string, unitId: string) => ({ PK: P.assessment(id), SK: `SHEET#${unitId}` }),
  /** Sheets in tree order by the unit's path when the assessment was made: a subtree is one query. */
  assessmentSheetTree: (id: string, path: string) => ({ GSI1PK: P.sheetTree(id), GSI1SK: path }),
  /** A campaign and everything of it (its stations' counts, its units, its sample) share a partition. */
  campaign: (id: string) => ({ PK: `CAMP#${id}`, SK: "CAMP" }),
  campaignIndex: (year: string, id: string) => ({ GSI1PK: "CAMPS", GSI1SK: `${year}#${id}` }),
  campaignStation: (id: string, stationId: string) => ({ PK: `CAMP#${id}`, SK: `STAT#${stationId}` }),
  campaignUnit: (id: string, unitId: string) => ({ PK: `CAMP#${id}`, SK: `UNIT#${unitId}` }),
  /** A campaign's units in tree order by path at enrolment: a station's units are one query. */
  campaignUnitTree: (id: string, path: string) => ({ GSI1PK: `CAMP#${id}#UNITS`, GSI1SK: path }),
  campaignSample: (id: string) => ({ PK: `CAMP#${id}`, SK: "SAMPLE" }),
  /** The units a campaign enrols, written with the campaign: what a half-finished creation resumes from. */
  campaignRoster: (id: string) => ({ PK: `CAMP#${id}`, SK: "ROSTER" }),
  /** Once finalized: stations then points, each best rank first. */
  assessmentSheetRank: (id: string, type: string, rank: number, path: string) => ({
    GSI2PK: P.sheetRank(id),
    GSI2SK: `${type === "station" ? 1 : 2}#${String(rank).padStart(5, "0")}#${path}`,
  }),
  /** An uploaded file's record (the bytes live in the object store under the tenant's prefix). */
  attachment: (id: string) => ({ PK: `ATT#${id}`, SK: "ATT" }),
  /** Unlinked uploads by expiry: the sweep reads only what is due; linking removes the entry. */
  attachmentPending: (expiresAt: string, id: string) => ({
    GSI2PK: P.attachmentsPending,
    GSI2SK: `${expiresAt}#${id}`,
  }),

  // Supervision (sampling, inspections). A unit path in a sort key ends in "/" so that a subtree is one
  // begins_with(`${path}/`) and never meets a sibling whose id merely starts the same.
  /** Complaints closed in a month, by the closing unit's path: a round's population is one query. */
  closedComplaint: (month: string, unitPath: string, caseId: string) => ({
    PK: `CLOSED#${month}`,
    SK: `${unitPath}/#${caseId}`,
  }),
  /** A sampling round and its items share a partition (reading a round is one query). */
  round: (id: string) => ({ PK: `ROUND#${id}`, SK: "ROUND" }),
  /** Is this item of a round's partition the round itself (not an item)? */
  isRoundItem: (item: Record<string, unknown>) => item.SK === "ROUND",
  roundItem: (id: string, caseId: string) => ({ PK: `ROUND#${id}`, SK: `ITEM#${caseId}` }),
  /** Is this item of a round's partition a sampled case (not the round, not a figures marker)? */
  isRoundSample: (item: Record<string, unknown>) => String(item.SK).startsWith("ITEM#"),
  /** Marks one transaction of a draw's figures written (so a redone draw never counts twice). */
  roundFigures: (id: string, k: number) => ({ PK: `ROUND#${id}`, SK: `FIG#${String(k).padStart(4, "0")}` }),
  /** Rounds by year, then month and scope. */
  roundIndex: (month: string, scopePath: string, id: string) => ({
    GSI1PK: `ROUNDS#${month.slice(0, 4)}`,
    GSI1SK: `${month}#${scopePath}/#${id}`,
  }),
  followUp: (id: string) => ({ PK: `FOLLOWUP#${id}`, SK: "FOLLOWUP" }),
  /** Follow-ups by status and the owing unit's path: a unit's open ones (with its points') are one query. */
  followUpIndex: (status: string, unitPath: string, openedAt: string, id: string) => ({
    GSI1PK: `FOLLOWUPS#${status}`,
    GSI1SK: `${unitPath}/#${openedAt}#${id}`,
  }),
  /** An inspection and its findings share a partition. */
  inspection: (id: string) => ({ PK: `INSPECTION#${id}`, SK: "INSPECTION" }),
  /** Is this item of an inspection's partition the inspection itself (not a finding)? */
  isInspectionItem: (item: Record<string, unknown>) => item.SK === "INSPECTION",
  finding: (inspectionId: string, findingId: string) => ({
    PK: `INSPECTION#${inspectionId}`,
    SK: `FINDING#${findingId}`,
  }),
  /** Inspections of a quarter by the inspected unit's path (coverage, a subtree's list). */
  inspectionsByQuarter: (quarter: string, unitPath: string, inspectedAt: string, id: string) => ({
    GSI1PK: `INSPECTIONS#${quarter}`,
    GSI1SK: `${unitPath}/#${inspectedAt}#${id}`,
  }),
  /** One unit's inspections, newest first. */
  inspectionsOfUnit: (unitId: string, inspectedAt: string, id: string) => ({
    GSI2PK: `INSPECTIONS#${unitId}`,
    GSI2SK: `${inspectedAt}#${id}`,
  }),
  /** Findings by status and the unit's path: what a unit (and the units below it) has to rectify. */
  findingsByStatus: (status: string, unitPath: string, dueBy: string, id: string) => ({
    GSI1PK: `FINDINGS#${status}`,
    GSI1SK: `${unitPath}/#${dueBy}#${id}`,
  }),
  /** Open findings by due date (sparse): the daily job reads only those past due. */
  findingDue: (dueBy: string, id: string) => ({ GSI2PK: "FINDINGS_DUE", GSI2SK: `${dueBy}#${id}` }),

  // Capacity building and outreach (trainings, publicity, warnings, volunteers).
  /** A training; the tenant's trainings by date on GSI1 (a unit's view filters on `scopeUnits`). */
  training: (id: string) => ({ PK: `TRAINING#${id}`, SK: "TRAINING" }),
  trainingIndex: (heldAt: string, id: string) => ({ GSI1PK: P.trainings, GSI1SK: `${heldAt}#${id}` }),
  /** A publicity event, and one row per unit on its unit's path: a unit's subtree, newest first, is one query. */
  publicity: (id: string) => ({ PK: `PUB#${id}`, SK: "PUB" }),
  publicityRow: (unitId: string, heldAt: string, id: string) => ({
    PK: P.publicityRows(unitId),
    SK: `${heldAt}#${id}`,
  }),
  /** A warning (listed by date on GSI1) and one audience row per unit in the warning's own partition. */
  warning: (id: string) => ({ PK: P.warning(id), SK: "WARN" }),
  warningIndex: (sentAt: string, id: string) => ({ GSI1PK: P.warnings, GSI1SK: `${sentAt}#${id}` }),
  warningAudience: (id: string, unitId: string) => ({ PK: P.warning(id), SK: `AUD#${unitId}` }),
  /** An audience row is also the unit's inbox entry (GSI1) and, until acknowledged, its to-do (GSI2, sparse). */
  warningInbox: (unitId: string, sentAt: string, id: string) => ({
    GSI1PK: P.warningInbox(unitId),
    GSI1SK: `${sentAt}#${id}`,
  }),
  warningUnacked: (unitId: string, sentAt: string, id: string) => ({
    GSI2PK: P.warningsUnacked(unitId),
    GSI2SK: `${sentAt}#${id}`,
  }),
  /** A volunteer; the roster on GSI1 by the unit's path, so a subtree is one begins_with query. */
  volunteer: (id: string) => ({ PK: `VOL#${id}`, SK: "VOL" }),
  volunteerIndex: (unitPath: string, id: string) => ({ GSI1PK: P.volunteers, GSI1SK: `${unitPath}/#${id}` }),
};

/** A tenant table's access patterns: every partition a query reads, declared once. */
export const TQ = {
  /** A case and its timeline (one partition). */
  caseWithTimeline: (id: string) => pattern("table", P.case(id)),
  /** A unit's ledger, optionally between two receipt times. */
  ledger: (unitId: string, received?: readonly [string, string]) =>
    pattern("table", P.ledger(unitId), received && { between: received }),
  /** Units in tree order, optionally a subtree (the path prefix). */
  unitsByPath: (pathPrefix?: string) =>
    pattern("GSI1", P.units, pathPrefix ? { beginsWith: pathPrefix } : undefined),
  /** Users by username. */
  users: () => pattern("GSI1", P.users),
  /** Open cases whose running deadline is before `before`. */
  dueBefore: (before: string) => pattern("GSI2", P.due, { below: before }),
  /** A unit's monthly figures from `from` to `to` (months, inclusive). */
  rollupMonths: (unitId: string, from: string, to: string) =>
    pattern("table", P.rollup(unitId), { between: [T.rollup(unitId, from).SK, T.rollup(unitId, to).SK] }),
  /** Reads of unmasked personal data in a month. */
  audit: (month: string) => pattern("table", P.audit(month)),
  /** A unit's notices. */
  notices: (unitId: string) => pattern("table", P.notices(unitId)),
  /** A month's voided tracking numbers. */
  voidedNumbers: (month: string) => pattern("GSI2", P.voided(month)),
  /** Assessment templates, optionally of one year. */
  assessmentTemplates: (year?: string) =>
    pattern("GSI1", P.templates, year ? { beginsWith: `${year}#` } : undefined),
  /** Assessments, optionally of one year. */
  assessments: (year?: string) =>
    pattern("GSI1", P.assessments, year ? { beginsWith: `${year}#` } : undefined),
  /** Every sheet of an assessment. */
  assessmentSheets: (id: string) => pattern("table", P.assessment(id), { beginsWith: "SHEET#" }),
  /** An assessment's sheets in tree order, optionally below a path. */
  assessmentSheetTree: (id: string, pathPrefix?: string) =>
    pattern("GSI1", P.sheetTree(id), pathPrefix ? { beginsWith: pathPrefix } : undefined),
  /** A finalized assessment's sheets by rank. */
  assessmentSheetRanks: (id: string) => pattern("GSI2", P.sheetRank(id)),
  /** Unlinked uploads expired before `before`. */
  attachmentsPendingBefore: (before: string) => pattern("GSI2", P.attachmentsPending, { below: before }),
  /** Complaints closed in a month by the units below a path prefix (`belowPrefix(scope)`). */
  closedComplaints: (month: string, prefix: string) =>
    pattern("table", T.closedComplaint(month, "", "").PK, { beginsWith: prefix }),
  /** A sampling round and its items (one partition). */
  roundWithItems: (id: string) => pattern("table", T.round(id).PK),
  /** The rounds of a year. */
  roundsOfYear: (year: string) => pattern("GSI1", T.roundIndex(`${year}-01`, "", "").GSI1PK),
  /** Follow-ups of a status owed below a path prefix. */
  followUps: (status: string, prefix: string) =>
    pattern("GSI1", T.followUpIndex(status, "", "", "").GSI1PK, { beginsWith: prefix }),
  /** An inspection and its findings (one partition). */
  inspectionWithFindings: (id: string) => pattern("table", T.inspection(id).PK),
  /** A quarter's inspections below a path prefix. */
  inspectionsOfQuarter: (quarter: string, prefix: string) =>
    pattern("GSI1", T.inspectionsByQuarter(quarter, "", "", "").GSI1PK, { beginsWith: prefix }),
  /** One unit's inspections. */
  inspectionsOfUnit: (unitId: string) => pattern("GSI2", T.inspectionsOfUnit(unitId, "", "").GSI2PK),
  /** Findings of a status owed below a path prefix. */
  findings: (status: string, prefix: string) =>
    pattern("GSI1", T.findingsByStatus(status, "", "", "").GSI1PK, { beginsWith: prefix }),
  /** Campaigns, optionally of one year. */
  campaigns: (year?: string) =>
    pattern("GSI1", T.campaignIndex("", "").GSI1PK, year ? { beginsWith: `${year}#` } : undefined),
  /** A campaign's items of one kind: its stations' counts or its units. */
  campaignParts: (id: string, part: "stations" | "units") =>
    pattern("table", T.campaign(id).PK, { beginsWith: part === "stations" ? "STAT#" : "UNIT#" }),
  /** A campaign's units in tree order, optionally below a path. */
  campaignUnitTree: (id: string, pathPrefix?: string) =>
    pattern("GSI1", T.campaignUnitTree(id, "").GSI1PK, pathPrefix ? { beginsWith: pathPrefix } : undefined),
  /** Open findings due before `before`. */
  findingsDueBefore: (before: string) => pattern("GSI2", T.findingDue("", "").GSI2PK, { below: before }),
  /** The tenant's trainings held between two instants. */
  trainings: (from: string, to: string) => pattern("GSI1", P.trainings, { between: [from, to] }),
  /** A unit's subtree's publicity events held between two instants. */
  publicityOf: (unitId: string, from: string, to: string) =>
    pattern("table", P.publicityRows(unitId), { between: [from, to] }),
  /** The tenant's warnings by date. */
  warnings: () => pattern("GSI1", P.warnings),
  /** Every audience row of a warning. */
  warningAudience: (id: string) => pattern("table", P.warning(id), { beginsWith: "AUD#" }),
  /** What a unit received; only what it has not acknowledged yet, when asked. */
  warningInbox: (unitId: string, unackedOnly: boolean) =>
    unackedOnly ? pattern("GSI2", P.warningsUnacked(unitId)) : pattern("GSI1", P.warningInbox(unitId)),
  /** The volunteers of the units at and below a path. */
  volunteers: (unitPath: string) => pattern("GSI1", P.volunteers, { beginsWith: `${unitPath}/` }),
};

/** The object-store key of an attachment: every tenant's files under its own prefix (the IAM scope in AWS). */
export const attachmentObjectKey = (tenantId: string, attachmentId: string) => `${tenantId}/${attachmentId}`;

/** Attributes that are keys, not data: stripped before an item leaves the store. */
const keyAttributes = new Set(["PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK", "ttl"]);
export function withoutKeys<T>(item: Record<string, unknown>): T {
  // A plain loop: on a ledger page of 50 rows the entries / filter / fromEntries arrays cost more CPU
  // than the rest of the store's work. (`__proto__` as an attribute name stays a plain property.)
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(item)) {
    if (keyAttributes.has(k)) continue;
    if (k === "__proto__")
      Object.defineProperty(out, k, { value: item[k], enumerable: true, writable: true, configurable: true });
    else out[k] = item[k];
  }
  return out as T;
}
