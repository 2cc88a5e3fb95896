import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import type { Unit } from "@weiquan/domain";
import { namedPeriod } from "@weiquan/domain/figures/period";
import { Alert, Button, DatePicker, Flex, Select, Spin } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { api, ok, signalled } from "../../api/client.ts";
import { keys } from "../../api/query.ts";
import { errorText } from "../../app/errors.ts";
import { fenToYuan } from "../../app/numbers.ts";
import { useSession } from "../../console/session.tsx";
import { useT } from "../../i18n/messages.ts";
import { CapacityReport } from "../capacity/CapacityFigures.tsx";
import {
  type CategoryCount,
  currentMonth,
  figures,
  percent,
  previousOf,
  type StatsSummary,
  type UnitFiguresRow,
} from "./data.ts";
import { useFigureMessages } from "./messages.ts";
import { SupervisionSection } from "./SupervisionSection.tsx";

/**
 * The period summary report (月报 / 季报 / 半年报 / 年报), written from the figures the way the bureau
 * writes it by hand (seed 002): counts, money recovered, hot categories, the station network's growth.
 * Printable on A4; the page sits outside the console layout so only the report prints.
 */
const printCss = `
.period-report { box-sizing: border-box; width: 210mm; max-width: 100%; margin: 0 auto; padding: 18mm 20mm;
  background: #fff; color: #000; border: 1px solid #d9d9d9;
  font-family: "FangSong", "STFangsong", "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.9; }
.period-report h1 { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 20pt; text-align: center;
  margin: 0 0 2mm; font-weight: bold; }
.period-report .sub { text-align: center; margin-bottom: 8mm; }
.period-report h2 { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 14pt; margin: 6mm 0 2mm; }
.period-report p { text-indent: 2em; margin: 0 0 2mm; }
.period-report table { width: 100%; border-collapse: collapse; font-size: 10.5pt; margin: 2mm 0 4mm; }
.period-report th, .period-report td { border: 1px solid #000; padding: 1mm 2mm; text-align: center; }
.period-report td.name { text-align: left; }
.period-report footer { margin-top: 10mm; text-align: right; }
@media print {
  @page { size: A4 portrait; margin: 15mm; }
  body, #root { background: #fff !important; }
  .no-print { display: none !important; }
  .period-report { border: none; padding: 0; width: auto; }
  .period-report table { break-inside: avoid; }
}
`;

type Kind = "month" | "quarter" | "half" | "year";

function kindOf(name: string): Kind {
  if (/^\d{4}-Q[1-4]$/.test(name)) return "quarter";
  if (/^\d{4}-H[12]$/.test(name)) return "half";
  if (/^\d{4}$/.test(name)) return "year";
  return "month";
}

function nameFor(kind: Kind, month: string): string {
  const y = month.slice(0, 4);
  const mm = Number(month.slice(5, 7));
  if (kind === "quarter") return `${y}-Q${Math.floor((mm - 1) / 3) + 1}`;
  if (kind === "half") return `${y}-H${mm <= 6 ? 1 : 2}`;
  if (kind === "year") return y;
  return month;
}

interface ReportData {
  summary: StatsSummary;
  previous: StatsSummary;
  categories: CategoryCount[];
  units: UnitFiguresRow[];
  network: Unit[];
}

const change = (now: number, before: number) => {
  if (before === 0) return now === 0 ? "与上期持平" : "上期为零";
  const d = (now - before) / before;
  if (d === 0) return "与上期持平";
  return `较上期${d > 0 ? "增长" : "下降"}${Math.abs(d * 100).toFixed(1)}%`;
};

export default function ReportPage() {
  const m = useFigureMessages();
  const t = useT();
  const { me } = useSession();
  const [search, setSearch] = useSearchParams();
  const name = search.get("period") ?? nameFor("quarter", currentMonth());
  const unitId = search.get("unitId") ?? undefined;
  const period = useMemo(() => namedPeriod(name), [name]);
  const report = useQuery({
    queryKey: [...keys.figures, "report", name, unitId],
    enabled: period !== null,
    queryFn: async ({ signal }): Promise<ReportData> => {
      const p = period!;
      const [summary, previous, categories, units, network] = await Promise.all([
        figures.summary(p, unitId, signal),
        figures.summary(previousOf(p), unitId, signal),
        figures.categories(p, unitId, signal),
        figures.units(p, signal),
        ok(api.v1.units.$get({}, signalled(signal))),
      ]);
      return { summary, previous, categories, units: units.items, network: network.items };
    },
  });
  const data = report.data ?? null;
  const error = report.error;

  const kind = kindOf(name);
  const unitName = useMemo(() => {
    const id = data?.summary.unitId;
    return data?.units.find((u) => u.unitId === id)?.name ?? me.tenant?.name ?? "";
  }, [data, me]);

  if (!period) return <Alert type="error" showIcon title={`${m.reportPeriod}: ${name}`} />;
  const s = data?.summary;
  const endDay = `${period.to}-31T23:59:59`;
  const startDay = `${period.from}-01T00:00:00`;
  const count = (type: string, before: string) =>
    (data?.network ?? []).filter(
      (u) => u.type === type && u.status !== "closed" && (u.createdAt ?? "") <= before,
    ).length;
  const grown = (type: string) =>
    (data?.network ?? []).filter(
      (u) => u.type === type && (u.createdAt ?? "") >= startDay && (u.createdAt ?? "") <= endDay,
    ).length;
  const stations = (data?.units ?? []).filter((u) => u.type === "station");
  const totalComplaints = data?.categories.reduce((a, c) => a + c.count, 0) ?? 0;

  return (
    <div style={{ padding: 24, background: "#f5f5f5", minHeight: "100vh" }}>
      <style>{printCss}</style>
      <Flex
        className="no-print"
        gap={12}
        align="center"
        wrap
        style={{ marginBottom: 16, maxWidth: "210mm", marginInline: "auto" }}
      >
        <Link to="/figures">
          <Button icon={<ArrowLeftOutlined />}>{m.reportBack}</Button>
        </Link>
        <Select<Kind>
          value={kind}
          style={{ width: 110 }}
          onChange={(k) => setSearch({ period: nameFor(k, period.to), ...(unitId ? { unitId } : {}) })}
          options={[
            { value: "month", label: m.reportMonthly },
            { value: "quarter", label: m.reportQuarterly },
            { value: "half", label: m.reportHalf },
            { value: "year", label: m.reportYearly },
          ]}
          data-testid="report-kind"
        />
        <DatePicker
          picker={kind === "month" ? "month" : kind === "quarter" ? "quarter" : "year"}
          allowClear={false}
          value={dayjs(`${period.to}-01`)}
          onChange={(d) =>
            d && setSearch({ period: nameFor(kind, d.format("YYYY-MM")), ...(unitId ? { unitId } : {}) })
          }
        />
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="report-print"
        >
          {m.reportPrint}
        </Button>
      </Flex>
      {error ? <Alert type="error" showIcon title={m.loadFailed} description={errorText(error, t)} /> : null}
      {!s || !data ? (
        !error && <Spin />
      ) : (
        <article className="period-report" data-testid="period-report">
          <h1>
            {unitName}
            {period.label}消费维权工作情况
          </h1>
          <div className="sub">
            （统计期间：{period.from} 至 {period.to}）
          </div>

          <h2>一、受理和办理情况</h2>
          <p>
            {period.label}，各级消费维权组织共登记案件 {s.received} 件（
            {change(s.received, data.previous.received)}），其中投诉 {s.complaints} 件、举报 {s.reports}{" "}
            件、咨询 {s.consultations} 件。受理投诉 {s.accepted} 件，依法不予受理 {s.rejected} 件；办结{" "}
            {s.closed} 件。经调解达成协议 {s.resolved} 件，调解不成 {s.failed} 件，终止调解 {s.terminated}{" "}
            件，调解成功率 {percent(s.resolutionRate)}；为消费者挽回经济损失 {fenToYuan(s.recoveredFen)} 元（
            {change(s.recoveredFen, data.previous.recoveredFen)}）。答复消费者咨询 {s.answered} 件，移交举报{" "}
            {s.handedOver} 件。
          </p>
          <p>
            受理决定按时率 {percent(s.onTimeRate)}；回访消费者 {s.callbacks} 次，满意 {s.satisfied}{" "}
            次、基本满意 {s.basicallySatisfied} 次、不满意 {s.unsatisfied} 次，满意率{" "}
            {percent(s.satisfactionRate)}。提交上级办理 {s.escalated} 件，上交率 {percent(s.escalationRate)}
            。截至报告生成时，仍有 {s.overdueNow} 件案件超过办理期限，需督促办理。
          </p>

          <h2>二、投诉热点</h2>
          {data.categories.length === 0 ? (
            <p>本期未登记投诉。</p>
          ) : (
            <>
              <p>
                本期投诉集中在
                {data.categories
                  .slice(0, 3)
                  .map((c) => `${c.label}（${c.count} 件）`)
                  .join("、")}
                等方面。十大投诉热点如下：
              </p>
              <table>
                <thead>
                  <tr>
                    <th>排名</th>
                    <th>类别</th>
                    <th>件数</th>
                    <th>占比</th>
                  </tr>
                </thead>
                <tbody>
                  {data.categories.map((c, i) => (
                    <tr key={c.category}>
                      <td>{i + 1}</td>
                      <td className="name">{c.label}</td>
                      <td>{c.count}</td>
                      <td>{percent(totalComplaints ? c.count / totalComplaints : null)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}

          <h2>三、维权网络建设</h2>
          <p>
            截至期末，共有市场监管所 {count("office", endDay)} 个、消费维权服务站 {count("station", endDay)}{" "}
            个、消费维权服务点 {count("point", endDay)} 个；本期新设服务站 {grown("station")} 个、服务点{" "}
            {grown("point")} 个。各服务站本期办理情况如下：
          </p>
          <table>
            <thead>
              <tr>
                <th>服务站</th>
                <th>登记</th>
                <th>受理</th>
                <th>办结</th>
                <th>调解成功率</th>
                <th>挽回损失（元）</th>
                <th>上交率</th>
              </tr>
            </thead>
            <tbody>
              {stations.map((u) => (
                <tr key={u.unitId}>
                  <td className="name">{u.name}</td>
                  <td>{u.received}</td>
                  <td>{u.accepted}</td>
                  <td>{u.closed}</td>
                  <td>{percent(u.resolutionRate)}</td>
                  <td>{fenToYuan(u.recoveredFen)}</td>
                  <td>{percent(u.escalationRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2>四、培训和宣传</h2>
          {s && <CapacityReport s={s} units={data.units} year={period.to.slice(0, 4)} />}

          <SupervisionSection heading="五、监督检查" s={s} stations={stations} />

          <footer>
            {unitName}
            <br />
            {dayjs().format("YYYY年M月D日")}
          </footer>
        </article>
      )}
    </div>
  );
}
