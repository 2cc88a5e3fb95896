import { ArrowDownOutlined, ArrowUpOutlined } from "@ant-design/icons";
import {
  type FigureDefinition,
  type FigureKey,
  figureDefinitions,
} from "@weiquan/domain/figures/definitions";
import { Card, Col, Row, Statistic, Typography } from "antd";
import { fenToYuan, grouped } from "../../app/numbers.ts";
import { type Drill, percent, type StatsSummary } from "./data.ts";
import type { FigureMessages } from "./messages.ts";

export const defOf = (key: FigureKey) => figureDefinitions.find((d) => d.key === key)!;

/** The headline numbers, each with the ledger view behind it. */
const headline: { key: FigureKey; drill: Drill }[] = [
  { key: "received", drill: {} },
  { key: "accepted", drill: { kind: "complaint" } },
  { key: "closed", drill: { status: "closed" } },
  { key: "resolutionRate", drill: { kind: "complaint", status: "resolved,failed,terminated,closed" } },
  { key: "recoveredFen", drill: { kind: "complaint", status: "resolved,closed" } },
  { key: "consultations", drill: { kind: "consultation" } },
  { key: "escalationRate", drill: {} },
  { key: "onTimeRate", drill: { kind: "complaint" } },
  { key: "overdueNow", drill: { view: "overdue" } },
  { key: "satisfactionRate", drill: { status: "closed" } },
];

export type FigureRow = Partial<Record<FigureKey, number | null>>;

export function formatValue(d: FigureDefinition, v: number | null | undefined): string {
  if (v === null || v === undefined) return "—";
  if (d.format === "rate") return percent(v);
  if (d.format === "fen") return fenToYuan(v);
  return grouped(v);
}

/** Change against the previous period: relative for amounts, in percentage points for rates. */
function Change({
  d,
  now,
  before,
  m,
}: {
  d: FigureDefinition;
  now: FigureRow;
  before: FigureRow;
  m: FigureMessages;
}) {
  if (d.key === "overdueNow") return null;
  const a = now[d.key];
  const b = before[d.key];
  if (a === null || a === undefined || b === null || b === undefined)
    return <Typography.Text type="secondary">{m.noPrevious}</Typography.Text>;
  let text: string;
  let delta: number;
  if (d.format === "rate") {
    delta = a - b;
    text = `${Math.abs(delta * 100).toFixed(1)} pp`;
  } else {
    if (b === 0) return <Typography.Text type="secondary">{m.noPrevious}</Typography.Text>;
    delta = (a - b) / b;
    text = `${Math.abs(delta * 100).toFixed(0)}%`;
  }
  const up = delta > 0;
  return (
    <Typography.Text type={delta === 0 ? "secondary" : undefined} style={{ fontSize: 12 }}>
      {m.vsPrevious} {delta === 0 ? "±0" : up ? <ArrowUpOutlined /> : <ArrowDownOutlined />}{" "}
      {delta === 0 ? "" : text}
    </Typography.Text>
  );
}

/** The headline cards: each figure, its change against the previous period, a click into the ledger. */
export function HeadlineCards({
  s,
  previous,
  m,
  label,
  definition,
  onDrill,
}: {
  s: StatsSummary;
  previous: StatsSummary;
  m: FigureMessages;
  label: (d: FigureDefinition) => string;
  definition: (d: FigureDefinition) => string;
  onDrill: (d: Drill) => void;
}) {
  return (
    <Row gutter={[16, 16]} data-testid="figures-headline">
      {headline.map(({ key, drill: d }) => {
        const def = defOf(key);
        const value = key === "overdueNow" ? s.overdueNow : s[key];
        return (
          <Col key={key} flex="1 1 190px">
            <Card size="small" hoverable onClick={() => onDrill(d)} data-testid={`figure-${key}`}>
              <Statistic
                title={<span title={definition(def)}>{label(def)}</span>}
                value={formatValue(def, value as number | null)}
                valueStyle={key === "overdueNow" && s.overdueNow > 0 ? { color: "#cf1322" } : undefined}
              />
              <Change d={def} now={s} before={previous} m={m} />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
