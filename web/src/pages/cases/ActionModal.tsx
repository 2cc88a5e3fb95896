import {
  legalBasis,
  pauseReasonLabels,
  rejectReasonLabels,
  terminateReasonLabels,
} from "@weiquan/domain/cases/reasons";
import {
  type Case,
  type CaseAction,
  type PauseReason,
  type RejectReason,
  type TerminateReason,
  TransitionInput,
} from "@weiquan/domain/cases/schema";
import { Alert, Form, Input, InputNumber, Modal, Radio, Select, Typography } from "antd";
import { useEffect, useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { errorText } from "../../app/errors.ts";
import { showFieldErrors } from "../../app/form-rules.ts";
import { useT } from "../../i18n/messages.ts";
import { blank } from "../network/forms.ts";
import { yuanToFen } from "./format.ts";
import { type CaseMessages, useCaseT } from "./messages.ts";

interface ActionValues {
  note?: string;
  reason?: string;
  agreement?: string;
  recoveredYuan?: number | null;
  toUnitId?: string;
  to?: string;
  result?: string;
  answer?: string;
}

/** The transition body of `action` from the form (the API's TransitionInput checks it, here and there). */
function bodyOf(c: Case, action: CaseAction, v: ActionValues): Record<string, unknown> {
  const base = { action, version: c.version, note: blank(v.note) };
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
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [targets, setTargets] = useState<{ id: string; name: string; type: string }[] | null>(null);
  const reason = Form.useWatch("reason", form);

  useEffect(() => {
    form.resetFields();
    setError(null);
    if (action !== "escalate") return;
    let live = true;
    setTargets(null);
    api<{ items: { id: string; name: string; type: string }[] }>(
      `/v1/cases/${encodeURIComponent(c.id)}/escalation-targets`,
    ).then(
      (r) => live && setTargets(r.items),
      (e: unknown) => live && setError(errorText(e, common)),
    );
    return () => {
      live = false;
    };
  }, [action, c.id, form, common]);

  async function submit() {
    if (!action) return;
    setError(null);
    let values: ActionValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = bodyOf(c, action, values);
    const checked = TransitionInput.safeParse(body);
    if (!checked.success) {
      form.setFields(
        checked.error.issues.map((i) => ({
          name: fieldOf(String(i.path[0] ?? "note")) as keyof ActionValues,
          errors: [i.message],
        })),
      );
      return;
    }
    setSaving(true);
    try {
      const updated = await api<Case>(`/v1/cases/${encodeURIComponent(c.id)}/transitions`, {
        method: "POST",
        body: checked.data,
      });
      onDone(updated, action);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        onConflict();
        return;
      }
      // 422 (not allowed now, wrong escalation target) and the rest: the API's own words.
      setError(errorText(e, common));
      if (e instanceof ApiError)
        form.setFields(
          e.details.map((d) => ({ name: fieldOf(d.path) as keyof ActionValues, errors: [d.message] })),
        );
      else showFieldErrors(form, e);
    } finally {
      setSaving(false);
    }
  }

  const title = action ? t.action[action] : "";
  return (
    <Modal
      open={action !== null}
      title={title}
      okText={t.actionConfirm}
      cancelText={t.actionCancel}
      confirmLoading={saving}
      onOk={submit}
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
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="action-error" />
      )}
      <Form form={form} layout="vertical" disabled={saving} name="caseAction" preserve={false}>
        {action && <Fields action={action} c={c} t={t} targets={targets} />}
        <Form.Item
          name="note"
          label={t.actionNote}
          extra={reason === "other_legal_ground" ? t.actionNoteOther : undefined}
          rules={[
            { required: reason === "other_legal_ground", whitespace: true, message: t.actionNoteOther },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="action-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Fields({
  action,
  c,
  t,
  targets,
}: {
  action: CaseAction;
  c: Case;
  t: CaseMessages;
  targets: { id: string; name: string; type: string }[] | null;
}) {
  const basis = legalBasis[c.ruleSet];
  switch (action) {
    case "reject":
      return (
        <Form.Item
          name="reason"
          label={t.actionReason}
          extra={<Typography.Text type="secondary">{t.actionBasis(basis.reject)}</Typography.Text>}
          rules={[{ required: true, message: t.actionReasonRequired }]}
        >
          <Select
            data-testid="action-reason"
            options={(Object.keys(rejectReasonLabels) as RejectReason[]).map((r) => ({
              value: r,
              label: t.rejectReason[r],
              title: t.rejectReason[r],
            }))}
            optionRender={(o) => <div style={{ whiteSpace: "normal" }}>{o.label}</div>}
          />
        </Form.Item>
      );
    case "fail":
    case "terminate":
      return (
        <Form.Item
          name="reason"
          label={t.actionReason}
          extra={<Typography.Text type="secondary">{t.actionBasis(basis.terminate)}</Typography.Text>}
          rules={[{ required: true, message: t.actionReasonRequired }]}
        >
          <Select
            data-testid="action-reason"
            options={(Object.keys(terminateReasonLabels) as TerminateReason[]).map((r) => ({
              value: r,
              label: t.terminateReason[r],
              title: t.terminateReason[r],
            }))}
            optionRender={(o) => <div style={{ whiteSpace: "normal" }}>{o.label}</div>}
          />
        </Form.Item>
      );
    case "pause_clock":
      return (
        <Form.Item
          name="reason"
          label={t.actionPauseReason}
          rules={[{ required: true, message: t.actionReasonRequired }]}
        >
          <Radio.Group
            options={(Object.keys(pauseReasonLabels) as PauseReason[]).map((r) => ({
              value: r,
              label: t.pauseReason[r],
            }))}
          />
        </Form.Item>
      );
    case "resolve":
      return (
        <>
          <Form.Item
            name="agreement"
            label={t.actionAgreement}
            rules={[{ required: true, whitespace: true, message: t.actionAgreementRequired }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={5000}
              data-testid="action-agreement"
            />
          </Form.Item>
          <Form.Item
            name="recoveredYuan"
            label={t.actionRecovered}
            rules={[{ required: true, message: t.actionRecoveredRequired }]}
          >
            <InputNumber<number>
              min={0}
              max={1_000_000_000}
              precision={2}
              style={{ width: 220 }}
              data-testid="action-recovered"
            />
          </Form.Item>
        </>
      );
    case "escalate":
      return (
        <Form.Item
          name="toUnitId"
          label={t.actionEscalateTo}
          rules={[{ required: true, message: t.actionEscalateRequired }]}
        >
          <Select
            loading={targets === null}
            data-testid="action-escalate-to"
            options={(targets ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      );
    case "hand_over":
    case "refer":
      return (
        <Form.Item
          name="to"
          label={action === "hand_over" ? t.actionHandOverTo : t.actionReferTo}
          rules={[{ required: true, whitespace: true, message: t.actionToRequired }]}
        >
          <Input
            maxLength={200}
            placeholder={action === "hand_over" ? t.actionHandOverPlaceholder : undefined}
            data-testid="action-to"
          />
        </Form.Item>
      );
    case "record_feedback":
      return (
        <Form.Item
          name="result"
          label={t.actionFeedback}
          rules={[{ required: true, whitespace: true, message: t.actionFeedbackRequired }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            data-testid="action-feedback"
          />
        </Form.Item>
      );
    case "answer":
      return (
        <Form.Item
          name="answer"
          label={t.actionAnswer}
          rules={[{ required: true, whitespace: true, message: t.actionAnswerRequired }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={5000}
            data-testid="action-answer"
          />
        </Form.Item>
      );
    case "callback":
      return (
        <Form.Item
          name="result"
          label={t.actionCallbackResult}
          rules={[{ required: true, message: t.actionCallbackRequired }]}
        >
          <Radio.Group
            options={(["satisfied", "basically_satisfied", "unsatisfied"] as const).map((r) => ({
              value: r,
              label: <span data-testid={`action-callback-${r}`}>{t.callbackResult[r]}</span>,
            }))}
          />
        </Form.Item>
      );
    default:
      return null;
  }
}
