import type { RequestType } from "@weiquan/domain/cases/schema";
import type { PublicField, PublicKind } from "@weiquan/domain/public/checks";
import type { ReactNode } from "react";
import { inputMode, labels, placeholders } from "./intake-steps.ts";
import { nationalCategories, requestTypeLabels } from "./labels.ts";

/** One field of the public form: its label, its control (with the request types' chips) and its error. */
export function IntakeField({
  f,
  kind,
  value,
  error,
  required,
  types,
  onChange,
  onBlur,
  onToggleType,
}: {
  f: PublicField;
  kind: PublicKind;
  value: string;
  /** Shown once the field was touched; null when fine. */
  error: string | null;
  required: boolean;
  types: readonly RequestType[];
  onChange: (value: string) => void;
  onBlur: () => void;
  onToggleType: (type: RequestType) => void;
}) {
  const common = {
    id: `pf-${f}`,
    "data-testid": `pf-${f}`,
    value,
    "aria-invalid": error ? true : undefined,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    onBlur,
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
    <div className={`pub-field${error ? " bad" : ""}`}>
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
              onClick={() => onToggleType(k)}
            >
              {label}
            </button>
          ))}
        </div>
      )}
      {control}
      {error && (
        <div className="pub-err" role="alert" data-testid={`pf-err-${f}`}>
          {error}
        </div>
      )}
    </div>
  );
}
