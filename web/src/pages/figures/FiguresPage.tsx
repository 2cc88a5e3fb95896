import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DownloadOutlined,
  PrinterOutlined,
  QuestionCircleOutlined,
  ReloadOutlined,
} from "@ant-design/icons";
import {
  type FigureDefinition,
  type FigureKey,
  figureDefinitions,
  figureNotes,
} from "@weiquan/domain/figures/definitions";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { errorText } from "../../app/errors.ts";
import { useSession } from "../../console/session.tsx";
import { useLang } from "../../i18n/lang.tsx";
import { useT } from "../../i18n/messages.ts";
import { Chart } from "./Chart.tsx";
import {
  type Dashboard,
  type Drill,
  download,
  ledgerLink,
  loadDashboard,
  type Preset,
  percent,
  presetPeriod,
  summaryXlsx,
  type UnitFiguresRow,
  unitsXlsx,
  yuan,
} from "./data.ts";
import { type FigureMessages, useFigureMessages } from "./messages.ts";

const defOf = (key: FigureKey) => figureDefinitions.find((d) => d.key === key)!;

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

type FigureRow = Partial<Record<FigureKey, number | null>>;

function formatValue(d: FigureDefinition, v: number | null | undefined): string {
  if (v === null || v === undefined) return "—";
  if (d.format === "rate") return percent(v);
  if (d.format === "fen") return yuan(v);
  return v.toLocaleString("zh-CN");
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

const presets: Preset[] = ["year", "half", "quarter", "lastQuarter", "month", "lastMonth"];
const presetLabel = (m: FigureMessages, p: Preset) =>
  ({
    year: m.presetYear,
    half: m.presetHalf,
    quarter: m.presetQuarter,
    lastQuarter: m.presetLastQuarter,
    month: m.presetMonth,
    lastMonth: m.presetLastMonth,
  })[p];

type RankKey = "received" | "resolutionRate" | "escalationRate" | "satisfactionRate";

export default function FiguresPage() {
  const m = useFigureMessages();
  const t = useT();
  const { lang } = useLang();
  const en = lang === "en";
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const period = useMemo(() => {
    const fallback = presetPeriod("year");
    return { from: search.get("from") ?? fallback.from, to: search.get("to") ?? fallback.to };
  }, [search]);
  const unitParam = search.get("unitId") ?? undefined;
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);
  const [rankBy, setRankBy] = useState<RankKey>("received");

  useEffect(() => {
    if (attempt < 0) return;
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    loadDashboard(period, unitParam, ctrl.signal).then(
      (d) => {
        setData(d);
        setLoading(false);
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => ctrl.abort();
  }, [period, unitParam, attempt]);

  const setParams = useCallback(
    (next: { from?: string; to?: string; unitId?: string | null }) => {
      const s = new URLSearchParams(search);
      if (next.from) s.set("from", next.from);
      if (next.to) s.set("to", next.to);
      if (next.unitId === null) s.delete("unitId");
      else if (next.unitId) s.set("unitId", next.unitId);
      setSearch(s, { replace: true });
    },
    [search, setSearch],
  );

  const unitId = data?.summary.unitId ?? unitParam ?? me.user.unitId ?? "";
  const drill = useCallback(
    (d: Drill) => navigate(ledgerLink(period, unitId, d)),
    [navigate, period, unitId],
  );
  const label = useCallback((d: FigureDefinition) => (en ? d.labelEn : d.label), [en]);

  const save = async (path: string, name: string) => {
    try {
      await download(path, name);
    } catch (e) {
      message.error(`${m.downloadFailed}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const kindNames = useMemo(() => [m.kindComplaint, m.kindReport, m.kindConsultation], [m]);
  const kindKeys = ["complaint", "report", "consultation"] as const;
  const s = data?.summary;

  const byMonthOption = useMemo(
    () =>
      s && {
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
      },
    [s, kindNames],
  );

  const categories = data?.categories ?? [];
  const categoriesOption = useMemo(
    () => ({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 130, right: 24, top: 10, bottom: 24 },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", inverse: true, data: categories.map((c) => (en ? c.category : c.label)) },
      series: [
        {
          type: "bar",
          barMaxWidth: 22,
          data: categories.map((c) => c.count),
          itemStyle: { color: "#d4380d" },
        },
      ],
    }),
    [categories, en],
  );

  const trendOption = useMemo(
    () =>
      s && {
        tooltip: { trigger: "axis", valueFormatter: (v: number | null) => (v === null ? "—" : `${v}%`) },
        legend: { data: [label(defOf("resolutionRate")), label(defOf("satisfactionRate"))], top: 0 },
        grid: { left: 40, right: 16, top: 40, bottom: 30 },
        xAxis: { type: "category", data: s.byMonth.map((x) => x.month) },
        yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
        series: (["resolutionRate", "satisfactionRate"] as const).map((k) => ({
          name: label(defOf(k)),
          type: "line",
          connectNulls: true,
          data: s.byMonth.map((x) => (x[k] === null ? null : Math.round(x[k] * 1000) / 10)),
        })),
      },
    [s, label],
  );

  /** Stations rank against each other (points for a station's own view). */
  const ranked = useMemo(() => {
    const rows = data?.units ?? [];
    const type = rows.some((u) => u.type === "station" && u.depth > 0) ? "station" : "point";
    return rows
      .filter((u) => u.type === type && u.status !== "closed")
      .sort((a, b) => (b[rankBy] ?? -1) - (a[rankBy] ?? -1))
      .slice(0, 15);
  }, [data, rankBy]);
  const rankOption = useMemo(
    () => ({
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
    }),
    [ranked, rankBy],
  );

  const columns: TableColumnsType<UnitFiguresRow> = [
    {
      title: m.colUnit,
      dataIndex: "name",
      fixed: "left",
      width: 240,
      render: (name: string, u) => (
        <span style={{ paddingLeft: u.depth * 16 }}>
          <Link to={ledgerLink(period, u.unitId)} title={m.drillHint}>
            {name}
          </Link>
        </span>
      ),
    },
    ...(
      [
        "received",
        "complaints",
        "accepted",
        "closed",
        "resolutionRate",
        "recoveredFen",
        "escalationRate",
        "onTimeRate",
        "satisfactionRate",
        "overdueNow",
      ] as const
    ).flatMap((k) => {
      const d = defOf(k);
      const col = {
        title: label(d),
        dataIndex: k,
        key: k,
        align: "right" as const,
        sorter: (a: UnitFiguresRow, b: UnitFiguresRow) => (a[k] ?? -1) - (b[k] ?? -1),
        render: (v: number | null) => formatValue(d, v),
      };
      if (k !== "received") return [col];
      return [
        col,
        {
          title: m.colOwnReceived,
          dataIndex: "ownReceived",
          key: "ownReceived",
          align: "right" as const,
          sorter: (a: UnitFiguresRow, b: UnitFiguresRow) => a.ownReceived - b.ownReceived,
        },
      ];
    }),
  ];

  const unitOptions = (data?.units ?? []).map((u) => ({
    value: u.unitId,
    label: `${"　".repeat(u.depth)}${u.name}`,
  }));
  const reportPeriod =
    period.from.slice(0, 4) === period.to.slice(0, 4) && period.from === period.to
      ? period.from
      : `${period.to.slice(0, 4)}-Q${Math.floor((Number(period.to.slice(5, 7)) - 1) / 3) + 1}`;

  return (
    <Space orientation="vertical" size={16} style={{ display: "flex" }} data-testid="figures-page">
      <Card>
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <div style={{ maxWidth: 640 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {m.title}
            </Typography.Title>
            <Typography.Text type="secondary">{m.intro}</Typography.Text>
          </div>
          <Space wrap>
            <Button
              icon={<QuestionCircleOutlined />}
              onClick={() => setHelpOpen(true)}
              data-testid="figures-help"
            >
              {m.help}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => save(summaryXlsx(period, unitParam), "summary.xlsx")}
              data-testid="figures-export"
            >
              {m.exportSummary}
            </Button>
            <Link to={`/figures/report?period=${reportPeriod}${unitParam ? `&unitId=${unitParam}` : ""}`}>
              <Button icon={<PrinterOutlined />} data-testid="figures-report">
                {m.printReport}
              </Button>
            </Link>
            <Button icon={<ReloadOutlined />} loading={loading} onClick={() => setAttempt((n) => n + 1)}>
              {m.refresh}
            </Button>
          </Space>
        </Flex>
        <Flex gap={8} wrap align="center" style={{ marginTop: 16 }}>
          <Segmented<Preset | "custom">
            value={
              presets.find((p) => {
                const x = presetPeriod(p);
                return x.from === period.from && x.to === period.to;
              }) ?? "custom"
            }
            options={presets.map((p) => ({ value: p, label: presetLabel(m, p) }))}
            onChange={(p) => p !== "custom" && setParams(presetPeriod(p))}
            data-testid="figures-presets"
          />
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            value={[dayjs(`${period.from}-01`), dayjs(`${period.to}-01`)]}
            onChange={(v) => {
              if (v?.[0] && v[1]) setParams({ from: v[0].format("YYYY-MM"), to: v[1].format("YYYY-MM") });
            }}
            data-testid="figures-period"
          />
          <Select
            style={{ minWidth: 260 }}
            value={unitId || undefined}
            options={unitOptions}
            placeholder={m.unit}
            onChange={(v: string) => setParams({ unitId: v })}
            showSearch={{ optionFilterProp: "label" }}
            data-testid="figures-unit"
          />
        </Flex>
      </Card>

      {error ? <Alert type="error" showIcon title={m.loadFailed} description={errorText(error, t)} /> : null}

      {s && data ? (
        <>
          <Row gutter={[16, 16]} data-testid="figures-headline">
            {headline.map(({ key, drill: d }) => {
              const def = defOf(key);
              const value = key === "overdueNow" ? s.overdueNow : s[key];
              return (
                <Col key={key} flex="1 1 190px">
                  <Card size="small" hoverable onClick={() => drill(d)} data-testid={`figure-${key}`}>
                    <Statistic
                      title={<span title={en ? def.definitionEn : def.definition}>{label(def)}</span>}
                      value={formatValue(def, value as number | null)}
                      valueStyle={key === "overdueNow" && s.overdueNow > 0 ? { color: "#cf1322" } : undefined}
                    />
                    <Change d={def} now={s} before={data.previous} m={m} />
                  </Card>
                </Col>
              );
            })}
          </Row>

          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title={m.chartByMonth} size="small">
                <Chart
                  option={byMonthOption!}
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
                  option={categoriesOption}
                  testId="chart-categories"
                  onClick={(e) => {
                    const c = categories[e.dataIndex];
                    if (c) drill({ kind: "complaint", category: c.category });
                  }}
                />
                <Flex gap={4} wrap style={{ marginTop: 8 }} data-testid="category-links">
                  {categories.map((c) => (
                    <Link
                      key={c.category}
                      to={ledgerLink(period, unitId, { kind: "complaint", category: c.category })}
                      data-testid={`category-${c.category}`}
                      style={{ fontSize: 12, marginRight: 8 }}
                    >
                      {en ? c.category : c.label} {c.count}
                    </Link>
                  ))}
                </Flex>
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={m.chartTrend} size="small">
                <Chart option={trendOption!} testId="chart-trend" />
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
                    options={(
                      ["received", "resolutionRate", "escalationRate", "satisfactionRate"] as const
                    ).map((k) => ({ value: k, label: label(defOf(k)) }))}
                  />
                }
              >
                <Chart
                  option={rankOption}
                  testId="chart-ranking"
                  onClick={(e) => {
                    const u = ranked[e.dataIndex];
                    if (u) navigate(ledgerLink(period, u.unitId));
                  }}
                />
              </Card>
            </Col>
          </Row>

          <Card
            title={m.unitsTable}
            size="small"
            extra={
              <Button
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => save(unitsXlsx(period), "units.xlsx")}
                data-testid="figures-export-units"
              >
                {m.exportUnits}
              </Button>
            }
          >
            <Table<UnitFiguresRow>
              rowKey="unitId"
              size="small"
              columns={columns}
              dataSource={data.units}
              pagination={false}
              scroll={{ x: 1300 }}
              data-testid="figures-units"
            />
          </Card>
        </>
      ) : null}

      <Drawer
        open={helpOpen}
        onClose={() => setHelpOpen(false)}
        title={m.helpTitle}
        size={520}
        data-testid="figures-help-drawer"
      >
        <Space orientation="vertical" size={12}>
          {figureDefinitions.map((d) => (
            <div key={d.key}>
              <Typography.Text strong>{label(d)}</Typography.Text>
              <br />
              <Typography.Text>{en ? d.definitionEn : d.definition}</Typography.Text>
            </div>
          ))}
          <div>
            <Typography.Text strong>{m.helpScope}</Typography.Text>
            <br />
            <Typography.Text>{en ? figureNotes.subtreeEn : figureNotes.subtree}</Typography.Text>
          </div>
        </Space>
      </Drawer>
    </Space>
  );
}
