import { PhoneOutlined } from "@ant-design/icons";
import { Button, Tooltip, Typography } from "antd";
import { useState } from "react";
import { errorText } from "../../app/errors.ts";
import { useT } from "../../i18n/messages.ts";
import { consumerContact } from "./api.ts";
import type { SupervisionMessages } from "./messages.ts";

/** The consumer's number, read only when asked for (the API writes each read to the access log). */
export function ContactButton({
  roundId,
  caseId,
  s,
}: {
  roundId: string;
  caseId: string;
  s: SupervisionMessages;
}) {
  const t = useT();
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (shown !== null)
    return (
      <Typography.Text copyable={shown ? { text: shown } : false} strong data-testid={`phone-${caseId}`}>
        {shown || s.noPhone}
      </Typography.Text>
    );
  return (
    <Tooltip title={error ?? s.phoneLogged}>
      <Button
        size="small"
        icon={<PhoneOutlined />}
        loading={busy}
        danger={error !== null}
        onClick={async () => {
          setBusy(true);
          try {
            const c = await consumerContact(roundId, caseId);
            setShown(c.name ? `${c.name} ${c.phone ?? ""}`.trim() : (c.phone ?? ""));
          } catch (e) {
            setError(`${s.phoneFailed}：${errorText(e, t)}`);
          } finally {
            setBusy(false);
          }
        }}
        data-testid={`show-phone-${caseId}`}
      >
        {s.showPhone}
      </Button>
    </Tooltip>
  );
}
