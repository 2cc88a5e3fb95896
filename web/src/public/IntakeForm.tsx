import type { RequestType } from "@weiquan/domain/cases/schema";
import { checkField, type PublicField, type PublicKind, yuanToFen } from "@weiquan/domain/public/checks";
import { useMemo, useState } from "react";
import { ApiError, type Directory, publicApi } from "./api.ts";
import { isChallenge, solveChallenge } from "./challenge.ts";
import { IntakeConfirm } from "./IntakeConfirm.tsx";
import { IntakeField } from "./IntakeField.tsx";
import { empty, stepsOf, type Values } from "./intake-steps.ts";
import { caseKindLabels, requestTypeLabels } from "./labels.ts";

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

  const field = (f: PublicField) => (
    <IntakeField
      key={f}
      f={f}
      kind={kind}
      value={values[f]}
      error={touched.has(f) ? errorOf(f) : null}
      required={checkField(kind, f, "") !== null && !(f === "request" && types.length > 0)}
      types={types}
      onChange={(v) => set(f, v)}
      onBlur={() => setTouched((old) => new Set(old).add(f))}
      onToggleType={(k) => {
        setTypes((old) => (old.includes(k) ? old.filter((x) => x !== k) : [...old, k]));
        setTouched((old) => new Set(old).add("request"));
      }}
    />
  );

  const total = steps.length + 1;

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
        <IntakeConfirm
          kind={kind}
          directory={directory}
          values={values}
          types={types}
          unitId={unitId}
          onUnit={setUnitId}
          consent={consent}
          onConsent={setConsent}
          website={website}
          onWebsite={setWebsite}
          checking={checking}
          failure={failure}
          busy={busy}
          onSubmit={submit}
          onBack={() => setStep(step - 1)}
        />
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
