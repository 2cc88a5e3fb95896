import type { Case } from "@weiquan/domain/cases/schema";

/** The printable documents (文书) a case can have. */
export const documentKinds = [
  "registration",
  "acceptance",
  "rejection",
  "mediation",
  "termination",
  "handover",
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** The documents this case's facts support now: each needs the decision or outcome it records. */
export function documentsOf(c: Case): DocumentKind[] {
  const has: Record<DocumentKind, boolean> = {
    registration: true,
    acceptance: c.kind === "complaint" && Boolean(c.acceptedAt),
    rejection: c.kind === "complaint" && Boolean(c.rejection),
    mediation: c.kind === "complaint" && Boolean(c.agreement),
    termination: c.kind === "complaint" && Boolean(c.ending),
    handover: c.kind === "report" && Boolean(c.handOver),
  };
  return documentKinds.filter((k) => has[k]);
}

export const documentPath = (caseId: string, kind: DocumentKind) =>
  `/cases/${encodeURIComponent(caseId)}/documents/${kind}`;

/** At most this many cases in one batch print (each an unmasked, audit-logged read). */
export const MAX_BATCH = 50;

/** 批量打印文书 of the ledger's ticked cases: `/cases/print-documents?ids=…&doc=registration`. */
export const batchPrintPath = (ids: readonly string[], kind: DocumentKind = "registration") =>
  `/cases/print-documents?${new URLSearchParams({ ids: ids.join(","), doc: kind })}`;
