import { Form, Input, Modal, Radio } from "antd";
import { useEffect } from "react";
import { AttachmentUploader } from "../../app/Attachments.tsx";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { useFormSubmit } from "../../app/useFormSubmit.ts";
import { type Finding, rectifyFinding, verifyFinding } from "./api.ts";
import type { SupervisionMessages } from "./messages.ts";

interface Values {
  note?: string;
  accepted?: boolean;
  attachmentIds?: string[];
}

/** The unit reports a finding rectified (with evidence); the inspector accepts it or sends it back. */
export function FindingModal({
  inspectionId,
  version,
  acting,
  s,
  onClose,
  onDone,
}: {
  inspectionId: string;
  /** The inspection's version (a stale one is a 409). */
  version: number;
  acting: { finding: Finding; action: "rectify" | "verify" } | null;
  s: SupervisionMessages;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const rectify = acting?.action === "rectify";
  const { submit, saving, error, setError } = useFormSubmit(form, async (v) => {
    if (!acting) return;
    const { finding } = acting;
    if (rectify) {
      await rectifyFinding(inspectionId, finding.id, {
        note: (v.note ?? "").trim(),
        version,
        ...(v.attachmentIds?.length ? { attachmentIds: v.attachmentIds } : {}),
      });
      onDone(s.rectified);
    } else {
      await verifyFinding(inspectionId, finding.id, {
        accepted: v.accepted ?? true,
        version,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      onDone(s.verified);
    }
  });
  useEffect(() => {
    if (acting) {
      form.resetFields();
      setError(null);
    }
  }, [acting, form, setError]);
  return (
    <Modal
      open={acting !== null}
      title={rectify ? s.rectifyTitle : s.verifyTitle}
      okText={rectify ? s.rectifySubmit : s.verifySubmit}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ "data-testid": "finding-submit" }}
      data-testid="finding-modal"
    >
      <ErrorAlert error={error} title={s.actionFailed} testId="finding-error" />
      <Form<Values>
        form={form}
        name="finding"
        layout="vertical"
        initialValues={{ accepted: true }}
        disabled={saving}
      >
        {!rectify && (
          <Form.Item name="accepted" label={s.accepted}>
            <Radio.Group
              options={[
                { value: true, label: <span data-testid="verify-accept">{s.accept}</span> },
                { value: false, label: <span data-testid="verify-reject">{s.reject}</span> },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={rectify ? s.rectifyNote : s.verifyNote}
          rules={rectify ? [{ required: true, whitespace: true }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="finding-note" />
        </Form.Item>
        {rectify && (
          <Form.Item name="attachmentIds" label={s.evidence}>
            <AttachmentUploader testId="finding-evidence" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
