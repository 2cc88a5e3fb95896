import { LockOutlined } from "@ant-design/icons";
import { ChangePasswordInput } from "@weiquan/domain";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { ApiError, api, guestApi, ok } from "../api/client.ts";
import { clearToken, setToken } from "../api/session.ts";
import { ErrorAlert } from "../app/ErrorAlert.tsx";
import { zodRule } from "../app/form-rules.ts";
import { LangSwitch } from "../app/LangSwitch.tsx";
import { LargeTextSwitch } from "../app/LargeTextSwitch.tsx";
import { useFormSubmit } from "../app/useFormSubmit.ts";
import { SECURITY_PATH } from "../console/paths.ts";
import { useSession } from "../console/session.tsx";
import { useLang } from "../i18n/lang.tsx";
import { useT } from "../i18n/messages.ts";
import type { LoginState } from "./LoginPage.tsx";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * A password someone else set (an admin creating or resetting the account) must be replaced before
 * anything else: the session can do nothing but this. After the change the console signs in again with
 * the new password (the old token stays restricted) and continues where the person was going.
 */
export default function ChangePasswordPage() {
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  const { me, logout } = useSession();
  const [form] = Form.useForm<Values>();
  const { submit, saving, error } = useFormSubmit(
    form,
    async ({ currentPassword, newPassword }) => {
      await ok(api.v1.me.password.$post({ json: { currentPassword, newPassword } }));
      try {
        const res = await ok(
          guestApi.v1.auth.login.$post({
            json: {
              tenant: me.tenant?.countyCode ?? "platform",
              username: me.user.username,
              password: newPassword,
            },
          }),
        );
        setToken(res.token, res.expiresAt);
        // A fresh console on the new token (the session and its cache belong to the restricted one).
        const next = res.user.totpEnrollmentRequired ? SECURITY_PATH : window.location.pathname;
        window.location.replace(next + (next === window.location.pathname ? window.location.search : ""));
      } catch (e) {
        // Changed, but the next sign-in needs more (a TOTP code): the login page asks for it.
        if (!(e instanceof ApiError)) throw e;
        clearToken();
        const state: LoginState = { reason: "password_changed" };
        navigate("/login", { replace: true, state });
      }
    },
    { fieldOfCode: { CURRENT_PASSWORD_WRONG: ["currentPassword"], PASSWORD_UNCHANGED: ["newPassword"] } },
  );

  return (
    <div style={{ minHeight: "100vh", background: "#f5f7fa" }}>
      <div style={{ display: "flex", justifyContent: "flex-end", gap: 8, padding: "12px 16px" }}>
        <LargeTextSwitch />
        <LangSwitch />
        <Button type="text" onClick={() => logout()} data-testid="logout">
          {t.logout}
        </Button>
      </div>
      <main style={{ display: "flex", justifyContent: "center", padding: 16 }}>
        <Card style={{ width: 440, maxWidth: "100%" }} data-testid="password-change-page">
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
            <LockOutlined /> {t.pwcTitle}
          </Typography.Title>
          <Alert
            type="info"
            showIcon
            title={t.pwcWhy(me.user.displayName)}
            style={{ marginBottom: 16 }}
            data-testid="password-change-why"
          />
          <ErrorAlert error={error} title={t.pwcFailed} />
          <Form<Values>
            form={form}
            name="changePassword"
            layout="vertical"
            disabled={saving}
            onFinish={submit}
          >
            <Form.Item
              name="currentPassword"
              label={t.pwcCurrent}
              extra={t.pwcCurrentHelp}
              rules={[{ required: true, message: t.loginPasswordRequired }]}
            >
              <Input.Password autoComplete="current-password" data-testid="pwc-current" />
            </Form.Item>
            <Form.Item
              name="newPassword"
              label={t.userNewPassword}
              extra={t.userPasswordInvalid}
              rules={[zodRule(ChangePasswordInput.shape.newPassword, t.userPasswordInvalid, lang)]}
              required
            >
              <Input.Password maxLength={128} autoComplete="new-password" data-testid="pwc-new" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t.pwcConfirm}
              dependencies={["newPassword"]}
              required
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_r, value: string) => {
                    if (value !== getFieldValue("newPassword")) throw new Error(t.pwcMismatch);
                  },
                }),
              ]}
            >
              <Input.Password maxLength={128} autoComplete="new-password" data-testid="pwc-confirm" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={saving}
              data-testid="pwc-submit"
            >
              {t.pwcSubmit}
            </Button>
          </Form>
        </Card>
      </main>
    </div>
  );
}
