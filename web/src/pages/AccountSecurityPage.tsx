import { SafetyOutlined } from "@ant-design/icons";
import type { TotpCodeInput, TotpEnrollment } from "@weiquan/domain";
import { Alert, App, Button, Card, Flex, Form, Input, QRCode, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { api, ok } from "../api/client.ts";
import { errorText } from "../app/errors.ts";
import { useSession } from "../console/session.tsx";
import { useT } from "../i18n/messages.ts";

const CODE = /^\d{6}$/;

function CodeField({ testId }: { testId: string }) {
  const t = useT();
  return (
    <Form.Item
      name="code"
      label={t.loginTotp}
      rules={[{ required: true, pattern: CODE, message: t.loginTotpInvalid }]}
      style={{ marginBottom: 12 }}
    >
      <Input
        maxLength={6}
        inputMode="numeric"
        autoComplete="one-time-code"
        style={{ width: 160 }}
        data-testid={testId}
      />
    </Form.Item>
  );
}

/** Account security: turn the TOTP second factor on (QR code + key + confirming code) or off. */
export default function AccountSecurityPage() {
  const t = useT();
  const { message } = App.useApp();
  const { me, logout, refresh } = useSession();
  const enrollmentOnly = me.user.totpEnrollmentRequired === true;
  const [enabled, setEnabled] = useState(me.user.totpEnabled === true);
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmForm] = Form.useForm<TotpCodeInput>();
  const [disableForm] = Form.useForm<TotpCodeInput>();

  async function run<T>(call: () => Promise<T>): Promise<T | null> {
    setBusy(true);
    setError(null);
    try {
      return await call();
    } catch (e) {
      setError(errorText(e, t));
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function start() {
    const res = await run(() => ok(api.v1.me.totp.$post()));
    if (res) setEnrollment(res);
  }

  async function confirm({ code }: TotpCodeInput) {
    const res = await run(() => ok(api.v1.me.totp.confirm.$post({ json: { code } })));
    if (!res) return confirmForm.setFieldValue("code", "");
    setEnrollment(null);
    setEnabled(true);
    message.success(t.totpEnabledDone);
    // This session was only good for enrolling: a normal one needs a login with a code.
    if (enrollmentOnly) logout("totp_enrolled");
    else refresh();
  }

  async function disable({ code }: TotpCodeInput) {
    const res = await run(() => ok(api.v1.me.totp.$delete({ json: { code } })));
    disableForm.setFieldValue("code", "");
    if (!res) return;
    setEnabled(false);
    message.success(t.totpDisabledDone);
    refresh();
  }

  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }} data-testid="security-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t.accountSecurity}
      </Typography.Title>
      {enrollmentOnly && (
        <Alert
          type="warning"
          showIcon
          title={t.securityEnrollmentRequiredTitle}
          description={t.securityEnrollmentRequired}
          data-testid="security-enrollment-required"
        />
      )}
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t.securityIntro}
      </Typography.Paragraph>
      <Card
        title={
          <Space>
            <SafetyOutlined />
            {t.totpStatusLabel}
            <Tag
              color={enabled ? "success" : "default"}
              data-testid="totp-status"
              data-enabled={enabled ? "true" : "false"}
            >
              {enabled ? t.totpOn : t.totpOff}
            </Tag>
          </Space>
        }
      >
        {error && (
          <Alert
            type="error"
            showIcon
            title={t.totpFailed}
            description={error}
            style={{ marginBottom: 16 }}
            data-testid="totp-error"
          />
        )}
        {!enabled && !enrollment && (
          <Button type="primary" loading={busy} onClick={start} data-testid="totp-start">
            {t.totpStart}
          </Button>
        )}
        {!enabled && enrollment && (
          <Flex vertical gap={12}>
            <Typography.Text strong>{t.totpScan}</Typography.Text>
            <QRCode value={enrollment.otpauthUri} size={200} errorLevel="M" data-testid="totp-qr" />
            <Typography.Text>{t.totpManual}</Typography.Text>
            <Typography.Text code copyable={{ text: enrollment.secret }} style={{ fontSize: 16 }}>
              <span data-testid="totp-secret">{enrollment.secret.replace(/(.{4})/g, "$1 ").trim()}</span>
            </Typography.Text>
            <Typography.Text strong>{t.totpEnterCode}</Typography.Text>
            <Form<TotpCodeInput> form={confirmForm} layout="inline" onFinish={confirm} requiredMark={false}>
              <CodeField testId="totp-confirm-code" />
              <Form.Item style={{ marginBottom: 12 }}>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-confirm">
                  {t.totpConfirm}
                </Button>
              </Form.Item>
            </Form>
          </Flex>
        )}
        {enabled && (
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">{t.totpDisableHelp}</Typography.Text>
            <Form<TotpCodeInput> form={disableForm} layout="inline" onFinish={disable} requiredMark={false}>
              <CodeField testId="totp-disable-code" />
              <Form.Item style={{ marginBottom: 12 }}>
                <Button danger htmlType="submit" loading={busy} data-testid="totp-disable">
                  {t.totpDisable}
                </Button>
              </Form.Item>
            </Form>
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
