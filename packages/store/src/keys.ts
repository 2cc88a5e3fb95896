/** The only place item keys are built. `C` = control table, `T` = a tenant table. */
export const C = {
  tenant: (id: string) => ({ PK: `TENANT#${id}`, SK: "TENANT" }),
  tenantIndex: (createdAt: string, id: string) => ({ GSI1PK: "TENANTS", GSI1SK: `${createdAt}#${id}` }),
  county: (countyCode: string) => ({ PK: `COUNTY#${countyCode}`, SK: "COUNTY" }),
  /** A tenant's exports share its partition (ULIDs sort by time): listing them is one query. */
  tenantExport: (tenantId: string, exportId: string) => ({
    PK: `TENANT#${tenantId}`,
    SK: `EXPORT#${exportId}`,
  }),
  platformUser: (username: string) => ({ PK: `PUSER#${username}`, SK: "PUSER" }),
};

export const T = {
  meta: () => ({ PK: "META", SK: "TENANT" }),
  settings: () => ({ PK: "META", SK: "SETTINGS" }),
  unit: (id: string) => ({ PK: `UNIT#${id}`, SK: "UNIT" }),
  /** Units sort by their materialized path, so a subtree is one begins_with query. */
  unitIndex: (path: string) => ({ GSI1PK: "UNITS", GSI1SK: path }),
  user: (id: string) => ({ PK: `USER#${id}`, SK: "USER" }),
  userIndex: (username: string) => ({ GSI1PK: "USERS", GSI1SK: username }),
  username: (username: string) => ({ PK: `USERNAME#${username}`, SK: "USERNAME" }),
  /** A case and its timeline share a partition: one query reads both. */
  case: (id: string) => ({ PK: `CASE#${id}`, SK: "CASE" }),
  caseEvent: (id: string, at: string, n: number) => ({
    PK: `CASE#${id}`,
    SK: `EV#${at}#${String(n).padStart(4, "0")}`,
  }),
  /** Open cases with a running clock, by deadline: the overdue sweep reads only what is due. */
  caseDueIndex: (dueBy: string, id: string) => ({ GSI2PK: "DUE", GSI2SK: `${dueBy}#${id}` }),
  tracking: (trackingNo: string) => ({ PK: `TRACK#${trackingNo}`, SK: "TRACK" }),
  /** The public page's access to a case: the query code's hash (never the code), next to the pointer. */
  publicAccess: (trackingNo: string) => ({ PK: `TRACK#${trackingNo}`, SK: "PUBLIC" }),
  /** A fixed-window counter of the public intake (`bucket` names limit and source); expires by TTL. */
  rateWindow: (bucket: string, windowStart: number) => ({ PK: `RATE#${bucket}`, SK: `W#${windowStart}` }),
  /** The per-day sequence behind tracking numbers (yyyymmdd in Asia/Shanghai). */
  caseCounter: (day: string) => ({ PK: `COUNTER#CASES#${day}`, SK: "COUNTER" }),
  /** A reserved tracking number no case took (作废), by month of its day, in number order. */
  voidedNumber: (day: string, trackingNo: string) => ({ PK: `VOID#${day.slice(0, 7)}`, SK: trackingNo }),
  voidedNumbers: (month: string) => `VOID#${month}`,
  /**
   * One ledger row per case in every unit that may list it (the handling units' ancestors and the
   * origin's): a unit's ledger, newest first, is one query whatever the tenant's size.
   */
  ledgerEntry: (unitId: string, receivedAt: string, caseId: string) => ({
    PK: `LEDGER#${unitId}`,
    SK: `${receivedAt}#${caseId}`,
  }),
  ledger: (unitId: string) => `LEDGER#${unitId}`,
  /** Figures per unit and month, counted for the unit and every ancestor at write time. */
  rollup: (unitId: string, month: string) => ({ PK: `ROLLUP#${unitId}`, SK: `M#${month}` }),
  idempotency: (userId: string, key: string) => ({ PK: `IDEM#${userId}#${key}`, SK: "IDEM" }),
  /** Reads of unmasked personal data, by month. */
  audit: (month: string, at: string, id: string) => ({ PK: `AUDIT#${month}`, SK: `${at}#${id}` }),
  /** Console notices for a unit (overdue cases, escalations), newest first. */
  notice: (unitId: string, at: string, id: string) => ({ PK: `NOTICE#${unitId}`, SK: `${at}#${id}` }),
  /** How many of a unit's notices are unread (its own partition, so notice pages never meet it). */
  noticeUnread: (unitId: string) => ({ PK: `NOTICES#${unitId}`, SK: "UNREAD" }),
  /** Assessment templates, listed by year. */
  assessmentTemplate: (id: string) => ({ PK: `ATPL#${id}`, SK: "ATPL" }),
  assessmentTemplateIndex: (year: string, id: string) => ({ GSI1PK: "ATPLS", GSI1SK: `${year}#${id}` }),
  /** An assessment and its sheets share a partition; assessments are listed by year. */
  assessment: (id: string) => ({ PK: `ASMT#${id}`, SK: "ASMT" }),
  assessmentIndex: (year: string, id: string) => ({ GSI1PK: "ASMTS", GSI1SK: `${year}#${id}` }),
  assessmentSheet: (id: string, unitId: string) => ({ PK: `ASMT#${id}`, SK: `SHEET#${unitId}` }),
  assessmentSheets: (id: string) => ({ PK: `ASMT#${id}`, SKPrefix: "SHEET#" }),
  /** Sheets in tree order by the unit's path when the assessment was made: a subtree is one query. */
  assessmentSheetTree: (id: string, path: string) => ({ GSI1PK: `ASMT#${id}#TREE`, GSI1SK: path }),
  /** A campaign and everything of it (its stations' counts, its units, its sample) share a partition. */
  campaign: (id: string) => ({ PK: `CAMP#${id}`, SK: "CAMP" }),
  campaignIndex: (year: string, id: string) => ({ GSI1PK: "CAMPS", GSI1SK: `${year}#${id}` }),
  campaignStation: (id: string, stationId: string) => ({ PK: `CAMP#${id}`, SK: `STAT#${stationId}` }),
  campaignStations: (id: string) => ({ PK: `CAMP#${id}`, SKPrefix: "STAT#" }),
  campaignUnit: (id: string, unitId: string) => ({ PK: `CAMP#${id}`, SK: `UNIT#${unitId}` }),
  /** A campaign's units in tree order by path at enrolment: a station's units are one query. */
  campaignUnitTree: (id: string, path: string) => ({ GSI1PK: `CAMP#${id}#UNITS`, GSI1SK: path }),
  campaignSample: (id: string) => ({ PK: `CAMP#${id}`, SK: "SAMPLE" }),
  /** Once finalized: stations then points, each best rank first. */
  assessmentSheetRank: (id: string, type: string, rank: number, path: string) => ({
    GSI2PK: `ASMT#${id}#RANK`,
    GSI2SK: `${type === "station" ? 1 : 2}#${String(rank).padStart(5, "0")}#${path}`,
  }),
  /** An uploaded file's record (the bytes live in the object store under the tenant's prefix). */
  attachment: (id: string) => ({ PK: `ATT#${id}`, SK: "ATT" }),
  /** Unlinked uploads by expiry: the sweep reads only what is due; linking removes the entry. */
  attachmentPending: (expiresAt: string, id: string) => ({
    GSI2PK: "ATT_PENDING",
    GSI2SK: `${expiresAt}#${id}`,
  }),
  attachmentPendingPartition: () => "ATT_PENDING",

  // Supervision (sampling, inspections). A unit path in a sort key ends in "/" so that a subtree is one
  // begins_with(`${path}/`) and never meets a sibling whose id merely starts the same.
  /** Complaints closed in a month, by the closing unit's path: a round's population is one query. */
  closedComplaint: (month: string, unitPath: string, caseId: string) => ({
    PK: `CLOSED#${month}`,
    SK: `${unitPath}/#${caseId}`,
  }),
  /** A sampling round and its items share a partition (reading a round is one query). */
  round: (id: string) => ({ PK: `ROUND#${id}`, SK: "ROUND" }),
  roundItem: (id: string, caseId: string) => ({ PK: `ROUND#${id}`, SK: `ITEM#${caseId}` }),
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
};

/** The object-store key of an attachment: every tenant's files under its own prefix (the IAM scope in AWS). */
export const attachmentObjectKey = (tenantId: string, attachmentId: string) => `${tenantId}/${attachmentId}`;

/** Attributes that are keys, not data: stripped before an item leaves the store. */
const keyAttributes = new Set(["PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK", "ttl"]);
export function withoutKeys<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !keyAttributes.has(k))) as T;
}
