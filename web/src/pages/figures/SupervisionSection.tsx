import { percent, type StatsSummary, type UnitFiguresRow } from "./data.ts";

const points = (a: number | null, b: number | null) =>
  a === null || b === null ? null : `${Math.abs((a - b) * 100).toFixed(1)} 个百分点`;

/**
 * The period report's supervision part, as a bureau writes it: its sampled callbacks (verified
 * satisfaction beside the units' self-reported one), the inspections and how their findings were rectified.
 */
export function SupervisionSection({
  heading,
  s,
  stations,
}: {
  heading: string;
  s: StatsSummary;
  stations: UnitFiguresRow[];
}) {
  const gap = points(s.satisfactionRate, s.verifiedSatisfactionRate);
  return (
    <section data-testid="report-supervision">
      <h2>{heading}</h2>
      <p>
        {s.sampled === 0
          ? "本期未开展抽查回访。"
          : `县局对本期办结的投诉开展抽查回访，抽取 ${s.sampled} 件，回访接通 ${s.verifiedCallbacks} 件（接通率 ${percent(s.verifiedCallbackRate)}），满意 ${s.verifiedSatisfied} 件、基本满意 ${s.verifiedBasicallySatisfied} 件、不满意 ${s.verifiedUnsatisfied} 件，核实满意率 ${percent(s.verifiedSatisfactionRate)}；各单位自行回访的满意率为 ${percent(s.satisfactionRate)}${gap ? `，两者相差 ${gap}` : ""}。不满意的已转承办单位跟进。`}
      </p>
      <p>
        {s.inspections === 0
          ? "本期未开展检查。"
          : `本期检查各级消费维权组织 ${s.inspections} 次，检查项合格率 ${percent(s.inspectionPassRate)}；发现问题 ${s.findings} 个，已整改并经核验 ${s.findingsRectified} 个（其中按期整改 ${s.findingsRectifiedOnTime} 个），整改完成率 ${percent(s.findingsRectifiedRate)}。`}
        {s.overdueFindingsNow > 0
          ? `截至报告生成时，仍有 ${s.overdueFindingsNow} 个问题逾期未整改，需督促整改。`
          : ""}
      </p>
      {(s.sampled > 0 || s.inspections > 0) && (
        <table>
          <thead>
            <tr>
              <th>服务站</th>
              <th>满意率（自报）</th>
              <th>满意率（核实）</th>
              <th>检查次数</th>
              <th>检查项合格率</th>
              <th>发现问题</th>
              <th>已整改</th>
            </tr>
          </thead>
          <tbody>
            {stations.map((u) => (
              <tr key={u.unitId}>
                <td className="name">{u.name}</td>
                <td>{percent(u.satisfactionRate)}</td>
                <td>{percent(u.verifiedSatisfactionRate)}</td>
                <td>{u.inspections}</td>
                <td>{percent(u.inspectionPassRate)}</td>
                <td>{u.findings}</td>
                <td>{u.findingsRectified}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
