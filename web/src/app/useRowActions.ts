import { App } from "antd";
import { useState } from "react";
import { useT } from "../i18n/messages.ts";
import { errorText } from "./errors.ts";

/**
 * Actions on one row of a list (disable a user, suspend a tenant …): the row's button spins while its
 * action runs, a failure is a toast with the API's words, success a toast with `done(result)`.
 */
export function useRowActions() {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());

  async function run<T>(id: string, action: () => Promise<T>, done: (result: T) => string): Promise<void> {
    setBusy((s) => new Set(s).add(id));
    try {
      message.success(done(await action()));
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy((s) => {
        const next = new Set(s);
        next.delete(id);
        return next;
      });
    }
  }

  return { busy: (id: string) => busy.has(id), run };
}
