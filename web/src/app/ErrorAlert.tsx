import { Alert } from "antd";
import { useT } from "../i18n/messages.ts";
import { errorText } from "./errors.ts";

/** A failed load or save: what failed (`title`) and the API's own words for why. */
export function ErrorAlert({ error, title, testId }: { error: unknown; title: string; testId?: string }) {
  const t = useT();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={errorText(error, t)}
      style={{ marginBottom: 16 }}
      data-testid={testId}
    />
  );
}
