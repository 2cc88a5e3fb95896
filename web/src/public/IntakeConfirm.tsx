import type { RequestType } from "@weiquan/domain/cases/schema";
import type { PublicKind } from "@weiquan/domain/public/checks";
import type { Directory } from "./api.ts";
import type { Values } from "./intake-steps.ts";
import { caseKindLabels, requestTypeLabels } from "./labels.ts";
import { SubmitBlock } from "./SubmitBlock.tsx";

/** The form's last step: what will be filed, the receiving unit, the notice and consent, and the submit. */
export function IntakeConfirm({
  kind,
  directory,
  values,
  types,
  unitId,
  onUnit,
  consent,
  onConsent,
  website,
  onWebsite,
  checking,
  failure,
  busy,
  onSubmit,
  onBack,
}: {
  kind: PublicKind;
  directory: Directory;
  values: Values;
  types: readonly RequestType[];
  unitId: string;
  onUnit: (id: string) => void;
  consent: boolean;
  onConsent: (v: boolean) => void;
  /** The honeypot field. */
  website: string;
  onWebsite: (v: string) => void;
  /** Share of the busy hour's security check done (null: none running). */
  checking: number | null;
  failure: string | null;
  busy: boolean;
  onSubmit: () => void;
  onBack: () => void;
}) {
  const unitName = directory.units.find((u) => u.id === unitId)?.name ?? `${directory.name}（县局）`;
  const typeText = types.map((t) => requestTypeLabels[t]).join("、");
  const summary = (
    [
      ["事项", values.subject],
      ["商家", values["business.name"]],
      ["联系人", [values["consumer.name"], values["consumer.phone"]].filter(Boolean).join(" ")],
      ["诉求", [typeText, values.request].filter(Boolean).join("；")],
      ["金额", values.amount && `${values.amount} 元`],
    ] as [string, string][]
  ).filter(([, v]) => v.trim());

  return (
    <div className="pub-card">
      <h2>确认提交</h2>
      <dl className="pub-sum" data-testid="pf-summary">
        {summary.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="pub-field">
        <label htmlFor="pf-unit">受理单位</label>
        <select id="pf-unit" data-testid="pf-unit" value={unitId} onChange={(e) => onUnit(e.target.value)}>
          <option value="">{directory.name}（由县局分派）</option>
          {directory.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <div className="hint">将由「{unitName}」受理，您也可以改选离您最近的服务站（点）。</div>
      </div>
      <div className="pub-notice" data-testid="pf-notice">
        {directory.consentNotice}
      </div>
      <label className="pub-check">
        <input
          className="pub-box"
          type="checkbox"
          data-testid="pf-consent"
          checked={consent}
          onChange={(e) => onConsent(e.target.checked)}
        />
        <span>我已阅读并同意《个人信息处理告知》</span>
      </label>
      {/* Honeypot: invisible to people and to screen readers; robots fill every field they find. */}
      <div className="pub-hp" aria-hidden="true">
        <label htmlFor="pf-website">网址</label>
        <input
          id="pf-website"
          name="website"
          tabIndex={-1}
          autoComplete="off"
          value={website}
          onChange={(e) => onWebsite(e.target.value)}
        />
      </div>
      {checking !== null && (
        <div className="pub-note" role="status" data-testid="pf-checking">
          当前提交较多，正在进行安全验证（{Math.round(checking * 100)}%），完成后自动提交…
          <progress max={1} value={checking} />
        </div>
      )}
      <SubmitBlock
        failure={failure}
        failureTestId="pf-failure"
        testId="pf-submit"
        label={`提交${caseKindLabels[kind]}`}
        busyLabel="正在提交…"
        busy={busy}
        disabled={!consent}
        onClick={onSubmit}
      />
      <button type="button" className="pub-btn ghost" onClick={onBack}>
        上一步
      </button>
    </div>
  );
}
