import {
  CreateUserInput,
  roleUnitType,
  type TenantRole,
  tenantRoles,
  type Unit,
  type User,
} from "@weiquan/domain";
import { Form, Input, Select } from "antd";
import { api, ok } from "../../api/client.ts";
import { FormDrawer } from "../../app/FormDrawer.tsx";
import { zodRule } from "../../app/form-rules.ts";
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
  const unitId = Form.useWatch("unitId", form);
  const unit = units.find((u) => u.id === unitId);
  const roles = rolesFor(unit);

  function unitChanged(id: string) {
    const fitting = rolesFor(units.find((u) => u.id === id));
    const role = form.getFieldValue("role") as TenantRole | undefined;
    if (!role || !fitting.includes(role))
      form.setFieldValue("role", fitting.length === 1 ? fitting[0] : undefined);
  }

  return (
    <FormDrawer<CreateUserInput>
      open={open}
      title={t.userCreateTitle}
      testId="user-create"
      form={form}
      name="createUser"
      submitText={t.unitCreate}
      errorTitle={t.userCreateFailed}
      fieldOfCode={{ USERNAME_TAKEN: ["username"], ROLE_UNIT_MISMATCH: ["role"] }}
      onSubmit={async (values) =>
        onCreated(await ok(api.v1.users.$post({ json: CreateUserInput.parse(values) })))
      }
      onClose={onClose}
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
      <Form.Item name="unitId" label={t.fieldUnit} rules={[{ required: true, message: t.userUnitRequired }]}>
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
    </FormDrawer>
  );
}
