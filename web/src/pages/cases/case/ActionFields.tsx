import {
  legalBasis,
  pauseReasonLabels,
  rejectReasonLabels,
  terminateReasonLabels,
} from "@weiquan/domain/cases/reasons";
import type {
  Case,
  CaseAction,
  PauseReason,
  RejectReason,
  TerminateReason,
} from "@weiquan/domain/cases/schema";
import { Form, Input, InputNumber, Radio, Select, Typography } from "antd";
import type { CaseMessages } from "../messages.ts";

export interface Target {
  id: string;
  name: string;
  type: string;
}

/** The fields an action asks for beyond the note (a reason, the agreement, where to pass the case …). */
export function ActionFields({
  action,
  c,
  t,
  targets,
}: {
  action: CaseAction;
  c: Case;
  t: CaseMessages;
  targets: Target[] | null;
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
            // Eight long legal grounds wrap to several lines: render them all, not a virtual window.
            virtual={false}
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
            virtual={false}
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
    case "record_mediation_consent":
      return (
        <Typography.Paragraph data-testid="action-consent-explain">{t.consentExplain}</Typography.Paragraph>
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
