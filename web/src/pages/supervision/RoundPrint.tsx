import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router-dom";
import { PrintFrame } from "../../app/PrintFrame.tsx";
import { useSession } from "../../console/session.tsx";
import { documentCss } from "../cases/documents/print.ts";
import { formatTime } from "../cases/format.ts";
import { unitName, useUnits } from "../cases/parts.tsx";
import { type Round, type RoundItem, roundQuery } from "./api.ts";
import { type SupervisionMessages, useSupT } from "./messages.ts";

/**
 * A4 portrait: the list's columns fit the width at 9.5 pt; the header row repeats on every page and a
 * row never splits, so a long round runs on over as many pages as it needs.
 */
const printCss = `${documentCss}
.wq-doc table.items { table-layout: auto; }
.wq-doc table.items th, .wq-doc table.items td { width: auto; font-size: 9.5pt; padding: 0.8mm 1.2mm;
  line-height: 1.35; vertical-align: middle; }
.wq-doc table.items thead { display: table-header-group; }
.wq-doc table.items td.c { text-align: center; white-space: nowrap; }
.wq-doc .meta { text-indent: 0; font-size: 10.5pt; margin: 0 0 2mm; display: flex; flex-wrap: wrap;
  justify-content: space-between; gap: 0 6mm; }
.wq-doc .how { text-indent: 0; font-size: 9.5pt; line-height: 1.45; margin: 0 0 3mm; }
.wq-doc .signs { font-size: 11pt; margin-top: 6mm; }
`;

function resultText(s: SupervisionMessages, item: RoundItem): string {
  const c = item.callback;
  if (!c) return s.notTried;
  if (!c.reached) return s.unreached;
  return s.resultLabel[c.result ?? ""] ?? c.result ?? "";
}

const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 1000) / 10}%` : "—");

/** The round as paper: how it was drawn in one paragraph, then every sampled case with what the callback found. */
function RoundDoc({ r, s, tenant }: { r: Round; s: SupervisionMessages; tenant: string }) {
  const units = useUnits();
  const p = r.progress;
  return (
    <article className="wq-doc" data-testid="round-print" lang="zh-CN">
      <h1>{s.printTitle(r.month)}</h1>
      <p className="issuer">{tenant}</p>
      <p className="meta">
        <span>
          {s.colScope}：{unitName(units, r.unitId)}
        </span>
        <span>
          {s.colSeed}：{r.seed}
        </span>
        <span>
          {s.colDrawnAt}：{formatTime(r.drawnAt)}
        </span>
      </p>
      <p className="how">
        {s.printHow(
          r.population,
          p.total,
          Math.round(r.share * 1000) / 10,
          r.minPerUnit,
          r.maxPerUnit,
          r.strata.length,
        )}
        {s.printProgress(p.reached, p.unreached, p.pending, pct(p.satisfied, p.reached))}
      </p>
      <table className="items">
        <thead>
          <tr>
            <th>{s.colNo}</th>
            <th>{s.colTrackingNo}</th>
            <th>{s.colUnit}</th>
            <th>{s.colSubject}</th>
            <th>{s.colConsumer}</th>
            <th>{s.colClosedAt}</th>
            <th>{s.colAttempts}</th>
            <th>{s.colResult}</th>
            <th>{s.colIssues}</th>
          </tr>
        </thead>
        <tbody>
          {r.items.map((item, i) => (
            <tr key={item.caseId} data-testid={`print-item-${item.trackingNo}`}>
              <td className="c">{i + 1}</td>
              <td className="c">{item.trackingNo}</td>
              <td>{unitName(units, item.unitId)}</td>
              <td>{item.subject}</td>
              <td className="c">{item.consumerName ?? ""}</td>
              <td className="c">{item.closedAt.slice(0, 10)}</td>
              <td className="c">{item.attempts}</td>
              <td className="c">{resultText(s, item)}</td>
              <td>
                {[
                  ...(item.callback?.issues ?? []).map((c) => s.issueLabel[c] ?? c),
                  item.callback?.note ?? "",
                ]
                  .filter(Boolean)
                  .join("；")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="signs sign-block">
        <div>
          {s.printCaller}：<span className="line" />
        </div>
        <div>
          {s.printReviewer}：<span className="line" />
        </div>
      </div>
    </article>
  );
}

/** `/supervision/rounds/:id/print`: a round's sample list with its results, A4, outside the console layout. */
export default function RoundPrint() {
  const s = useSupT();
  const { id = "" } = useParams();
  const { me } = useSession();
  const q = useQuery(roundQuery(id));
  return (
    <PrintFrame
      css={printCss}
      testId="round-print-page"
      backTo={`/supervision/sampling?round=${encodeURIComponent(id)}`}
      backText={s.back}
      printText={s.print}
      ready={Boolean(q.data)}
      error={q.error}
      errorTitle={s.roundLoadFailed}
    >
      {q.data && <RoundDoc r={q.data} s={s} tenant={me.tenant?.name ?? ""} />}
    </PrintFrame>
  );
}
