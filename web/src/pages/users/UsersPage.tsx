import {
  CheckCircleOutlined,
  EditOutlined,
  KeyOutlined,
  MobileOutlined,
  PlusOutlined,
  ReloadOutlined,
  StopOutlined,
} from "@ant-design/icons";
import { PatchUserInput, type TenantRole, type Unit, type User } from "@weiquan/domain";
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { api } from "../../api/client.ts";
import { errorText } from "../../app/errors.ts";
import { showFieldErrors, zodRule } from "../../app/form-rules.ts";
import { useAlive } from "../../app/useAlive.ts";
import { useSession } from "../../console/session.tsx";
import { useLang } from "../../i18n/lang.tsx";
import { useT } from "../../i18n/messages.ts";
import { roleLabel } from "../../i18n/roles.ts";
import { CreateUserDrawer } from "./CreateUserDrawer.tsx";
import { EditUserDrawer } from "./EditUserDrawer.tsx";

interface UserPage {
  items: User[];
  nextCursor: string | null;
}

export default function UsersPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [users, setUsers] = useState<User[]>([]);
  const [units, setUnits] = useState<Unit[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const { me } = useSession();
  const alive = useAlive();

  const load = useCallback(async () => {
    setLoading(true);
    setLoadError(null);
    try {
      const unitsP = api<{ items: Unit[] }>("/v1/units");
      const all: User[] = [];
      let cursor: string | null = null;
      do {
        const query = new URLSearchParams({ limit: "200" });
        if (cursor) query.set("cursor", cursor);
        const page: UserPage = await api<UserPage>(`/v1/users?${query}`);
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      const unitList = await unitsP;
      if (!alive.current) return;
      setUsers(all);
      setUnits(unitList.items);
    } catch (e) {
      if (alive.current) setLoadError(errorText(e, t));
    } finally {
      if (alive.current) setLoading(false);
    }
  }, [alive, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const unitName = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);

  const upsert = (user: User) =>
    setUsers((list) =>
      list.some((x) => x.id === user.id) ? list.map((x) => (x.id === user.id ? user : x)) : [...list, user],
    );

  async function patch(user: User, body: Omit<PatchUserInput, "version">): Promise<User | null> {
    setBusy((s) => new Set(s).add(user.id));
    try {
      const updated = await api<User>(`/v1/users/${encodeURIComponent(user.id)}`, {
        method: "PATCH",
        body: { version: user.version, ...body },
      });
      upsert(updated);
      return updated;
    } catch (e) {
      message.error(errorText(e, t));
      throw e;
    } finally {
      setBusy((s) => {
        const next = new Set(s);
        next.delete(user.id);
        return next;
      });
    }
  }

  async function setDisabled(user: User, disabled: boolean) {
    try {
      const updated = await patch(user, { disabled });
      if (updated)
        message.success(disabled ? t.userDisabled(updated.displayName) : t.userEnabled(updated.displayName));
    } catch {
      // Shown by patch(); a conflict is cured by refreshing the list.
    }
  }

  async function resetTotp(user: User) {
    setBusy((s) => new Set(s).add(user.id));
    try {
      const updated = await api<User>(`/v1/users/${encodeURIComponent(user.id)}/totp/reset`, {
        method: "POST",
      });
      upsert(updated);
      message.success(t.userTotpResetDone(updated.displayName));
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy((s) => {
        const next = new Set(s);
        next.delete(user.id);
        return next;
      });
    }
  }

  const columns: TableColumnsType<User> = [
    { title: t.fieldUsername, dataIndex: "username", width: 160 },
    { title: t.fieldName, dataIndex: "displayName", width: 160 },
    {
      title: t.fieldRole,
      dataIndex: "role",
      width: 160,
      render: (role: TenantRole) => roleLabel(role, lang),
    },
    {
      title: t.fieldUnit,
      dataIndex: "unitId",
      width: 220,
      render: (unitId: string) => unitName.get(unitId) ?? t.noUnit,
    },
    {
      title: t.colStatus,
      dataIndex: "disabled",
      width: 100,
      render: (disabled: boolean, user) => (
        <Tag
          color={disabled ? "default" : "success"}
          data-testid={`user-status-${user.username}`}
          data-disabled={String(disabled)}
        >
          {disabled ? t.userStatus.disabled : t.userStatus.enabled}
        </Tag>
      ),
    },
    {
      title: t.userTotp,
      dataIndex: "totpEnabled",
      width: 100,
      render: (on: boolean | undefined, user) => (
        <Tag
          color={on ? "blue" : "default"}
          data-testid={`user-totp-${user.username}`}
          data-totp={String(Boolean(on))}
        >
          {on ? t.userTotpState.on : t.userTotpState.off}
        </Tag>
      ),
    },
    {
      title: t.colActions,
      key: "actions",
      width: 420,
      render: (_: unknown, user) => (
        <Space wrap>
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(user)}
            data-testid={`user-edit-${user.username}`}
          >
            {t.userEdit}
          </Button>
          <Popconfirm
            title={
              user.disabled ? t.userEnableConfirm(user.displayName) : t.userDisableConfirm(user.displayName)
            }
            okText={t.confirmOk}
            cancelText={t.confirmCancel}
            okButtonProps={{ danger: !user.disabled, "data-testid": "confirm-ok" }}
            onConfirm={() => setDisabled(user, !user.disabled)}
          >
            <Button
              size="small"
              danger={!user.disabled}
              icon={user.disabled ? <CheckCircleOutlined /> : <StopOutlined />}
              loading={busy.has(user.id)}
              data-testid={`user-toggle-${user.username}`}
            >
              {user.disabled ? t.userEnable : t.userDisable}
            </Button>
          </Popconfirm>
          <Button
            size="small"
            icon={<KeyOutlined />}
            onClick={() => setResetting(user)}
            data-testid={`user-reset-${user.username}`}
          >
            {t.userResetPassword}
          </Button>
          {user.totpEnabled && user.id !== me.user.id && (
            <Popconfirm
              title={t.userTotpResetConfirm(user.displayName)}
              okText={t.confirmOk}
              cancelText={t.confirmCancel}
              okButtonProps={{ danger: true, "data-testid": "confirm-ok" }}
              onConfirm={() => resetTotp(user)}
            >
              <Button
                size="small"
                icon={<MobileOutlined />}
                loading={busy.has(user.id)}
                data-testid={`user-totp-reset-${user.username}`}
              >
                {t.userTotpReset}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card data-testid="users-page">
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t.usersTitle}
          </Typography.Title>
          <Typography.Text type="secondary">{t.usersIntro}</Typography.Text>
        </div>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={load} loading={loading} data-testid="users-refresh">
            {t.tenantsRefresh}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDrawerOpen(true)}
            data-testid="user-create-open"
          >
            {t.userCreateOpen}
          </Button>
        </Space>
      </Flex>
      {loadError && (
        <Alert
          type="error"
          showIcon
          title={t.usersLoadFailed}
          description={loadError}
          style={{ marginBottom: 16 }}
          data-testid="users-error"
        />
      )}
      <Table<User>
        data-testid="users-table"
        rowKey="id"
        columns={columns}
        dataSource={users}
        loading={loading}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t.usersEmpty }}
        onRow={(user) =>
          ({ "data-testid": `user-row-${user.username}` }) as React.HTMLAttributes<HTMLElement>
        }
        scroll={{ x: 1400 }}
      />
      <CreateUserDrawer
        open={drawerOpen}
        units={units}
        onClose={() => setDrawerOpen(false)}
        onCreated={(user) => {
          setDrawerOpen(false);
          upsert(user);
          message.success(t.userCreated(user.displayName));
        }}
      />
      <EditUserDrawer
        user={editing}
        units={units}
        onClose={() => setEditing(null)}
        onSaved={(user, reloaded) => {
          upsert(user);
          if (reloaded) setEditing(user);
          else {
            setEditing(null);
            message.success(t.userSaved(user.displayName));
          }
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(user) => {
          setResetting(null);
          upsert(user);
          message.success(t.userPasswordReset(user.displayName));
        }}
      />
    </Card>
  );
}

function ResetPasswordModal({
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
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (!user) return;
    setError(null);
    let values: { password: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const updated = await api<User>(`/v1/users/${encodeURIComponent(user.id)}`, {
        method: "PATCH",
        body: { version: user.version, password: values.password },
      });
      form.resetFields();
      onDone(updated);
    } catch (e) {
      setError(errorText(e, t));
      showFieldErrors(form, e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={user !== null}
      title={user ? t.userResetPasswordTitle(user.displayName) : ""}
      okText={t.confirmOk}
      cancelText={t.confirmCancel}
      confirmLoading={saving}
      onOk={submit}
      onCancel={() => {
        form.resetFields();
        setError(null);
        onClose();
      }}
      okButtonProps={{ "data-testid": "user-reset-submit" }}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
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
