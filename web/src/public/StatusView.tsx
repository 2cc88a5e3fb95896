import { useState } from "react";
import { ApiError, type PublicStatus, publicApi } from "./api.ts";
import { actionLabel, caseKindLabels, ratingLabels, shortTime, statusLabel } from "./labels.ts";
import { SubmitBlock } from "./SubmitBlock.tsx";

/** Where the case is now, its public timeline, and the rating form once it is closed. */
export function StatusView(props: {
  county: string;
  code: string;
  status: PublicStatus;
  onChange: (s: PublicStatus) => void;
}) {
  const { status: s } = props;
  const [result, setResult] = useState<keyof typeof ratingLabels | null>(null);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const rate = async () => {
    if (!result) return;
    setBusy(true);
    setFailure(null);
    try {
      props.onChange(
        await publicApi.rate(props.county, s.trackingNo, props.code, {
          result,
          note: note.trim() || undefined,
        }),
      );
    } catch (e) {
      setFailure(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="pub-card" data-testid="public-status" data-status={s.status}>
        <div className="pub-unit">
          {caseKindLabels[s.kind]} · 编号 {s.trackingNo}
        </div>
        <div className="pub-status" data-testid="public-status-label">
          {statusLabel(s.status)}
        </div>
        <div className="pub-unit">提交时间 {shortTime(s.receivedAt)}</div>
      </div>
      <div className="pub-card">
        <h2>办理进度</h2>
        <ol className="pub-tl" data-testid="public-timeline">
          {[...s.timeline].reverse().map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the timeline is append-only
            <li key={i}>
              <time>{shortTime(e.at)}</time>
              {actionLabel(e.action)}
            </li>
          ))}
        </ol>
      </div>
      {s.rating && (
        <div className="pub-card" data-testid="public-rated">
          <span className="pub-ok">
            感谢您的评价：{ratingLabels[s.rating.result as keyof typeof ratingLabels]}
          </span>
        </div>
      )}
      {s.canRate && (
        <div className="pub-card" data-testid="public-rating">
          <h2>您对办理结果满意吗？</h2>
          <div className="pub-chips">
            {(Object.entries(ratingLabels) as [keyof typeof ratingLabels, string][]).map(([k, label]) => (
              <label key={k} className="pub-chip" data-testid={`rate-${k}`}>
                <input
                  type="radio"
                  name="rating"
                  value={k}
                  checked={result === k}
                  onChange={() => setResult(k)}
                />
                {label}
              </label>
            ))}
          </div>
          <div className="pub-field" style={{ marginTop: 12 }}>
            <label htmlFor="rate-note">想说的话（选填）</label>
            <textarea
              id="rate-note"
              data-testid="rate-note"
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <SubmitBlock
            failure={failure}
            testId="rate-submit"
            label="提交评价"
            busyLabel="正在提交…"
            busy={busy}
            disabled={!result}
            onClick={rate}
          />
        </div>
      )}
    </>
  );
}
