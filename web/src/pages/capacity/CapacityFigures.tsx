import { useQuery } from "@tanstack/react-query";
import { Card, Col, Row, Statistic } from "antd";
import { Link } from "react-router-dom";
import { percent, type StatsSummary, type UnitFiguresRow } from "../figures/data.ts";
import { coverageQuery } from "./api.ts";
import { useCapacityT } from "./messages.ts";

/** The dashboard's capacity figures for the period (from the summary) and the year's training coverage. */
export function CapacityFiguresCard({ s, year }: { s: StatsSummary; year: string }) {
  const t = useCapacityT();
  const coverage = useQuery(coverageQuery(year));
  const l = t.fig;
  const items: [string, string | number][] = [
    [l.trainingsHeld, s.trainingsHeld],
    [l.trainingAttendances, s.trainingAttendances],
    [l.coverage, coverage.data ? percent(coverage.data.rate) : "—"],
    [l.publicityEvents, s.publicityEvents],
    [l.peopleReached, s.peopleReached],
    [l.consumerRightsDayEvents, s.consumerRightsDayEvents],
    [l.warningAckRate, percent(s.warningAckRate)],
  ];
  return (
    <Card
      size="small"
      title={l.title}
      extra={<Link to="/outreach">{t.title}</Link>}
      data-testid="capacity-figures"
    >
      <Row gutter={[16, 8]}>
        {items.map(([label, value]) => (
          <Col key={label} xs={12} md={8} lg={6} xl={3}>
            <Statistic title={label} value={value} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** Section 四 of the period report: trainings, publicity and warnings, and each station's share. */
export function CapacityReport({
  s,
  units,
  year,
}: {
  s: StatsSummary;
  units: UnitFiguresRow[];
  year: string;
}) {
  const coverage = useQuery(coverageQuery(year));
  const stations = units.filter((u) => u.type === "station");
  const kinds = s.publicityByKind.filter((k) => k.events > 0);
  return (
    <>
      <p>
        本期共组织业务培训 {s.trainingsHeld} 场，参训单位 {s.trainingAttendances} 单位次、{s.peopleTrained}{" "}
        人次
        {coverage.data
          ? `；${year} 年各服务站、服务点达到每年不少于 ${coverage.data.minimumPerYear} 次培训要求的占 ${percent(coverage.data.rate)}`
          : ""}
        。开展消费维权宣传活动 {s.publicityEvents} 场
        {kinds.length ? `（${kinds.map((k) => `${k.label} ${k.events} 场`).join("、")}）` : ""}，受众{" "}
        {s.peopleReached} 人次，发放宣传资料 {s.materialsHandedOut} 份，其中 3·15 活动{" "}
        {s.consumerRightsDayEvents} 场。发布消费警示 {s.warningsReceived} 份次，已签收 {s.warningsAcked}{" "}
        份次，签收率 {percent(s.warningAckRate)}。
      </p>
      <table>
        <thead>
          <tr>
            <th>服务站</th>
            <th>组织培训</th>
            <th>参训单位次</th>
            <th>宣传活动</th>
            <th>受众人次</th>
            <th>警示签收率</th>
          </tr>
        </thead>
        <tbody>
          {stations.map((u) => (
            <tr key={u.unitId}>
              <td className="name">{u.name}</td>
              <td>{u.trainingsHeld}</td>
              <td>{u.trainingAttendances}</td>
              <td>{u.publicityEvents}</td>
              <td>{u.peopleReached}</td>
              <td>{percent(u.warningAckRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
