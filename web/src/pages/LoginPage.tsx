import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from "@ant-design/icons";
import type { LoginInput, LoginResponse } from "@weiquan/domain";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { api } from "../api/client.ts";
import { getLastTenant, hasExpiredToken, setLastTenant, setToken } from "../api/session.ts";
import { AntdRoot } from "../app/AntdRoot.tsx";
import { errorText } from "../app/errors.ts";
import { LangSwitch } from "../app/LangSwitch.tsx";
import { useT } from "../i18n/messages.ts";

/** Router state the console passes when it sends someone here. */
export interface LoginState {
  reason?: "expired" | "logged_out";
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
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onFinish(values: LoginInput) {
    setSubmitting(true);
    setError(null);
    const input: LoginInput = {
      tenant: values.tenant.trim(),
      username: values.username.trim(),
      password: values.password,
    };
    try {
      const res = await api<LoginResponse>("/v1/auth/login", { method: "POST", body: input, auth: false });
      setToken(res.token, res.expiresAt);
      setLastTenant(input.tenant);
      navigate(state.from && state.from !== "/login" ? state.from : "/", { replace: true });
    } catch (e) {
      setError(errorText(e, t));
      setSubmitting(false);
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
          {reason === "expired" && !error && (
            <Alert
              type="warning"
              showIcon
              title={t.sessionExpired}
              style={{ marginBottom: 16 }}
              data-testid="login-expired"
            />
          )}
          {reason === "logged_out" && !error && (
            <Alert
              type="success"
              showIcon
              title={t.loggedOut}
              style={{ marginBottom: 16 }}
              data-testid="login-logged-out"
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
