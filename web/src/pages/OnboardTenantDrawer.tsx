import { OnboardTenantInput, type Tenant } from "@weiquan/domain";
import { Divider, Form, Input, Switch } from "antd";
import { api, ok } from "../api/client.ts";
import { FormDrawer } from "../app/FormDrawer.tsx";
import { zodRule } from "../app/form-rules.ts";
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
  const [form] = Form.useForm<OnboardTenantInput>();
  const r = rules(t, lang);

  return (
    <FormDrawer<OnboardTenantInput>
      open={open}
      title={t.onboardTitle}
      testId="onboard"
      form={form}
      name="onboard"
      initialValues={{ prepopulate: false }}
      submitText={t.onboardSubmit}
      errorTitle={t.onboardFailed}
      fieldOfCode={fieldOfCode}
      onSubmit={async (values) =>
        onCreated(await ok(api.v1.platform.tenants.$post({ json: OnboardTenantInput.parse(values) })))
      }
      onClose={onClose}
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
    </FormDrawer>
  );
}
