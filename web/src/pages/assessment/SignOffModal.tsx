import { Form, Input, Modal } from "antd";
import { api, ok } from "../../api/client.ts";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { useFormSubmit } from "../../app/useFormSubmit.ts";
import { useAssessmentT } from "./messages.ts";

/** 综治会签: the governance office's sign-off of a finalized assessment (its only write). */
export function SignOffModal({
  id,
  open,
  onClose,
  onSigned,
}: {
  id: string;
  open: boolean;
  onClose: () => void;
  onSigned: () => void;
}) {
  const t = useAssessmentT();
  const [form] = Form.useForm<{ note?: string }>();
  const { submit, saving, error, setError } = useFormSubmit(form, async (v) => {
    const note = v.note?.trim();
    await ok(api.v1.assessments[":id"]["sign-off"].$post({ param: { id }, json: note ? { note } : {} }));
    onSigned();
    onClose();
  });
  return (
    <Modal
      open={open}
      title={t.signOff}
      okText={t.signOff}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      okButtonProps={{ "data-testid": "signoff-submit" }}
      destroyOnHidden
    >
      <ErrorAlert error={error} title={t.signOff} />
      <Form form={form} layout="vertical" name="signoff">
        <Form.Item name="note" label={t.signOffNote}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="signoff-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
