import {
  CreateUserInput,
  roleUnitType,
  type TenantRole,
  tenantRoles,
  type Unit,
  type User,
} from "@weiquan/domain";
import { Alert, Button, Drawer, Form, Input, Select, Space } from "antd";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { errorText } from "../../app/errors.ts";
import { showFieldErrors, zodRule } from "../../app/form-rules.ts";
import { useLang } from "../../i18n/lang.tsx";
import { useT } from "../../i18n/messages.ts";
import { roleLabel } from "../../i18n/roles.ts";

const fields = CreateUserInput.shape;

/** The roles that may sit at a unit of this type (roleUnitType). */
export function rolesFor(unit: Unit | undefined): TenantRole[] {
  return unit ? tenantRoles.filter((r) => roleUnitType[r] === unit.type) : [];
}

export function unitOptions(units: readonly Unit[], typeLabel: (u: Unit) => string) {
  return units
    .filter((u) => u.status !== "closed")
    .map((u) => ({ value: u.id, label: `${u.name}（${typeLabel(u)}）`, search: u.name }));
}

export function CreateUserDrawer({
  open,
  units,
  onClose,
  onCreated,
}: {
  open: boolean;
  units: readonly Unit[];
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<CreateUserInput>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unitId = Form.useWatch("unitId", form);
  const unit = units.find((u) => u.id === unitId);
  const roles = rolesFor(unit);

  function unitChanged(id: string) {
    const fitting = rolesFor(units.find((u) => u.id === id));
    const role = form.getFieldValue("role") as TenantRole | undefined;
    if (!role || !fitting.includes(role))
      form.setFieldValue("role", fitting.length === 1 ? fitting[0] : undefined);
  }

  async function submit() {
    setError(null);
    let values: CreateUserInput;
    try {
      values = CreateUserInput.parse(await form.validateFields());
    } catch {
      setError(t.formHasErrors);
      return;
    }
    setSubmitting(true);
    try {
      const user = await api<User>("/v1/users", { method: "POST", body: values });
      form.resetFields();
      onCreated(user);
    } catch (e) {
      setError(errorText(e, t));
      showFieldErrors(form, e, { USERNAME_TAKEN: ["username"], ROLE_UNIT_MISMATCH: ["role"] });
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t.userCreateTitle}
      size={520}
      data-testid="user-create-drawer"
      footer={
        <Space style={{ display: "flex", justifyContent: "flex-end" }}>
          <Button onClick={onClose} disabled={submitting}>
            {t.cancel}
          </Button>
          <Button type="primary" loading={submitting} onClick={submit} data-testid="user-create-submit">
            {t.unitCreate}
          </Button>
        </Space>
      }
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={t.userCreateFailed}
          description={error}
          style={{ marginBottom: 16 }}
          data-testid="user-create-error"
        />
      )}
      <Form<CreateUserInput>
        form={form}
        name="createUser"
        layout="vertical"
        disabled={submitting}
        onFinish={submit}
      >
        <Form.Item
          name="username"
          label={t.fieldUsername}
          rules={[zodRule(fields.username, t.userUsernameInvalid, lang)]}
          required
        >
          <Input maxLength={32} autoComplete="off" data-testid="user-create-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t.fieldName}
          rules={[zodRule(fields.displayName, t.userDisplayNameInvalid, lang)]}
          required
        >
          <Input maxLength={50} autoComplete="off" data-testid="user-create-displayName" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t.fieldUnit}
          rules={[{ required: true, message: t.userUnitRequired }]}
        >
          <Select
            showSearch={{ optionFilterProp: "search" }}
            onChange={unitChanged}
            options={unitOptions(units, (u) => t.unitType[u.type])}
            data-testid="user-create-unit"
          />
        </Form.Item>
        <Form.Item
          name="role"
          label={t.fieldRole}
          rules={[{ required: true, message: t.userRoleRequired }]}
          extra={unit ? undefined : t.userRolePickUnit}
        >
          <Select
            disabled={!unit}
            options={roles.map((r) => ({ value: r, label: roleLabel(r, lang) }))}
            data-testid="user-create-role"
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t.userPassword}
          rules={[zodRule(fields.password, t.userPasswordInvalid, lang)]}
          required
        >
          <Input.Password maxLength={128} autoComplete="new-password" data-testid="user-create-password" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
