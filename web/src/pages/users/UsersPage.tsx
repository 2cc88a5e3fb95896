import {
  CheckCircleOutlined,
  EditOutlined,
  KeyOutlined,
  MobileOutlined,
  PlusOutlined,
  ReloadOutlined,
  StopOutlined,
} from "@ant-design/icons";
import { useIsFetching, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TenantRole, User } from "@weiquan/domain";
import { App, Button, Card, Popconfirm, Space, type TableColumnsType, Tag } from "antd";
import { useMemo, useState } from "react";
import { api, ok, signalled } from "../../api/client.ts";
import { unitsQuery } from "../../api/queries.ts";
import { keys } from "../../api/query.ts";
import { type PagedQuery, PagedTable } from "../../app/PagedTable.tsx";
import { PageHeader } from "../../app/PageHeader.tsx";
import { useRowActions } from "../../app/useRowActions.ts";
import { useSession } from "../../console/session.tsx";
import { useLang } from "../../i18n/lang.tsx";
import { useT } from "../../i18n/messages.ts";
import { roleLabel } from "../../i18n/roles.ts";
import { patchUser } from "./api.ts";
import { CreateUserDrawer } from "./CreateUserDrawer.tsx";
import { EditUserDrawer } from "./EditUserDrawer.tsx";
import { ResetPasswordModal } from "./ResetPasswordModal.tsx";

const usersQuery: PagedQuery<User> = {
  queryKey: [...keys.users, "list"],
  fetchPage: (cursor, signal) =>
    ok(api.v1.users.$get({ query: { limit: "100", cursor } }, signalled(signal))),
};

/** 用户管理 (bureau_admin): accounts, their unit and role, disable, reset a password or a second factor. */
export default function UsersPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const unitsData = useQuery(unitsQuery).data;
  const units = useMemo(() => unitsData?.items ?? [], [unitsData]);
  const loading = useIsFetching({ queryKey: keys.users }) > 0;
  const { busy, run } = useRowActions();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const { me } = useSession();
  const unitName = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: keys.users });
  /** A row's write: the list reads again, the answer (the user as saved) goes to the toast. */
  const save = async (write: Promise<User>) => {
    const user = await write;
    refresh();
    return user;
  };

  const columns: TableColumnsType<User> = [
    { title: t.fieldUsername, dataIndex: "username", width: 110 },
    { title: t.fieldName, dataIndex: "displayName", width: 140 },
    {
      title: t.fieldRole,
      dataIndex: "role",
      width: 120,
      render: (role: TenantRole) => roleLabel(role, lang),
    },
    {
      title: t.fieldUnit,
      dataIndex: "unitId",
      // The unit takes the room left: the table fits a 1280 px screen, actions included.
      render: (unitId: string) => unitName.get(unitId) ?? t.noUnit,
    },
    {
      title: t.colStatus,
      dataIndex: "disabled",
      width: 90,
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
      width: 90,
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
      width: 280,
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
            onConfirm={() =>
              run(
                user.id,
                () => save(patchUser(user.id, { version: user.version, disabled: !user.disabled })),
                (u) => (u.disabled ? t.userDisabled(u.displayName) : t.userEnabled(u.displayName)),
              )
            }
          >
            <Button
              size="small"
              danger={!user.disabled}
              icon={user.disabled ? <CheckCircleOutlined /> : <StopOutlined />}
              loading={busy(user.id)}
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
              onConfirm={() =>
                run(
                  user.id,
                  () => save(ok(api.v1.users[":id"].totp.reset.$post({ param: { id: user.id } }))),
                  (u) => t.userTotpResetDone(u.displayName),
                )
              }
            >
              <Button
                size="small"
                icon={<MobileOutlined />}
                loading={busy(user.id)}
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
      <PageHeader title={t.usersTitle} intro={t.usersIntro}>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={refresh} loading={loading} data-testid="users-refresh">
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
      </PageHeader>
      <PagedTable<User>
        query={usersQuery}
        testId="users"
        errorTitle={t.usersLoadFailed}
        rowKey="id"
        columns={columns}
        locale={{ emptyText: t.usersEmpty }}
        rowProps={(user) => ({ "data-testid": `user-row-${user.username}` })}
      />
      <CreateUserDrawer
        open={drawerOpen}
        units={units}
        onClose={() => setDrawerOpen(false)}
        onCreated={(user) => {
          setDrawerOpen(false);
          refresh();
          message.success(t.userCreated(user.displayName));
        }}
      />
      <EditUserDrawer
        user={editing}
        units={units}
        onClose={() => setEditing(null)}
        onSaved={(user, reloaded) => {
          refresh();
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
          refresh();
          message.success(t.userPasswordReset(user.displayName));
        }}
      />
    </Card>
  );
}
