import type { FormInstance } from "antd";
import { useState } from "react";
import { ApiError } from "../api/client.ts";
import { useT } from "../i18n/messages.ts";
import { showFieldErrors } from "./form-rules.ts";

export interface SubmitOptions {
  /** An error code that names one field (`USERNAME_TAKEN` → `["username"]`) when the API gives no path. */
  fieldOfCode?: Record<string, (string | number)[]>;
  /** Where an API field path lands in this form, when the form's names differ (`recoveredFen` → yuan). */
  fieldOfPath?: (path: string) => string;
  /** A 409 (someone else saved meanwhile): the caller shows its own "reload" offer instead of an error. */
  onConflict?: (e: ApiError) => void;
}

/**
 * The one way a form is sent: validate, send, and on failure show the API's message above the form and
 * its field issues on the fields. `error` is what to show (null: nothing); `saving` disables the form.
 */
export function useFormSubmit<V>(
  form: FormInstance<V>,
  send: (values: V) => Promise<void>,
  opts: SubmitOptions = {},
) {
  const t = useT();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    setError(null);
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      setError(new Error(t.formHasErrors));
      return;
    }
    setSaving(true);
    try {
      await send(values);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && opts.onConflict) opts.onConflict(e);
      else {
        setError(e);
        showFieldErrors(form, e, opts.fieldOfCode, opts.fieldOfPath);
      }
    } finally {
      setSaving(false);
    }
  }

  return { submit, saving, error, setError };
}
