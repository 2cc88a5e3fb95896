import { formatQueryCode, normalizeQueryCode, QUERY_CODE } from "@weiquan/domain/public/code";
import { useEffect, useState } from "react";
import { ApiError, type PublicStatus, publicApi } from "./api.ts";
import { SubmitBlock } from "./SubmitBlock.tsx";

/** 查询办理进度: the tracking number and query code the consumer kept, checked as typed, then looked up. */
export function Follow(props: {
  county: string;
  initial: { trackingNo?: string; code?: string };
  onFound: (code: string, s: PublicStatus) => void;
  onBack: () => void;
}) {
  const [trackingNo, setTrackingNo] = useState(props.initial.trackingNo ?? "");
  const [code, setCode] = useState(props.initial.code ? formatQueryCode(props.initial.code) : "");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const no = trackingNo.replace(/\s/g, "");
  const normalized = normalizeQueryCode(code);
  const noOk = /^\d{18,}$/.test(no);
  const codeOk = QUERY_CODE.test(normalized);

  const find = async () => {
    setBusy(true);
    setFailure(null);
    try {
      props.onFound(normalized, await publicApi.status(props.county, no, normalized));
    } catch (e) {
      setFailure(
        e instanceof ApiError && e.status === 404
          ? "编号或查询码不正确，请核对后重试。"
          : (e as Error).message,
      );
    } finally {
      setBusy(false);
    }
  };

  // Arriving from the filed page or the saved list: look it up at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on arrival
  useEffect(() => {
    if (props.initial.trackingNo && props.initial.code) void find();
  }, []);

  return (
    <div className="pub-body" data-testid="public-follow">
      <div className="pub-card">
        <h2>查询办理进度</h2>
        <div className={`pub-field${no && !noOk ? " bad" : ""}`}>
          <label htmlFor="pq-no">编号</label>
          <input
            id="pq-no"
            data-testid="pq-no"
            inputMode="numeric"
            value={trackingNo}
            onChange={(e) => setTrackingNo(e.target.value)}
            placeholder="18 位数字"
          />
          {no && !noOk && <div className="pub-err">编号为 18 位数字</div>}
        </div>
        <div className={`pub-field${code && !codeOk ? " bad" : ""}`}>
          <label htmlFor="pq-code">查询码</label>
          <input
            id="pq-code"
            data-testid="pq-code"
            autoCapitalize="characters"
            autoComplete="off"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder="如 ABCDE-23456"
          />
          {code && !codeOk && <div className="pub-err">查询码为 10 位字母和数字</div>}
        </div>
        <SubmitBlock
          failure={failure}
          failureTestId="pq-failure"
          testId="pq-submit"
          label="查询"
          busyLabel="正在查询…"
          busy={busy}
          disabled={!noOk || !codeOk}
          onClick={find}
        />
        <button type="button" className="pub-btn ghost" onClick={props.onBack}>
          返回
        </button>
      </div>
    </div>
  );
}
