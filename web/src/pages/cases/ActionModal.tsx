import { useQuery } from "@tanstack/react-query";
import { type Case, type CaseAction, TransitionInput } from "@weiquan/domain/cases/schema";
import { Form, Input, Modal } from "antd";
import { useEffect } from "react";
import { api, ok, signalled } from "../../api/client.ts";
import { keys } from "../../api/query.ts";
import { AttachmentUploader, useEvidenceLabel } from "../../app/Attachments.tsx";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { useFormSubmit } from "../../app/useFormSubmit.ts";
import { useT } from "../../i18n/messages.ts";
import { blank } from "../network/forms.ts";
import { ActionFields } from "./case/ActionFields.tsx";
import { yuanToFen } from "./format.ts";
import { useCaseT } from "./messages.ts";

interface ActionValues {
  note?: string;
  reason?: string;
  agreement?: string;
  recoveredYuan?: number | null;
  toUnitId?: string;
  to?: string;
  result?: string;
  answer?: string;
  attachmentIds?: string[];
}

/** The transition body of `action` from the form (the API's TransitionInput checks it, here and there). */
function bodyOf(c: Case, action: CaseAction, v: ActionValues): Record<string, unknown> {
  const base = {
    action,
    version: c.version,
    note: blank(v.note),
    attachmentIds: v.attachmentIds?.length ? v.attachmentIds : undefined,
  };
  switch (action) {
    case "reject":
    case "fail":
    case "terminate":
    case "pause_clock":
      return { ...base, reason: v.reason };
    case "resolve":
      return {
        ...base,
        agreement: v.agreement?.trim() ?? "",
        recoveredFen: typeof v.recoveredYuan === "number" ? yuanToFen(v.recoveredYuan) : undefined,
      };
    case "escalate":
      return { ...base, toUnitId: v.toUnitId };
    case "hand_over":
    case "refer":
      return { ...base, to: v.to?.trim() ?? "" };
    case "record_feedback":
    case "callback":
      return { ...base, result: typeof v.result === "string" ? v.result.trim() : v.result };
    case "answer":
      return { ...base, answer: v.answer?.trim() ?? "" };
    default:
      return base;
  }
}

/** Where an API / schema path lands in this form (the amount is typed in yuan). */
const fieldOf = (path: string) => (path === "recoveredFen" ? "recoveredYuan" : path);

/** Actions that change nothing but the status: a confirmation with an optional note. */
const plain: readonly CaseAction[] = ["accept", "start_mediation", "resume_clock", "close"];

export function ActionModal({
  c,
  action,
  onClose,
  onDone,
  onConflict,
}: {
  c: Case;
  action: CaseAction | null;
  onClose: () => void;
  onDone: (updated: Case, action: CaseAction) => void;
  /** Someone else changed the case meanwhile (409): the page says so and offers a reload. */
  onConflict: () => void;
}) {
  const t = useCaseT();
  const common = useT();
  const [form] = Form.useForm<ActionValues>();
  const reason = Form.useWatch("reason", form);
  const evidence = useEvidenceLabel();
  const targets = useQuery({
    queryKey: [...keys.case(c.id), "escalation-targets"],
    enabled: action === "escalate",
    queryFn: ({ signal }) =>
      ok(api.v1.cases[":id"]["escalation-targets"].$get({ param: { id: c.id } }, signalled(signal))),
  });

  const { submit, saving, error, setError } = useFormSubmit(
    form,
    async (values) => {
      if (!action) return;
      const checked = TransitionInput.safeParse(bodyOf(c, action, values));
      if (!checked.success) {
        form.setFields(
          checked.error.issues.map((i) => ({
            name: fieldOf(String(i.path[0] ?? "note")) as keyof ActionValues,
            errors: [i.message],
          })),
        );
        throw new Error(common.formHasErrors);
      }
      const updated = await ok(
        api.v1.cases[":id"].transitions.$post({ param: { id: c.id }, json: checked.data }),
      );
      onDone(updated, action);
    },
    // 422 (not allowed now, wrong escalation target) and the rest are shown with the API's own words.
    { fieldOfPath: fieldOf, onConflict: () => onConflict() },
  );

  useEffect(() => {
    if (action) form.resetFields();
    setError(null);
  }, [action, form, setError]);

  const title = action ? t.action[action] : "";
  const consent = action === "record_mediation_consent";
  return (
    <Modal
      open={action !== null}
      title={title}
      okText={t.actionConfirm}
      cancelText={t.actionCancel}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{
        danger: action === "reject" || action === "terminate",
        "data-testid": "action-submit",
      }}
      destroyOnHidden
      forceRender
      data-testid="action-modal"
      width={action && !plain.includes(action) ? 640 : 480}
    >
      <ErrorAlert error={error ?? targets.error} title={title} testId="action-error" />
      <Form form={form} layout="vertical" disabled={saving} name="caseAction" preserve={false}>
        {action && <ActionFields action={action} c={c} t={t} targets={targets.data?.items ?? null} />}
        <Form.Item
          name="note"
          label={consent ? t.consentNote : t.actionNote}
          extra={reason === "other_legal_ground" ? t.actionNoteOther : undefined}
          rules={[
            { required: reason === "other_legal_ground", whitespace: true, message: t.actionNoteOther },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            placeholder={consent ? t.consentNotePlaceholder : undefined}
            data-testid="action-note"
          />
        </Form.Item>
        <Form.Item name="attachmentIds" label={evidence}>
          <AttachmentUploader testId="action-attachments" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
