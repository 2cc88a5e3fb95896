import type { AttachmentRef } from "../attachments/schema.ts";
import { type AppError, Unprocessable } from "../common/errors.ts";
import { type MetricFacts, metricDefinition, metricValue } from "./metrics.ts";
import type { PatchSheetInput, Scale, SheetItem, TemplateItem } from "./schema.ts";

/**
 * The scoring of the annual assessment, pure: what a template may hold, what an auto item scores from
 * its metric, how a person's scores apply to a sheet, totals, stars and ranks. Points are kept to two
 * decimals (a linear item of 15 points at 93.3% scores 14).
 */
export const round2 = (x: number) => Math.round(x * 100) / 100;

/** A template's problems beyond its shape: the points must add up to 100; metrics must have data. */
export function templateProblem(items: readonly TemplateItem[]): AppError | null {
  const sum = items.reduce((s, i) => s + i.maxPoints, 0);
  if (sum !== 100)
    return Unprocessable(`考核项目满分合计应为 100 分，现为 ${sum} 分`, "TEMPLATE_NOT_100", { sum });
  const missing = items.filter((i) => i.metric && !metricDefinition(i.metric).available);
  if (missing.length)
    return Unprocessable(
      `指标「${missing.map((i) => metricDefinition(i.metric!).label).join("、")}」的数据尚未记录，暂不能用于自动计分`,
      "METRIC_NOT_AVAILABLE",
      { metrics: missing.map((i) => i.metric) },
    );
  return null;
}

/** Points of a scale at a value: linear on the rate (capped at 1), or the best threshold reached. */
function scalePoints(scale: Scale, maxPoints: number, rate: number, value: number): number {
  if (scale === "linear") return round2(maxPoints * Math.min(1, Math.max(0, rate)));
  const reached = scale.thresholds.filter((t) => value >= t.atLeast).map((t) => t.points);
  return Math.min(maxPoints, reached.length ? Math.max(...reached) : 0);
}

/** An auto item computed from the year's facts, with its inputs frozen beside the points. */
export function autoItem(item: TemplateItem, facts: MetricFacts): SheetItem {
  const def = metricDefinition(item.metric!);
  const input = def.compute(facts, item.target ?? def.defaultTarget);
  if (input.denominator <= 0) {
    const rule = item.ifNoData ?? "full";
    const points = rule === "full" ? item.maxPoints : rule === "zero" ? 0 : null;
    return { code: item.code, points, auto: true, input, noData: true };
  }
  const value = metricValue(def.code, input) ?? 0;
  const points = scalePoints(
    item.scale ?? "linear",
    item.maxPoints,
    input.numerator / input.denominator,
    value,
  );
  return { code: item.code, points, auto: true, input };
}

/** A new sheet's items: auto items computed, manual items waiting for an inspector. */
export function newSheetItems(items: readonly TemplateItem[], facts: MetricFacts): SheetItem[] {
  return items.map((i) =>
    i.source === "auto" ? autoItem(i, facts) : { code: i.code, points: null, auto: false },
  );
}

/** May a person score this item (a manual item, or an auto item whose template leaves “no data” to a person)? */
export const scoredByHand = (item: SheetItem, def: TemplateItem) =>
  def.source === "manual" || (item.noData === true && def.ifNoData === "manual");

export const unscoredCount = (items: readonly SheetItem[]) => items.filter((i) => i.points === null).length;

/** The sum of the points, or null while an item is unscored. */
export function sheetTotal(items: readonly SheetItem[]): number | null {
  if (items.some((i) => i.points === null)) return null;
  return round2(items.reduce((s, i) => s + (i.points ?? 0), 0));
}

/**
 * A person's scores applied to a sheet: only items scored by hand, points within [0, maxPoints] (422
 * otherwise, naming the item). Returns the new items and how the count of unscored items changed.
 */
export function applyScores(
  current: readonly SheetItem[],
  template: readonly TemplateItem[],
  patch: PatchSheetInput["items"],
  by: string,
  at: string,
  /** The files newly linked by this patch (the item's files already shown are kept by id). */
  linked: ReadonlyMap<string, AttachmentRef> = new Map(),
): { items: SheetItem[]; unscoredDelta: number } {
  const defs = new Map(template.map((t) => [t.code, t]));
  const next = current.map((i) => ({ ...i }));
  for (const p of patch) {
    const def = defs.get(p.code);
    const item = next.find((i) => i.code === p.code);
    if (!def || !item)
      throw Unprocessable(`考核表中没有编号为 ${p.code} 的项目`, "UNKNOWN_ITEM", { code: p.code });
    if (!scoredByHand(item, def))
      throw Unprocessable(`「${def.title}」由系统按数据自动计分，不能手工修改`, "ITEM_NOT_MANUAL", {
        code: p.code,
      });
    if (p.points !== null && p.points > def.maxPoints)
      throw Unprocessable(`「${def.title}」的得分应在 0 到 ${def.maxPoints} 分之间`, "POINTS_OUT_OF_RANGE", {
        code: p.code,
        maxPoints: def.maxPoints,
      });
    item.points = p.points === null ? null : round2(p.points);
    if (p.note !== undefined) item.note = p.note;
    if (p.attachmentIds !== undefined) {
      const shown = new Map((item.attachments ?? []).map((a) => [a.id, a]));
      item.attachments = p.attachmentIds.map((id) => {
        const ref = shown.get(id) ?? linked.get(id);
        if (!ref) throw new Error(`attachment ${id} was not linked before scoring`);
        return ref;
      });
    }
    item.scoredBy = by;
    item.scoredAt = at;
  }
  return { items: next, unscoredDelta: unscoredCount(next) - unscoredCount(current) };
}

/** Stars for a total: the most stars whose threshold it reaches; below the lowest, none. */
export function starsFor(total: number, rules: readonly { atLeast: number; stars: number }[]): number {
  const reached = rules.filter((r) => total >= r.atLeast).map((r) => r.stars);
  return reached.length ? Math.max(...reached) : 0;
}

export interface Rankable {
  unitId: string;
  unitType: string;
  total: number;
  /** Tree order, to list ties the same way every time. */
  order: string;
}

/**
 * Ranks within each unit type (stations among stations, points among points), best total first; equal
 * totals share a rank and the next rank skips (1, 2, 2, 4).
 */
export function rankSheets(sheets: readonly Rankable[]): Map<string, number> {
  const out = new Map<string, number>();
  const types = new Set(sheets.map((s) => s.unitType));
  for (const type of types) {
    const sorted = sheets
      .filter((s) => s.unitType === type)
      .sort((a, b) => b.total - a.total || (a.order < b.order ? -1 : 1));
    sorted.forEach((s, i) => {
      const prev = sorted[i - 1];
      out.set(s.unitId, prev && prev.total === s.total ? out.get(prev.unitId)! : i + 1);
    });
  }
  return out;
}

/** 422 SHEETS_INCOMPLETE naming the sheets with unscored items (at most 50 named). */
export function incompleteProblem(
  sheets: readonly { unitId: string; unitName: string; items: readonly SheetItem[] }[],
): AppError | null {
  const open = sheets
    .map((s) => ({
      unitId: s.unitId,
      unitName: s.unitName,
      codes: s.items.filter((i) => i.points === null).map((i) => i.code),
    }))
    .filter((s) => s.codes.length);
  if (!open.length) return null;
  return Unprocessable(
    `还有 ${open.length} 个单位的考核表未评完分（如「${open[0]!.unitName}」），不能定稿`,
    "SHEETS_INCOMPLETE",
    { sheets: open.length, incomplete: open.slice(0, 50) },
  );
}
