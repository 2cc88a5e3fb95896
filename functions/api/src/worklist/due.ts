import {
  addMonths,
  canRunAssessments,
  canSupervise,
  quarterOfMonth,
  shanghaiMonth,
  unitTypeLabels,
} from "@weiquan/domain";
import { AssessmentsRepository, RoundsRepository } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";
import { coverage } from "../inspections/lists.ts";
import { roundIdOf } from "../sampling/rounds.ts";
import { COUNTED, SHOWN, type WorkSection } from "./section.ts";

/** The last day of a quarter (`2026-Q4` → `2026-12-31`), end of day in Asia/Shanghai. */
export function quarterEnd(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const lastMonth = Number(quarter.slice(6)) * 3;
  const day = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return `${year}-${String(lastMonth).padStart(2, "0")}-${day}T23:59:59.999+08:00`;
}

/** Last month's round of the caller's own scope, if it was not drawn yet (one GetItem). */
export async function roundDue(scope: Scope, now: Date): Promise<WorkSection[]> {
  if (!canSupervise(scope.viewer, scope.unit.path)) return [];
  const month = addMonths(shanghaiMonth(now), -1);
  const header = await new RoundsRepository(scope.table).header(roundIdOf(month, scope.unit.id));
  const href = `/supervision/sampling?draw=${month}`;
  const due = header?.status !== "ready";
  return [
    {
      key: "sampling.roundDue",
      title: "本月应抽取回访样本",
      tone: "warning",
      href,
      count: due ? 1 : 0,
      more: false,
      items: due
        ? [
            {
              id: `round:${month}`,
              title: `${month} 办结投诉的抽查回访样本尚未抽取`,
              detail: `${scope.unit.name} · 每月抽查回访上月办结的投诉`,
              href,
            },
          ]
        : [],
    },
  ];
}

/**
 * The stations and points of the caller's area not inspected yet this quarter (the coverage's units with
 * none), the quarter's end as their due date. Reads what the coverage reads: the units once and the
 * quarter's inspections (keys only).
 */
export async function notInspected(scope: Scope, now: Date): Promise<WorkSection[]> {
  if (!canSupervise(scope.viewer, scope.unit.path)) return [];
  const quarter = quarterOfMonth(shanghaiMonth(now));
  const c = await coverage(scope, quarter);
  const missing = c.units.filter((u) => u.inspections === 0);
  const dueBy = quarterEnd(quarter);
  const href = "/supervision/inspections?tab=coverage";
  return [
    {
      key: "inspections.notVisited",
      title: "本季度未检查",
      tone: "info",
      href,
      count: missing.length,
      more: false,
      items: missing.slice(0, SHOWN).map((u) => ({
        id: u.unitId,
        title: u.name,
        detail: `${unitTypeLabels[u.type as keyof typeof unitTypeLabels]?.zh ?? u.type} · ${quarter} 尚未检查（已检查 ${c.inspected} / ${c.total}）`,
        href,
        dueBy,
      })),
    },
  ];
}

/**
 * The assessments being scored with manual items still unscored: for the bureau the header's count; for a
 * regulation office the sheets of its area (one page). This year's and last year's (scored in January).
 */
export async function sheetsToScore(scope: Scope, now: Date): Promise<WorkSection[]> {
  const office = scope.viewer.role === "office_staff";
  if (!canRunAssessments(scope.viewer.role) && !office) return [];
  const repo = new AssessmentsRepository(scope.table);
  // The newest assessments first (one query): this year's and last year's are the ones still scored.
  const since = String(Number(shanghaiMonth(now).slice(0, 4)) - 1);
  const headers = (await repo.listHeaders(undefined, 10)).items.filter(
    (h) => h.status === "scoring" && h.year >= since,
  );
  const items = [];
  let count = 0;
  for (const h of headers) {
    let unscored = h.unscoredItems;
    if (office) {
      const page = await repo.listSheets(h.id, { order: "tree", pathPrefix: scope.unit.path }, COUNTED);
      unscored = page.items.reduce(
        (s, sh) => s + sh.items.filter((i) => !i.auto && i.points === null).length,
        0,
      );
    }
    if (!unscored) continue;
    count += unscored;
    items.push({
      id: h.id,
      title: `${h.year} 年度考核：${unscored} 个评分项待评分`,
      detail: h.name,
      href: `/assessment/${h.id}`,
    });
  }
  return [
    {
      key: "assessment.toScore",
      title: "年度考核待评分",
      tone: "info",
      href: items[0]?.href ?? "/assessment",
      count,
      more: false,
      items: items.slice(0, SHOWN),
    },
  ];
}
