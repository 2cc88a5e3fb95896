import { canAcknowledge, warningCategoryLabels } from "@weiquan/domain";
import { WarningsRepository } from "@weiquan/store";
import { COUNTED, type SectionSource, SHOWN } from "./section.ts";

/**
 * 待签收的消费警示: the warnings sent to the caller's unit that nobody there has acknowledged yet, newest
 * first (one page of the unit's sparse to-do index). No section when there is nothing to sign for.
 */
export const warningSections: SectionSource = {
  key: "warnings",
  read: async (scope) => {
    if (!canAcknowledge(scope.viewer)) return [];
    const page = await new WarningsRepository(scope.table).inbox({
      unitId: scope.unit.id,
      unacked: true,
      limit: COUNTED,
    });
    if (!page.items.length) return [];
    return [
      {
        key: "warnings.toAck",
        title: "待签收警示",
        tone: page.items.some((w) => w.severity === "urgent") ? "danger" : "warning",
        count: page.items.length,
        more: page.nextCursor !== null,
        href: "/outreach/warnings",
        items: page.items.slice(0, SHOWN).map((w) => ({
          id: w.id,
          title: w.title,
          detail: warningCategoryLabels[w.category].zh,
          href: `/outreach/warnings/${encodeURIComponent(w.id)}`,
          at: w.sentAt,
        })),
      },
    ];
  },
};
