import { DownloadOutlined, PrinterOutlined, QuestionCircleOutlined, ReloadOutlined } from "@ant-design/icons";
import { useIsFetching, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FigureDefinition } from "@weiquan/domain/figures/definitions";
import { App, Button, Card, DatePicker, Flex, Segmented, Space, TreeSelect } from "antd";
import dayjs from "dayjs";
import { Suspense, useCallback, useMemo, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { keys } from "../../api/query.ts";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { errorText } from "../../app/errors.ts";
import { Field } from "../../app/Field.tsx";
import { PageHeader } from "../../app/PageHeader.tsx";
import { useAfterPaint } from "../../app/useAfterPaint.ts";
import { useSession } from "../../console/session.tsx";
import { useLang } from "../../i18n/lang.tsx";
import { useT } from "../../i18n/messages.ts";
import { treeOptions, useUnits } from "../cases/parts.tsx";
import { download, ledgerLink, type Preset, presetPeriod, summaryXlsx, unitsXlsx } from "./data.ts";
import { HeadlineCards } from "./Headline.tsx";
import { CapacityFiguresCard, Charts, HelpDrawer, UnitsTable } from "./later.ts";
import { type FigureMessages, useFigureMessages } from "./messages.ts";
import { reportPeriodOf } from "./period-name.ts";
import { categoriesQuery, figuresScope, headlineQuery, unitFiguresQuery } from "./queries.ts";

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

/**
 * 统计分析: the headline figures first (two small reads), then the charts, then the per-unit table —
 * each part shows as soon as its own read answers, so a county of a thousand units sees its numbers at once.
 */
export default function FiguresPage() {
  const m = useFigureMessages();
  const t = useT();
  const { lang } = useLang();
  const en = lang === "en";
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const { period, unitParam } = useMemo(() => figuresScope(search), [search]);
  const [helpOpen, setHelpOpen] = useState(false);

  const headline = useQuery(headlineQuery(period, unitParam));
  const categories = useQuery(categoriesQuery(period, unitParam));
  const units = useQuery(unitFiguresQuery(period, unitParam));
  const loading = useIsFetching({ queryKey: keys.figures }) > 0;

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

  const s = headline.data?.summary;
  // The headline paints first; the charts, the capacity card, the per-unit table and the unit picker's
  // tree of a whole county follow in the next frame.
  const rest = useAfterPaint(Boolean(s) || headline.isError);
  const network = useUnits(rest);
  const unitId = s?.unitId ?? unitParam ?? me.user.unitId ?? "";
  const label = useCallback((d: FigureDefinition) => (en ? d.labelEn : d.label), [en]);
  const unitTree = useMemo(() => (rest ? treeOptions(network.tree) : []), [rest, network.tree]);
  const save = async (path: string, name: string) => {
    try {
      await download(path, name);
    } catch (e) {
      message.error(`${m.downloadFailed}: ${errorText(e, t)}`);
    }
  };
  const reportPeriod = reportPeriodOf(period);

  return (
    <Space orientation="vertical" size={16} style={{ display: "flex" }} data-testid="figures-page">
      <Card>
        <PageHeader title={m.title} intro={m.intro} style={{ marginBottom: 0 }}>
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
            <Link
              to={`/figures/report?period=${reportPeriod}${unitParam ? `&unitId=${unitParam}` : ""}`}
              data-testid="figures-report"
            >
              <Button icon={<PrinterOutlined />} tabIndex={-1}>
                {m.printReport}
              </Button>
            </Link>
            <Button
              icon={<ReloadOutlined />}
              loading={loading}
              onClick={() => void queryClient.invalidateQueries({ queryKey: keys.figures })}
            >
              {m.refresh}
            </Button>
          </Space>
        </PageHeader>
        <Flex gap={12} wrap align="flex-end" style={{ marginTop: 16 }}>
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
          <Field label={m.period} htmlFor="figures-period">
            <DatePicker.RangePicker
              id={{ start: "figures-period" }}
              picker="month"
              allowClear={false}
              value={[dayjs(`${period.from}-01`), dayjs(`${period.to}-01`)]}
              onChange={(v) => {
                if (v?.[0] && v[1]) setParams({ from: v[0].format("YYYY-MM"), to: v[1].format("YYYY-MM") });
              }}
              data-testid="figures-period"
            />
          </Field>
          <Field label={m.unit} htmlFor="figures-unit">
            <TreeSelect
              id="figures-unit"
              style={{ minWidth: 260 }}
              value={(rest && unitId) || undefined}
              treeData={unitTree}
              onChange={(v: string) => setParams({ unitId: v })}
              showSearch={{ treeNodeFilterProp: "title" }}
              data-testid="figures-unit"
            />
          </Field>
        </Flex>
      </Card>

      <ErrorAlert error={headline.error ?? categories.error ?? units.error} title={m.loadFailed} />

      {s && headline.data && (
        <HeadlineCards
          s={s}
          previous={headline.data.previous}
          m={m}
          label={label}
          definition={(d) => (en ? d.definitionEn : d.definition)}
          onDrill={(d) => navigate(ledgerLink(period, unitId, d))}
        />
      )}
      {s && rest && (
        <Suspense fallback={null}>
          <Space orientation="vertical" size={16} style={{ display: "flex" }}>
            <CapacityFiguresCard s={s} year={period.to.slice(0, 4)} />
            <Charts
              s={s}
              categories={categories.data ?? []}
              units={units.data?.items ?? null}
              period={period}
              unitId={unitId}
              m={m}
              en={en}
              label={label}
            />
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
              <UnitsTable
                rows={units.data?.items ?? []}
                loading={units.isFetching}
                period={period}
                m={m}
                label={label}
                onOpen={(id) => setParams({ unitId: id })}
              />
            </Card>
          </Space>
        </Suspense>
      )}
      {(rest || helpOpen) && (
        <Suspense fallback={null}>
          <HelpDrawer open={helpOpen} onClose={() => setHelpOpen(false)} m={m} en={en} label={label} />
        </Suspense>
      )}
    </Space>
  );
}
