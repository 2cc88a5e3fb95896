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
