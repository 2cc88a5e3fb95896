import { OnboardTenantInput, type Tenant } from "@weiquan/domain";
import { Alert, Button, Divider, Drawer, Form, Input, Space, Switch } from "antd";
import { useState } from "react";
import { api } from "../api/client.ts";
import { errorText } from "../app/errors.ts";
import { showFieldErrors, zodRule } from "../app/form-rules.ts";
import { type Lang, useLang } from "../i18n/lang.tsx";
import { type Messages, useT } from "../i18n/messages.ts";

const fields = OnboardTenantInput.shape;
const adminFields = fields.admin.shape;

function rules(t: Messages, lang: Lang) {
  return {
    countyCode: [zodRule(fields.countyCode, t.onboardCountyCodeInvalid, lang)],
    name: [zodRule(fields.name, t.onboardNameInvalid, lang)],
    username: [zodRule(adminFields.username, t.onboardAdminUsernameInvalid, lang)],
    displayName: [zodRule(adminFields.displayName, t.onboardAdminDisplayNameInvalid, lang)],
    password: [zodRule(adminFields.password, t.onboardAdminPasswordInvalid, lang)],
  };
}

/** Which field an error code without field details belongs to. */
const fieldOfCode: Record<string, (string | number)[]> = {
  TENANT_EXISTS: ["countyCode"],
};

export function OnboardTenantDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (tenant: Tenant) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const r = rules(t, lang);

  async function submit() {
    setError(null);
    let values: unknown;
    try {
      values = await form.validateFields();
    } catch {
      setError(t.formHasErrors);
      return;
    }
    const input = OnboardTenantInput.parse(values);
    setSubmitting(true);
    try {
      const tenant = await api<Tenant>("/v1/platform/tenants", { method: "POST", body: input });
      form.resetFields();
      onCreated(tenant);
    } catch (e) {
      setError(errorText(e, t));
      showFieldErrors(form, e, fieldOfCode);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t.onboardTitle}
      size={520}
      destroyOnHidden={false}
      data-testid="onboard-drawer"
      footer={
        <Space style={{ display: "flex", justifyContent: "flex-end" }}>
          <Button onClick={onClose} disabled={submitting}>
            {t.onboardCancel}
          </Button>
          <Button type="primary" loading={submitting} onClick={submit} data-testid="onboard-submit">
            {t.onboardSubmit}
          </Button>
        </Space>
      }
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={t.onboardFailed}
          description={error}
          style={{ marginBottom: 16 }}
          data-testid="onboard-error"
        />
      )}
      <Form
        form={form}
        name="onboard"
        layout="vertical"
        initialValues={{ prepopulate: false }}
        onFinish={submit}
        disabled={submitting}
      >
        <Form.Item
          name="countyCode"
          label={t.onboardCountyCode}
          extra={t.onboardCountyCodeHelp}
          rules={r.countyCode}
          required
        >
          <Input maxLength={6} inputMode="numeric" placeholder="120116" data-testid="onboard-countyCode" />
        </Form.Item>
        <Form.Item name="name" label={t.onboardName} rules={r.name} required>
          <Input maxLength={100} placeholder={t.onboardNamePlaceholder} data-testid="onboard-name" />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t.onboardAdminSection}
        </Divider>
        <Form.Item name={["admin", "username"]} label={t.onboardAdminUsername} rules={r.username} required>
          <Input maxLength={32} autoComplete="off" placeholder="admin" data-testid="onboard-admin-username" />
        </Form.Item>
        <Form.Item
          name={["admin", "displayName"]}
          label={t.onboardAdminDisplayName}
          rules={r.displayName}
          required
        >
          <Input maxLength={50} autoComplete="off" data-testid="onboard-admin-displayName" />
        </Form.Item>
        <Form.Item name={["admin", "password"]} label={t.onboardAdminPassword} rules={r.password} required>
          <Input.Password maxLength={128} autoComplete="new-password" data-testid="onboard-admin-password" />
        </Form.Item>
        <Form.Item
          name="prepopulate"
          label={t.onboardPrepopulate}
          extra={t.onboardPrepopulateHelp}
          valuePropName="checked"
        >
          <Switch data-testid="onboard-prepopulate" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
