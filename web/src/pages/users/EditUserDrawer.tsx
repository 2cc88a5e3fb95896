import { ReloadOutlined } from "@ant-design/icons";
import { PatchUserInput, type TenantRole, type Unit, type User } from "@weiquan/domain";
import { Alert, Button, Drawer, Form, Input, Select, Space } from "antd";
import { useState } from "react";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { zodRule } from "../../app/form-rules.ts";
import { useFormSubmit } from "../../app/useFormSubmit.ts";
import { useSession } from "../../console/session.tsx";
import { useLang } from "../../i18n/lang.tsx";
import { useT } from "../../i18n/messages.ts";
import { roleLabel } from "../../i18n/roles.ts";
import { getUser, patchUser } from "./api.ts";
import { rolesFor, unitOptions } from "./CreateUserDrawer.tsx";

interface EditValues {
  displayName: string;
  unitId: string;
  role: TenantRole;
}

/** Edit a user's name, unit and role (the role must fit the unit type, as on creation), with its version. */
export function EditUserDrawer({
  user,
  units,
  onClose,
  onSaved,
}: {
  user: User | null;
  units: readonly Unit[];
  onClose: () => void;
  /** The user as saved, or as reloaded after a conflict. */
  onSaved: (user: User, reloaded?: boolean) => void;
}) {
  const t = useT();
  return (
    <Drawer
      open={user !== null}
      onClose={onClose}
      title={user ? t.userEditTitle(user.displayName) : ""}
      size={520}
      data-testid="user-edit-drawer"
    >
      {user && (
        <EditUserForm
          key={`${user.id}-${user.version}`}
          user={user}
          units={units}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Drawer>
  );
}

function EditUserForm({
  user,
  units,
  onClose,
  onSaved,
}: {
  user: User;
  units: readonly Unit[];
  onClose: () => void;
  onSaved: (user: User, reloaded?: boolean) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const { me } = useSession();
  const self = me.user.id === user.id;
  const [form] = Form.useForm<EditValues>();
  const [conflict, setConflict] = useState(false);
  const unitId = Form.useWatch("unitId", form) ?? user.unitId;
  const roles = rolesFor(units.find((u) => u.id === unitId));
  // The user's current unit stays selectable even when closed (the API refuses new assignments there).
  const options = unitOptions(units, (u) => t.unitType[u.type]);
  const current = units.find((u) => u.id === user.unitId);
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({
      value: current.id,
      label: `${current.name}（${t.unitType[current.type]}）`,
      search: current.name,
    });

  function unitChanged(id: string) {
    const fitting = rolesFor(units.find((u) => u.id === id));
    const role = form.getFieldValue("role") as TenantRole | undefined;
    if (!role || !fitting.includes(role))
      form.setFieldValue("role", fitting.length === 1 ? fitting[0] : undefined);
  }

  const { submit, saving, error, setError } = useFormSubmit(
    form,
    async (v) => {
      setConflict(false);
      const body: PatchUserInput = { version: user.version, displayName: v.displayName.trim() };
      if (v.unitId !== user.unitId) body.unitId = v.unitId;
      if (v.role !== user.role) body.role = v.role;
      onSaved(await patchUser(user.id, body));
    },
    {
      fieldOfCode: { ROLE_UNIT_MISMATCH: ["role"], UNIT_CLOSED: ["unitId"] },
      onConflict: () => setConflict(true),
    },
  );

  async function reload() {
    try {
      onSaved(await getUser(user.id), true);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t.userConflict}
          style={{ marginBottom: 16 }}
          data-testid="user-edit-conflict"
          action={
            <Button size="small" icon={<ReloadOutlined />} onClick={reload} data-testid="user-edit-reload">
              {t.userReload}
            </Button>
          }
        />
      )}
      <ErrorAlert error={error} title={t.userSaveFailed} testId="user-edit-error" />
      {self && <Alert type="info" showIcon title={t.userSelfRole} style={{ marginBottom: 16 }} />}
      <Form<EditValues>
        form={form}
        name="editUser"
        layout="vertical"
        disabled={saving}
        initialValues={{ displayName: user.displayName, unitId: user.unitId, role: user.role }}
        onFinish={() => void submit()}
      >
        <Form.Item label={t.fieldUsername}>
          <Input value={user.username} disabled />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t.fieldName}
          rules={[zodRule(PatchUserInput.shape.displayName.unwrap(), t.userDisplayNameInvalid, lang)]}
          required
        >
          <Input maxLength={50} autoComplete="off" data-testid="user-edit-displayName" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t.fieldUnit}
          rules={[{ required: true, message: t.userUnitRequired }]}
        >
          <Select
            showSearch={{ optionFilterProp: "search" }}
            onChange={unitChanged}
            options={options}
            disabled={self}
            data-testid="user-edit-unit"
          />
        </Form.Item>
        <Form.Item name="role" label={t.fieldRole} rules={[{ required: true, message: t.userRoleRequired }]}>
          <Select
            disabled={self}
            options={roles.map((r) => ({ value: r, label: roleLabel(r, lang) }))}
            data-testid="user-edit-role"
          />
        </Form.Item>
        <Space style={{ display: "flex", justifyContent: "flex-end" }}>
          <Button onClick={onClose} disabled={saving}>
            {t.cancel}
          </Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="user-edit-submit">
            {t.userSave}
          </Button>
        </Space>
      </Form>
    </>
  );
}
