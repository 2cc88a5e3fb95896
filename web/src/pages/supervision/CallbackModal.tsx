import { callbackIssueLabels } from "@weiquan/domain";
import { Checkbox, Form, Input, Modal, Radio } from "antd";
import { useEffect } from "react";
import type { ApiError } from "../../api/client.ts";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { useFormSubmit } from "../../app/useFormSubmit.ts";
import { type RoundItem, recordCallback } from "./api.ts";
import type { SupervisionMessages } from "./messages.ts";

interface Values {
  reached: boolean;
  result?: "satisfied" | "basically_satisfied" | "unsatisfied";
  issues?: (keyof typeof callbackIssueLabels)[];
  note?: string;
}

/** One callback attempt: reached or not; if reached, the result and the issues the consumer raised. */
export function CallbackModal({
  roundId,
  item,
  s,
  onClose,
  onSaved,
}: {
  roundId: string;
  item: RoundItem | null;
  s: SupervisionMessages;
  onClose: () => void;
  /** `conflict`: someone recorded an attempt meanwhile (409); the list reloads. */
  onSaved: (conflict: boolean) => void;
}) {
  const [form] = Form.useForm<Values>();
  const reached = Form.useWatch("reached", form);
  const { submit, saving, error, setError } = useFormSubmit(
    form,
    async (v) => {
      if (!item) return;
      await recordCallback(roundId, item.caseId, {
        reached: v.reached,
        ...(v.reached ? { result: v.result, issues: v.issues ?? [] } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      onSaved(false);
    },
    { onConflict: (e: ApiError) => void (e.status === 409 && onSaved(true)) },
  );
  useEffect(() => {
    if (item) {
      form.resetFields();
      setError(null);
    }
  }, [item, form, setError]);
  return (
    <Modal
      open={item !== null}
      title={item ? s.callbackTitle(item.trackingNo) : ""}
      okText={s.callbackSubmit}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ "data-testid": "callback-submit" }}
      data-testid="callback-modal"
    >
      <ErrorAlert error={error} title={s.callbackFailed} testId="callback-error" />
      <Form<Values>
        form={form}
        name="callback"
        layout="vertical"
        initialValues={{ reached: true }}
        disabled={saving}
      >
        <Form.Item name="reached" label={s.reached} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: true, label: <span data-testid="callback-reached">{s.reachedYes}</span> },
              { value: false, label: <span data-testid="callback-unreached">{s.reachedNo}</span> },
            ]}
          />
        </Form.Item>
        {reached && (
          <>
            <Form.Item name="result" label={s.result} rules={[{ required: true, message: s.result }]}>
              <Radio.Group
                options={Object.keys(s.resultLabel).map((k) => ({
                  value: k,
                  label: <span data-testid={`callback-result-${k}`}>{s.resultLabel[k]}</span>,
                }))}
              />
            </Form.Item>
            <Form.Item name="issues" label={s.issues}>
              <Checkbox.Group
                options={Object.keys(callbackIssueLabels).map((k) => ({
                  value: k,
                  label: <span data-testid={`callback-issue-${k}`}>{s.issueLabel[k]}</span>,
                }))}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={s.note}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
