import type { Period } from "@weiquan/domain";
import type { FigureDefinition } from "@weiquan/domain/figures/definitions";
import { Card, Col, Flex, Row, Segmented } from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { Chart } from "./Chart.tsx";
import {
  byMonthOption,
  categoriesOption,
  type RankKey,
  rankedUnits,
  rankOption,
  trendOption,
} from "./charts.ts";
import { type CategoryCount, ledgerLink, type StatsSummary, type UnitFiguresRow } from "./data.ts";
import { defOf } from "./Headline.tsx";
import type { FigureMessages } from "./messages.ts";

const kindKeys = ["complaint", "report", "consultation"] as const;
const rankKeys: RankKey[] = ["received", "resolutionRate", "escalationRate", "satisfactionRate"];

/** The four charts; every bar leads to the ledger view it counts. */
export function Charts({
  s,
  categories,
  units,
  period,
  unitId,
  m,
  en,
  label,
}: {
  s: StatsSummary;
  categories: CategoryCount[];
  /** The per-unit rows, for the ranking (null while they load). */
  units: UnitFiguresRow[] | null;
  period: Period;
  unitId: string;
  m: FigureMessages;
  en: boolean;
  label: (d: FigureDefinition) => string;
}) {
  const navigate = useNavigate();
  const [rankBy, setRankBy] = useState<RankKey>("received");
  const kindNames = useMemo(() => [m.kindComplaint, m.kindReport, m.kindConsultation], [m]);
  const ranked = useMemo(() => rankedUnits(units ?? [], rankBy), [units, rankBy]);
  const options = useMemo(
    () => ({
      byMonth: byMonthOption(s, kindNames),
      categories: categoriesOption(categories, en),
      trend: trendOption(s, [label(defOf("resolutionRate")), label(defOf("satisfactionRate"))]),
    }),
    [s, kindNames, categories, en, label],
  );
  const rankChart = useMemo(() => rankOption(ranked, rankBy), [ranked, rankBy]);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={m.chartByMonth} size="small">
          <Chart
            option={options.byMonth}
            testId="chart-by-month"
            onClick={(e) => {
              const month = s.byMonth[e.dataIndex]?.month;
              const kind = kindKeys[kindNames.indexOf(e.seriesName ?? "")];
              if (month) navigate(ledgerLink({ from: month, to: month }, unitId, { kind }));
            }}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={m.chartCategories} size="small">
          <Chart
            option={options.categories}
            testId="chart-categories"
            onClick={(e) => {
              const c = categories[e.dataIndex];
              if (c) navigate(ledgerLink(period, unitId, { kind: "complaint", category: c.category }));
            }}
          />
          <Flex gap={4} wrap style={{ marginTop: 8 }} data-testid="category-links">
            {categories.map((c) => (
              <Link
                key={c.category}
                to={ledgerLink(period, unitId, { kind: "complaint", category: c.category })}
                data-testid={`category-${c.category}`}
                // 24 px tall at least: a target a finger or an unsteady hand can hit (WCAG 2.5.8).
                style={{
                  display: "inline-block",
                  lineHeight: "24px",
                  minHeight: 24,
                  fontSize: 13,
                  marginRight: 8,
                }}
              >
                {en ? c.category : c.label} {c.count}
              </Link>
            ))}
          </Flex>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={m.chartTrend} size="small">
          <Chart option={options.trend} testId="chart-trend" />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          title={m.chartRanking}
          size="small"
          extra={
            <Segmented<RankKey>
              size="small"
              value={rankBy}
              onChange={setRankBy}
              options={rankKeys.map((k) => ({ value: k, label: label(defOf(k)) }))}
            />
          }
        >
          <Chart
            option={rankChart}
            testId="chart-ranking"
            onClick={(e) => {
              const u = ranked[e.dataIndex];
              if (u) navigate(ledgerLink(period, u.unitId));
            }}
          />
        </Card>
      </Col>
    </Row>
  );
}
