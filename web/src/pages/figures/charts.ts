import type { CategoryCount, StatsSummary, UnitFiguresRow } from "./data.ts";

/** ECharts options of the dashboard's four charts, built from the API's figures (pure). */

export type RankKey = "received" | "resolutionRate" | "escalationRate" | "satisfactionRate";

export function byMonthOption(s: StatsSummary, kindNames: string[]) {
  return {
    tooltip: { trigger: "axis" },
    legend: { data: kindNames, top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 30 },
    xAxis: { type: "category", data: s.byMonth.map((x) => x.month) },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      {
        name: kindNames[0],
        type: "bar",
        stack: "kind",
        barMaxWidth: 36,
        data: s.byMonth.map((x) => x.complaints),
      },
      { name: kindNames[1], type: "bar", stack: "kind", data: s.byMonth.map((x) => x.reports) },
      { name: kindNames[2], type: "bar", stack: "kind", data: s.byMonth.map((x) => x.consultations) },
    ],
  };
}

export function categoriesOption(categories: CategoryCount[], en: boolean) {
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 130, right: 24, top: 10, bottom: 24 },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", inverse: true, data: categories.map((c) => (en ? c.category : c.label)) },
    series: [
      {
        type: "bar",
        barMaxWidth: 22,
        data: categories.map((c) => c.count),
        itemStyle: { color: "#b7360b" },
      },
    ],
  };
}

/**
 * Resolution and satisfaction by month, in percent. A month without a callback has no satisfaction
 * rate (null): the line breaks there instead of dropping to 0 % or bridging the gap.
 */
export function trendOption(s: StatsSummary, names: [string, string]) {
  return {
    tooltip: { trigger: "axis", valueFormatter: (v: number | null) => (v === null ? "—" : `${v}%`) },
    legend: { data: names, top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 30 },
    xAxis: { type: "category", data: s.byMonth.map((x) => x.month) },
    yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
    series: (["resolutionRate", "satisfactionRate"] as const).map((k, i) => ({
      name: names[i],
      type: "line",
      connectNulls: false,
      showAllSymbol: true,
      data: s.byMonth.map((x) => {
        const v = x[k];
        return v === null || v === undefined ? null : Math.round(v * 1000) / 10;
      }),
    })),
  };
}

/** The units below the chosen one rank against each other (stations of a bureau, points of a station); the top 15. */
export function rankedUnits(rows: UnitFiguresRow[], rankBy: RankKey): UnitFiguresRow[] {
  const below = rows.filter((u) => u.depth > 0);
  const type = below.some((u) => u.type === "station") ? "station" : "point";
  return below
    .filter((u) => u.type === type && u.status !== "closed")
    .sort((a, b) => (b[rankBy] ?? -1) - (a[rankBy] ?? -1))
    .slice(0, 15);
}

export function rankOption(ranked: UnitFiguresRow[], rankBy: RankKey) {
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 170, right: 24, top: 10, bottom: 24 },
    xAxis: rankBy === "received" ? { type: "value", minInterval: 1 } : { type: "value", min: 0, max: 100 },
    yAxis: { type: "category", inverse: true, data: ranked.map((u) => u.name) },
    series: [
      {
        type: "bar",
        barMaxWidth: 22,
        data: ranked.map((u) => {
          const v = u[rankBy];
          return v === null ? 0 : rankBy === "received" ? v : Math.round(v * 1000) / 10;
        }),
      },
    ],
  };
}
