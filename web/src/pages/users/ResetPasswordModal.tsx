import { PatchUserInput, type User } from "@weiquan/domain";
import { Form, Input, Modal } from "antd";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { zodRule } from "../../app/form-rules.ts";
import { useFormSubmit } from "../../app/useFormSubmit.ts";
import { useLang } from "../../i18n/lang.tsx";
import { useT } from "../../i18n/messages.ts";
import { patchUser } from "./api.ts";

/** An admin sets a new password for a user (who must change it at the next login). */
export function ResetPasswordModal({
  user,
  onClose,
  onDone,
}: {
  user: User | null;
  onClose: () => void;
  onDone: (user: User) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<{ password: string }>();
  const { submit, saving, error, setError } = useFormSubmit(form, async (values) => {
    if (!user) return;
    const updated = await patchUser(user.id, { version: user.version, password: values.password });
    form.resetFields();
    onDone(updated);
  });

  return (
    <Modal
      open={user !== null}
      title={user ? t.userResetPasswordTitle(user.displayName) : ""}
      okText={t.confirmOk}
      cancelText={t.confirmCancel}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={() => {
        form.resetFields();
        setError(null);
        onClose();
      }}
      okButtonProps={{ "data-testid": "user-reset-submit" }}
      forceRender
    >
      <ErrorAlert error={error} title={t.userResetPasswordTitle(user?.displayName ?? "")} />
      <Form form={form} name="resetPassword" layout="vertical" disabled={saving}>
        <Form.Item
          name="password"
          label={t.userNewPassword}
          rules={[zodRule(PatchUserInput.shape.password.unwrap(), t.userPasswordInvalid, lang)]}
          required
        >
          <Input.Password maxLength={128} autoComplete="new-password" data-testid="user-reset-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
