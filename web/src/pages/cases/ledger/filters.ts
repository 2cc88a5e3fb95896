import type { CaseKind, CaseStatus } from "@weiquan/domain/cases/schema";
import { caseStatusLabels } from "@weiquan/domain/cases/workflow";

export type View = "all" | "dueSoon" | "overdue";
export const allStatuses = Object.keys(caseStatusLabels) as CaseStatus[];

export interface Filters {
  view: View;
  status: CaseStatus[];
  kind?: CaseKind;
  /** From a figures drill-down: a category code (and its sub-codes). */
  category?: string;
  unitId?: string;
  subtree: boolean;
  from?: string;
  to?: string;
  q?: string;
  /** From the header's search: the consumer's phone, as typed. */
  phone?: string;
}

/** The filters live in the address, so a link (from the home page, or a colleague) opens the same view. */
export function filtersOf(search: URLSearchParams): Filters {
  const view = search.get("view");
  const kind = search.get("kind");
  return {
    view: view === "overdue" || view === "dueSoon" ? view : "all",
    status: (search.get("status") ?? "")
      .split(",")
      .filter((s): s is CaseStatus => allStatuses.includes(s as CaseStatus)),
    kind: kind === "complaint" || kind === "report" || kind === "consultation" ? kind : undefined,
    category: search.get("category") ?? undefined,
    unitId: search.get("unit") ?? undefined,
    subtree: search.get("subtree") !== "0",
    from: search.get("from") ?? undefined,
    to: search.get("to") ?? undefined,
    q: search.get("q") ?? undefined,
    phone: search.get("phone") ?? undefined,
  };
}

export function searchOf(f: Filters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.view !== "all") out.view = f.view;
  if (f.status.length) out.status = f.status.join(",");
  if (f.kind) out.kind = f.kind;
  if (f.category) out.category = f.category;
  if (f.unitId) out.unit = f.unitId;
  if (!f.subtree) out.subtree = "0";
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.q) out.q = f.q;
  if (f.phone) out.phone = f.phone;
  return out;
}

/** The filters as `GET /v1/cases` parameters. */
export function queryOf(f: Filters) {
  return {
    status: f.status.length ? f.status.join(",") : undefined,
    kind: f.kind,
    category: f.category,
    unitId: f.unitId,
    subtree: f.unitId && f.subtree ? "true" : undefined,
    overdue: f.view === "overdue" ? "true" : undefined,
    dueSoon: f.view === "dueSoon" ? "true" : undefined,
    from: f.from,
    to: f.to,
    q: f.q,
    phone: f.phone,
  } as const;
}
