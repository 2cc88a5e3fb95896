import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router-dom";
import { PrintFrame } from "../../app/PrintFrame.tsx";
import { useSession } from "../../console/session.tsx";
import { documentCss } from "../cases/documents/print.ts";
import {
  type Assessment,
  allSheets,
  assessmentQuery,
  type Metric,
  metricsQuery,
  type Sheet,
  sheetQuery,
} from "./api.ts";
import { useAssessmentT } from "./messages.ts";
import { pts } from "./parts.tsx";

const printCss = `${documentCss}
.wq-doc table.rank { table-layout: auto; }
.wq-doc table.rank th, .wq-doc table.rank td { width: auto; text-align: center; vertical-align: middle; padding: 1mm 1.5mm; font-size: 10pt; }
.wq-doc table.rank td.name { text-align: left; }
.wq-doc table.sheet th { width: auto; }
.wq-doc table.sheet td { font-size: 10.5pt; }
.wq-doc .meta { text-indent: 0; font-size: 11pt; margin: 0 0 3mm; display: flex; justify-content: space-between; }
`;

const starText = (n: number | null) => (n ? "★".repeat(n) : "");

function Ranking({ a, sheets, tenant }: { a: Assessment; sheets: Sheet[]; tenant: string }) {
  const t = useAssessmentT();
  const items = a.template.items;
  return (
    <article className="wq-doc" data-testid="print-ranking" lang="zh-CN">
      <h1>{t.rankingTitle(a.year, a.name)}</h1>
      <p className="issuer">{tenant}</p>
      <p className="meta">
        <span>{t.printedAt(a.computedAt.slice(0, 10))}</span>
        <span>{a.signOff ? t.signedOff(a.signOff.name, a.signOff.at.slice(0, 10)) : t.notSignedOff}</span>
      </p>
      <table className="rank">
        <thead>
          <tr>
            <th style={{ width: "10mm" }}>{t.colRank}</th>
            <th style={{ width: "auto" }}>{t.colUnit}</th>
            {items.map((i) => (
              <th key={i.code} title={i.title}>
                {i.title}
                <br />({i.maxPoints})
              </th>
            ))}
            <th>{t.colTotal}</th>
            <th>{t.colStars}</th>
          </tr>
        </thead>
        <tbody>
          {sheets.map((s) => (
            <tr key={s.unitId}>
              <td>{s.rank ?? ""}</td>
              <td className="name">{s.unitName}</td>
              {items.map((i) => (
                <td key={i.code}>{pts(s.items.find((x) => x.code === i.code)?.points)}</td>
              ))}
              <td>{pts(s.total)}</td>
              <td>{starText(s.stars)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="signs">
        <div>
          {t.inspectors}：<span className="line" />
        </div>
        <div>
          {t.coAssessor}：<span className="line" />
        </div>
      </div>
    </article>
  );
}

function SheetDoc({ a, s, metrics, tenant }: { a: Assessment; s: Sheet; metrics: Metric[]; tenant: string }) {
  const t = useAssessmentT();
  return (
    <article className="wq-doc" data-testid={`print-sheet-${s.unitId}`} lang="zh-CN">
      <h1>{`${a.year} 年度${t.sheetTitle(s.unitName)}`}</h1>
      <p className="issuer">{tenant}</p>
      <p className="meta">
        <span>{s.parentName ?? ""}</span>
        <span>{t.printedAt(a.computedAt.slice(0, 10))}</span>
      </p>
      <table className="sheet">
        <thead>
          <tr>
            <th style={{ width: "30mm" }}>{t.itemTitle}</th>
            <th>{t.itemGuidance}</th>
            <th style={{ width: "13mm" }}>{t.itemMax}</th>
            <th style={{ width: "13mm" }}>{t.points}</th>
            <th style={{ width: "38mm" }}>{t.note}</th>
          </tr>
        </thead>
        <tbody>
          {a.template.items.map((i) => {
            const got = s.items.find((x) => x.code === i.code);
            const m = metrics.find((x) => x.code === i.metric);
            return (
              <tr key={i.code}>
                <td>{i.title}</td>
                <td>
                  {i.source === "auto"
                    ? `${m?.label ?? i.metric}：${m?.definition ?? ""}`
                    : (i.guidance ?? "")}
                </td>
                <td style={{ textAlign: "center" }}>{i.maxPoints}</td>
                <td style={{ textAlign: "center" }}>{pts(got?.points)}</td>
                <td>
                  {got?.input ? t.autoInput(got.input.numerator, got.input.denominator) : ""}
                  {got?.noData ? t.noData : ""}
                  {got?.note ?? ""}
                </td>
              </tr>
            );
          })}
          <tr>
            <td colSpan={2} style={{ textAlign: "center" }}>
              {t.total}
            </td>
            <td style={{ textAlign: "center" }}>100</td>
            <td style={{ textAlign: "center" }}>{pts(s.total)}</td>
            <td>
              {s.rank ? `${t.colRank} ${s.rank} ` : ""}
              {starText(s.stars)}
            </td>
          </tr>
        </tbody>
      </table>
      <div className="signs sign-block">
        <div>
          {t.inspectors}：<span className="line" />
        </div>
        <div>
          {t.coAssessor}：<span className="line" />
        </div>
      </div>
    </article>
  );
}

/** The printed ranking (`/assessment/:id/print`) or one unit's sheet (`…/print/:unitId`), A4, outside the layout. */
export default function AssessmentPrint() {
  const t = useAssessmentT();
  const { id = "", unitId } = useParams();
  const { me } = useSession();
  const header = useQuery(assessmentQuery(id));
  const metrics = useQuery(metricsQuery).data ?? [];
  const ranking = useQuery({
    queryKey: ["assessment", "one", id, "print-ranking"],
    queryFn: ({ signal }) => allSheets(id, "rank", signal),
    enabled: !unitId,
  });
  const sheet = useQuery({ ...sheetQuery(id, unitId ?? ""), enabled: Boolean(unitId) });
  const error = header.error ?? ranking.error ?? sheet.error;
  const a = header.data;
  const tenant = me.tenant?.name ?? "";
  const ready = a && (unitId ? sheet.data : ranking.data);
  return (
    <PrintFrame
      css={printCss}
      testId="assessment-print-page"
      backTo={`/assessment/${id}`}
      backText={t.back}
      printText={t.print}
      ready={Boolean(ready)}
      error={error}
      errorTitle={t.loadFailed}
    >
      {a && !unitId && ranking.data && <Ranking a={a} sheets={ranking.data} tenant={tenant} />}
      {a && unitId && sheet.data && <SheetDoc a={a} s={sheet.data} metrics={metrics} tenant={tenant} />}
    </PrintFrame>
  );
}
