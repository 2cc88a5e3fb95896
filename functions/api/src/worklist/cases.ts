import { type CaseListQuery, type CaseSummary, canHandleAt } from "@weiquan/domain";
import type { Scope } from "../access/scope.ts";
import { listCases } from "../cases/read.ts";
import { COUNTED, type SectionSource, SHOWN, type WorkItem, type WorkSection } from "./section.ts";

const caseItem = (c: CaseSummary, detail?: string): WorkItem => ({
  id: c.id,
  title: `${c.trackingNo}　${c.subject}`,
  detail: detail ?? c.businessName ?? undefined,
  href: `/cases/${encodeURIComponent(c.id)}`,
  at: c.receivedAt,
  dueBy: c.dueBy ?? undefined,
});

/** One ledger view as a section: a page of at most COUNTED rows is counted, the first SHOWN shown. */
async function ledgerSection(
  scope: Scope,
  now: Date,
  s: Pick<WorkSection, "key" | "title" | "tone" | "href">,
  query: Partial<CaseListQuery>,
  detail?: (c: CaseSummary) => string | undefined,
): Promise<WorkSection> {
  const page = await listCases(scope, { limit: COUNTED, ...query }, now);
  const items = page.items;
  const byDeadline = [...items].sort((a, b) => (a.dueBy ?? "~").localeCompare(b.dueBy ?? "~"));
  return {
    ...s,
    count: items.length,
    more: page.nextCursor !== null,
    items: byDeadline.slice(0, SHOWN).map((c) => caseItem(c, detail?.(c))),
  };
}

/**
 * The ledger's to-dos: cases passed up to the caller's unit and waiting to be taken over (待接收), new
 * cases (online filings among them) waiting for the accept-or-reject decision (待受理), and every open
 * case in the caller's ledger whose clock runs out soon or has run out.
 */
export const caseSections: SectionSource = {
  key: "cases",
  read: async (scope, now) => {
    if (!canHandleAt(scope.viewer, scope.unit.path)) return [];
    const mine = { unitId: scope.unit.id, subtree: false };
    const mineHref = (status: string) =>
      `/cases?status=${status}&unit=${encodeURIComponent(scope.unit.id)}&subtree=0`;
    return Promise.all([
      ledgerSection(
        scope,
        now,
        { key: "cases.toReceive", title: "待接收", tone: "info", href: mineHref("escalated") },
        { ...mine, status: ["escalated"] },
      ),
      ledgerSection(
        scope,
        now,
        { key: "cases.toDecide", title: "待受理", tone: "info", href: mineHref("registered") },
        { ...mine, status: ["registered"] },
        (c) => (c.channel === "online" ? "网上投诉" : (c.businessName ?? undefined)),
      ),
      ledgerSection(
        scope,
        now,
        { key: "cases.dueSoon", title: "即将到期", tone: "warning", href: "/cases?view=dueSoon" },
        { dueSoon: true },
      ),
      ledgerSection(
        scope,
        now,
        { key: "cases.overdue", title: "已超期", tone: "danger", href: "/cases?view=overdue" },
        { overdue: true },
      ),
    ]);
  },
};
