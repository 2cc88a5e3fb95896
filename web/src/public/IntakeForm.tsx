import type { RequestType } from "@weiquan/domain/cases/schema";
import { checkField, type PublicField, type PublicKind, yuanToFen } from "@weiquan/domain/public/checks";
import { type ReactNode, useMemo, useState } from "react";
import { ApiError, type Directory, publicApi } from "./api.ts";
import { isChallenge, solveChallenge } from "./challenge.ts";
import { caseKindLabels, nationalCategories, requestTypeLabels } from "./labels.ts";

type Values = Record<PublicField, string>;
const empty = Object.fromEntries(
  [
    "consumer.name",
    "consumer.phone",
    "consumer.address",
    "consumer.idNumber",
    "business.name",
    "business.address",
    "business.creditCode",
    "category",
    "subject",
    "description",
    "request",
    "amount",
  ].map((k) => [k, ""]),
) as Values;

interface Step {
  title: string;
  fields: PublicField[];
  note?: string;
}

const contact = (kind: PublicKind): Step => ({
  title: kind === "report" ? "举报人信息（可匿名）" : "您的联系方式",
  fields:
    kind === "consultation"
      ? ["consumer.name", "consumer.phone"]
      : ["consumer.name", "consumer.phone", "consumer.address", "consumer.idNumber"],
  note:
    kind === "report"
      ? "可以不填，匿名举报；留下电话便于核实和反馈。举报人信息不会告知被举报人。"
      : "仅用于办理和回复您的事项。",
});
const business = (kind: PublicKind): Step => ({
  title: kind === "report" ? "被举报的经营者" : "被投诉的商家（经营者）",
  fields: ["business.name", "business.address"],
});
const facts = (kind: PublicKind): Step => ({
  title: kind === "consultation" ? "您想咨询什么" : "事情经过",
  fields:
    kind === "complaint"
      ? ["category", "subject", "description", "request", "amount"]
      : ["category", "subject", "description"],
});

const stepsOf = (kind: PublicKind): Step[] =>
  kind === "complaint"
    ? [contact(kind), business(kind), facts(kind)]
    : kind === "report"
      ? [facts(kind), business(kind), contact(kind)]
      : [contact(kind), facts(kind)];

const labels: Record<PublicField, string> = {
  "consumer.name": "姓名",
  "consumer.phone": "联系电话",
  "consumer.address": "联系地址",
  "consumer.idNumber": "身份证号码（选填）",
  "business.name": "商家名称",
  "business.address": "商家地址",
  "business.creditCode": "统一社会信用代码（选填）",
  category: "类别",
  subject: "一句话概括",
  description: "事情经过",
  request: "您的诉求",
  amount: "涉及金额（元，选填）",
};
const placeholders: Partial<Record<PublicField, string>> = {
  "consumer.phone": "手机号或带区号的固定电话",
  "consumer.address": "如：宝平街道南关社区 3 号楼",
  "business.name": "店铺招牌上的名称",
  "business.address": "店铺所在地址，网店可填网址",
  subject: "如：买到过期牛奶",
  description: "什么时间、在哪里、买了什么、出了什么问题、商家怎么说",
  request: "如：退货退款并赔偿",
  amount: "如：25.9",
};
const inputMode: Partial<Record<PublicField, "tel" | "decimal">> = {
  "consumer.phone": "tel",
  amount: "decimal",
};

export interface Filed {
  trackingNo: string;
  queryCode: string;
}

/** The filing form in steps, checked as the consumer types; the last step is the notice and consent. */
export function IntakeForm(props: {
  county: string;
  kind: PublicKind;
  directory: Directory;
  presetUnit: string | null;
  onFiled: (f: Filed) => void;
  onCancel: () => void;
}) {
  const { kind, directory } = props;
  const steps = useMemo(() => stepsOf(kind), [kind]);
  const [step, setStep] = useState(0);
  const [values, setValues] = useState<Values>(empty);
  const [types, setTypes] = useState<RequestType[]>([]);
  const [touched, setTouched] = useState<Set<PublicField>>(new Set());
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [unitId, setUnitId] = useState(
    props.presetUnit && directory.units.some((u) => u.id === props.presetUnit) ? props.presetUnit : "",
  );
  const [consent, setConsent] = useState(false);
  const [website, setWebsite] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  /** Share of the busy hour's security check done (null: none running). */
  const [checking, setChecking] = useState<number | null>(null);

  const errorOf = (f: PublicField): string | null => {
    if (serverErrors[f]) return serverErrors[f];
    if (f === "request" && types.length > 0 && !values.request.trim()) return null;
    return checkField(kind, f, values[f]);
  };
  const set = (f: PublicField, v: string) => {
    setValues((old) => ({ ...old, [f]: v }));
    setTouched((old) => new Set(old).add(f));
    setServerErrors(({ [f]: _gone, ...rest }) => rest);
  };
  const stepValid = (i: number) => steps[i]!.fields.every((f) => errorOf(f) === null);
  const onSubmitStep = steps.length;

  const next = () => {
    const current = steps[step]!;
    setTouched((old) => new Set([...old, ...current.fields]));
    if (stepValid(step)) {
      setStep(step + 1);
      window.scrollTo(0, 0);
    }
  };

  const submit = async () => {
    const firstBad = steps.findIndex((_, i) => !stepValid(i));
    if (firstBad >= 0) {
      setTouched(new Set(steps.flatMap((s) => s.fields)));
      setStep(firstBad);
      return;
    }
    const v = (f: PublicField) => values[f].trim() || undefined;
    const amountFen = v("amount") ? (yuanToFen(values.amount) ?? undefined) : undefined;
    const body = {
      kind,
      unitId: unitId || undefined,
      consumer: {
        name: v("consumer.name"),
        phone: v("consumer.phone"),
        address: v("consumer.address"),
        idNumber: v("consumer.idNumber"),
      },
      business: { name: v("business.name"), address: v("business.address") },
      category: values.category,
      subject: values.subject.trim(),
      description: values.description.trim(),
      request: v("request") ?? (types.length ? types.map((t) => requestTypeLabels[t]).join("、") : undefined),
      requestTypes: types.length ? types : undefined,
      amountFen,
      // The API takes only `true`; the button stays disabled until the box is ticked.
      consent: consent as true,
      website: website || undefined,
    };
    setBusy(true);
    setFailure(null);
    try {
      props.onFiled(await fileWithChallenge(props.county, body, setChecking));
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, "?", String(e));
      setFailure(err.message);
      if (Object.keys(err.fields).length) {
        setServerErrors(err.fields);
        const bad = steps.findIndex((s) => s.fields.some((f) => err.fields[f]));
        if (bad >= 0) setStep(bad);
      }
    } finally {
      setBusy(false);
      setChecking(null);
    }
  };

  const field = (f: PublicField): ReactNode => {
    const err = touched.has(f) ? errorOf(f) : null;
    const required = checkField(kind, f, "") !== null && !(f === "request" && types.length > 0);
    const common = {
      id: `pf-${f}`,
      "data-testid": `pf-${f}`,
      value: values[f],
      "aria-invalid": err ? true : undefined,
      onChange: (e: { target: { value: string } }) => set(f, e.target.value),
      onBlur: () => setTouched((old) => new Set(old).add(f)),
    };
    let control: ReactNode;
    if (f === "category") {
      control = (
        <select {...common}>
          <option value="">请选择</option>
          {(["goods", "services", "other"] as const).map((g) => (
            <optgroup key={g} label={nationalCategories.find((c) => c.group === g)!.groupLabel}>
              {nationalCategories
                .filter((c) => c.group === g)
                .map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      );
    } else if (f === "description") {
      control = <textarea {...common} placeholder={placeholders[f]} maxLength={5000} rows={5} />;
    } else {
      control = (
        <input
          {...common}
          type={f === "consumer.phone" ? "tel" : "text"}
          inputMode={inputMode[f]}
          placeholder={placeholders[f]}
          autoComplete={f === "consumer.name" ? "name" : f === "consumer.phone" ? "tel" : "off"}
        />
      );
    }
    return (
      <div className={`pub-field${err ? " bad" : ""}`} key={f}>
        <label htmlFor={`pf-${f}`}>
          {f === "description" && kind === "consultation" ? "具体问题" : labels[f]}
          {required && <span className="req">*</span>}
        </label>
        {f === "request" && (
          <div className="pub-chips" style={{ marginBottom: 8 }}>
            {(Object.entries(requestTypeLabels) as [RequestType, string][]).map(([k, label]) => (
              <button
                type="button"
                key={k}
                className="pub-chip"
                data-testid={`pf-type-${k}`}
                aria-pressed={types.includes(k)}
                onClick={() => {
                  setTypes((old) => (old.includes(k) ? old.filter((x) => x !== k) : [...old, k]));
                  setTouched((old) => new Set(old).add("request"));
                }}
              >
                {label}
              </button>
            ))}
          </div>
        )}
        {control}
        {err && (
          <div className="pub-err" role="alert" data-testid={`pf-err-${f}`}>
            {err}
          </div>
        )}
      </div>
    );
  };

  const unitName = directory.units.find((u) => u.id === unitId)?.name ?? `${directory.name}（县局）`;
  const total = steps.length + 1;
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
    <div className="pub-body" data-testid="public-form" data-kind={kind}>
      <div className="pub-steps" data-testid="pf-step" data-step={step + 1}>
        {Array.from({ length: total }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed progress marks
          <span key={i} className={i <= step ? "on" : ""} />
        ))}
      </div>
      {step < onSubmitStep ? (
        <div className="pub-card">
          <h2>
            {caseKindLabels[kind]} · {steps[step]!.title}
            <small className="pub-unit">
              {" "}
              （{step + 1}/{total}）
            </small>
          </h2>
          {steps[step]!.note && <p className="pub-unit">{steps[step]!.note}</p>}
          {steps[step]!.fields.map(field)}
          <button type="button" className="pub-btn" data-testid="pf-next" onClick={next}>
            下一步
          </button>
          <button
            type="button"
            className="pub-btn ghost"
            onClick={() => (step === 0 ? props.onCancel() : setStep(step - 1))}
          >
            {step === 0 ? "返回" : "上一步"}
          </button>
        </div>
      ) : (
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
            <select
              id="pf-unit"
              data-testid="pf-unit"
              value={unitId}
              onChange={(e) => setUnitId(e.target.value)}
            >
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
              onChange={(e) => setConsent(e.target.checked)}
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
              onChange={(e) => setWebsite(e.target.value)}
            />
          </div>
          {checking !== null && (
            <div className="pub-note" role="status" data-testid="pf-checking">
              当前提交较多，正在进行安全验证（{Math.round(checking * 100)}%），完成后自动提交…
              <progress max={1} value={checking} />
            </div>
          )}
          {failure && (
            <div className="pub-alert" role="alert" data-testid="pf-failure">
              {failure}
            </div>
          )}
          <button
            type="button"
            className="pub-btn"
            data-testid="pf-submit"
            disabled={!consent || busy}
            onClick={submit}
          >
            {busy ? "正在提交…" : `提交${caseKindLabels[kind]}`}
          </button>
          <button type="button" className="pub-btn ghost" onClick={() => setStep(step - 1)}>
            上一步
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * Files; when the county is busier than normal the API asks for a proof of work first (429
 * CHALLENGE_REQUIRED with the challenge): the page solves it, showing progress, and files again with it.
 */
async function fileWithChallenge(
  county: string,
  body: Parameters<typeof publicApi.file>[1],
  onProgress: (share: number) => void,
) {
  try {
    return await publicApi.file(county, body);
  } catch (e) {
    if (!(e instanceof ApiError && e.code === "CHALLENGE_REQUIRED" && isChallenge(e.data))) throw e;
    onProgress(0);
    return publicApi.file(county, body, await solveChallenge(e.data, onProgress));
  }
}
