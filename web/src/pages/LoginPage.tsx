import { KeyOutlined, LockOutlined, SafetyCertificateOutlined, UserOutlined } from "@ant-design/icons";
import type { LoginInput } from "@weiquan/domain";
import { Alert, Button, Card, Form, Input, type InputRef, Typography } from "antd";
import { useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { ApiError, guestApi, ok } from "../api/client.ts";
import { getLastTenant, hasExpiredToken, setLastTenant, setToken } from "../api/session.ts";
import { AntdRoot } from "../app/AntdRoot.tsx";
import { errorText } from "../app/errors.ts";
import { LangSwitch } from "../app/LangSwitch.tsx";
import { SECURITY_PATH } from "../console/paths.ts";
import { useT } from "../i18n/messages.ts";

/** Router state the console passes when it sends someone here. */
export interface LoginState {
  reason?: "expired" | "logged_out" | "totp_enrolled" | "password_changed";
  from?: string;
}

function readState(state: unknown): LoginState {
  return typeof state === "object" && state !== null ? (state as LoginState) : {};
}

function LoginForm() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const state = readState(location.state);
  const [reason] = useState(
    () =>
      state.reason ??
      (new URLSearchParams(location.search).has("expired") || hasExpiredToken() ? "expired" : undefined),
  );
  // Why the person is here: one notice above the form.
  const reasonAlert = reason
    ? {
        expired: { type: "warning" as const, title: t.sessionExpired, testId: "login-expired" },
        totp_enrolled: {
          type: "success" as const,
          title: t.totpEnrolledRelogin,
          testId: "login-totp-enrolled",
        },
        password_changed: {
          type: "success" as const,
          title: t.passwordChangedRelogin,
          testId: "login-password-changed",
        },
        logged_out: { type: "success" as const, title: t.loggedOut, testId: "login-logged-out" },
      }[reason]
    : undefined;
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Shown once the API has said the password was right and a code is needed (TOTP_REQUIRED).
  const [needTotp, setNeedTotp] = useState(false);
  const [form] = Form.useForm<LoginInput>();
  const totpRef = useRef<InputRef>(null);

  async function onFinish(values: LoginInput) {
    setSubmitting(true);
    setError(null);
    const input: LoginInput = {
      tenant: values.tenant.trim(),
      username: values.username.trim(),
      password: values.password,
      ...(needTotp && values.totp ? { totp: values.totp.trim() } : {}),
    };
    try {
      const res = await ok(guestApi.v1.auth.login.$post({ json: input }));
      setToken(res.token, res.expiresAt);
      setLastTenant(input.tenant);
      if (res.user.totpEnrollmentRequired) navigate(SECURITY_PATH, { replace: true });
      else navigate(state.from && state.from !== "/login" ? state.from : "/", { replace: true });
    } catch (e) {
      setSubmitting(false);
      if (e instanceof ApiError && e.code === "TOTP_REQUIRED") {
        setNeedTotp(true);
        setTimeout(() => totpRef.current?.focus(), 0);
        return;
      }
      if (e instanceof ApiError && e.code === "INVALID_TOTP") {
        form.setFieldValue("totp", "");
        totpRef.current?.focus();
      }
      setError(errorText(e, t));
    }
  }

  return (
    <div
      style={{
        minHeight: "100vh",
        display: "flex",
        flexDirection: "column",
        background: "linear-gradient(160deg, #8f0b20 0%, #c8102e 45%, #f5f7fa 45%)",
      }}
    >
      <div style={{ display: "flex", justifyContent: "flex-end", padding: "12px 16px" }}>
        <LangSwitch dark />
      </div>
      <div
        style={{ flex: 1, display: "flex", alignItems: "flex-start", justifyContent: "center", padding: 16 }}
      >
        <Card style={{ width: 400, maxWidth: "100%", marginTop: "6vh" }} data-testid="login-card">
          <div style={{ textAlign: "center", marginBottom: 24 }}>
            <SafetyCertificateOutlined style={{ fontSize: 40, color: "#c8102e" }} />
            <Typography.Title level={3} style={{ margin: "8px 0 0" }} data-testid="product-name">
              {t.productName}
            </Typography.Title>
            <Typography.Text type="secondary">{t.productSubtitle}</Typography.Text>
          </div>
          {reasonAlert && !error && !needTotp && (
            <Alert
              type={reasonAlert.type}
              showIcon
              title={reasonAlert.title}
              style={{ marginBottom: 16 }}
              data-testid={reasonAlert.testId}
            />
          )}
          {needTotp && !error && (
            <Alert
              type="info"
              showIcon
              title={t.loginTotpPrompt}
              style={{ marginBottom: 16 }}
              data-testid="login-totp-prompt"
            />
          )}
          {error && (
            <Alert
              type="error"
              showIcon
              title={t.loginFailed}
              description={error}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Form<LoginInput>
            form={form}
            name="login"
            layout="vertical"
            requiredMark={false}
            initialValues={{ tenant: getLastTenant(), username: "", password: "" }}
            onFinish={onFinish}
            data-testid="login-form"
          >
            <Form.Item
              name="tenant"
              label={t.loginTenant}
              extra={t.loginTenantHelp}
              rules={[{ required: true, whitespace: true, message: t.loginTenantRequired }]}
            >
              <Input
                prefix={<SafetyCertificateOutlined />}
                autoComplete="organization"
                inputMode="text"
                data-testid="login-tenant"
              />
            </Form.Item>
            <Form.Item
              name="username"
              label={t.loginUsername}
              rules={[{ required: true, whitespace: true, message: t.loginUsernameRequired }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t.loginPassword}
              rules={[{ required: true, message: t.loginPasswordRequired }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            {needTotp && (
              <Form.Item
                name="totp"
                label={t.loginTotp}
                extra={t.loginTotpHelp}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t.loginTotpInvalid }]}
              >
                <Input
                  ref={totpRef}
                  prefix={<KeyOutlined />}
                  maxLength={6}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  data-testid="login-totp"
                />
              </Form.Item>
            )}
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={submitting}
              data-testid="login-submit"
            >
              {submitting ? t.loginSubmitting : t.loginSubmit}
            </Button>
          </Form>
        </Card>
      </div>
    </div>
  );
}

export default function LoginPage() {
  return (
    <AntdRoot>
      <LoginForm />
    </AntdRoot>
  );
}
