import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router-dom";
import { PrintFrame } from "../../app/PrintFrame.tsx";
import { useSession } from "../../console/session.tsx";
import { documentCss } from "../cases/documents/print.ts";
import { allSampled, type CampaignUnit, type CampaignWithProgress, campaignQuery, percent } from "./api.ts";
import { useCampaignT } from "./messages.ts";

const reportCss = `${documentCss}
.wq-doc table.grid { table-layout: auto; margin: 2mm 0 4mm; }
.wq-doc table.grid th, .wq-doc table.grid td { width: auto; text-align: center; vertical-align: middle; padding: 1mm 1.5mm; font-size: 10pt; }
.wq-doc table.grid td.name { text-align: left; }
.wq-doc h2 { font-size: 14pt; margin: 4mm 0 1mm; }
`;

function Report({ c, sample, tenant }: { c: CampaignWithProgress; sample: CampaignUnit[]; tenant: string }) {
  const t = useCampaignT();
  const rows = [
    ...c.progress.stations.map((s) => ({ ...s, name: s.stationName })),
    { ...c.progress.total, name: t.total },
  ];
  const yes = (m: boolean | null) => (m === null ? "" : m ? t.meets : t.misses);
  return (
    <article className="wq-doc" data-testid="campaign-report-doc" lang="zh-CN">
      <h1>{t.reportTitle(c.name)}</h1>
      <p className="issuer">{tenant}</p>
      <p className="flush">
        {t.targets(Math.round(c.targets.creationRate * 100), Math.round(c.targets.passRate * 100))}；
        {t.passAt(c.passMark)}；{t.deadline} {c.deadline.slice(0, 10)}
      </p>
      <h2>{t.progress}</h2>
      <table className="grid">
        <thead>
          <tr>
            <th>{t.station}</th>
            <th>{t.enrolled}</th>
            <th>{t.created}</th>
            <th>{t.creationRate}</th>
            <th>{t.sampled}</th>
            <th>{t.inspected}</th>
            <th>{t.passed}</th>
            <th>{t.passRate}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <td className="name">{r.name}</td>
              <td>{r.enrolled}</td>
              <td>{r.created}</td>
              <td>
                {percent(r.creationRate)} {yes(r.meetsCreation)}
              </td>
              <td>{r.sampled}</td>
              <td>{r.inspected}</td>
              <td>{r.passed}</td>
              <td>
                {percent(r.passRate)} {yes(r.meetsPass)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t.sample}</h2>
      {c.sample ? (
        <>
          <p className="flush">{t.drawn(c.sample.seed, c.sample.size, c.sample.drawnAt.slice(0, 10))}</p>
          <p className="note">{t.sampleMethod(c.sample.seed)}</p>
          <table className="grid">
            <thead>
              <tr>
                <th>{t.station}</th>
                <th>{t.colUnit}</th>
                <th>{t.colLot}</th>
                {c.scoreSheet.map((i) => (
                  <th key={i.code}>
                    {i.title}（{i.maxPoints}）
                  </th>
                ))}
                <th>{t.colScore}</th>
                <th>{t.colStatusUnit}</th>
              </tr>
            </thead>
            <tbody>
              {sample.map((u) => (
                <tr key={u.unitId}>
                  <td className="name">{u.stationName}</td>
                  <td className="name">{u.unitName}</td>
                  <td style={{ fontFamily: "monospace" }}>{u.lot?.slice(0, 8) ?? ""}</td>
                  {c.scoreSheet.map((i) => (
                    <td key={i.code}>{u.inspection?.scores.find((s) => s.code === i.code)?.points ?? ""}</td>
                  ))}
                  <td>{u.inspection?.total ?? ""}</td>
                  <td>{t.unitStatus[u.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="flush">{t.notDrawn}</p>
      )}
    </article>
  );
}

/** The printable campaign report (`/campaigns/:id/report`): progress per township, the sample and its scores. */
export default function CampaignReport() {
  const t = useCampaignT();
  const { id = "" } = useParams();
  const { me } = useSession();
  const c = useQuery(campaignQuery(id));
  const sample = useQuery({
    queryKey: ["campaigns", "one", id, "report-sample"],
    queryFn: ({ signal }) => allSampled(id, signal),
  });
  const error = c.error ?? sample.error;
  const ready = c.data && sample.data;
  return (
    <PrintFrame
      css={reportCss}
      testId="campaign-report-page"
      backTo={`/campaigns/${id}`}
      backText={t.back}
      printText={t.print}
      ready={Boolean(ready)}
      error={error}
      errorTitle={t.loadFailed}
    >
      {c.data && sample.data && <Report c={c.data} sample={sample.data} tenant={me.tenant?.name ?? ""} />}
    </PrintFrame>
  );
}
