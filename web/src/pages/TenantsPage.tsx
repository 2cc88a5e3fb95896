import {
  InfoCircleOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  PlusOutlined,
  ReloadOutlined,
} from "@ant-design/icons";
import { useIsFetching, useQueryClient } from "@tanstack/react-query";
import type { Tenant, TenantStatus } from "@weiquan/domain";
import { App, Button, Card, Popconfirm, Space, type TableColumnsType, Tag } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { api, ok, signalled } from "../api/client.ts";
import { keys } from "../api/query.ts";
import { errorText } from "../app/errors.ts";
import { type PagedQuery, PagedTable } from "../app/PagedTable.tsx";
import { PageHeader } from "../app/PageHeader.tsx";
import { useAlive } from "../app/useAlive.ts";
import { useRowActions } from "../app/useRowActions.ts";
import { useT } from "../i18n/messages.ts";
import { OnboardTenantDrawer } from "./OnboardTenantDrawer.tsx";
import { TenantDetailDrawer } from "./TenantDetailDrawer.tsx";

const tenantsQuery: PagedQuery<Tenant> = {
  queryKey: [...keys.tenants, "list"],
  fetchPage: (cursor, signal) =>
    ok(api.v1.platform.tenants.$get({ query: { limit: "50", cursor } }, signalled(signal))),
};

const getTenant = (id: string) => ok(api.v1.platform.tenants[":id"].$get({ param: { id } }));

const statusColor: Record<TenantStatus, string> = {
  provisioning: "processing",
  active: "success",
  suspended: "warning",
  offboarded: "default",
};

const POLL_MS = 1000;
const POLL_LIMIT = 90;

export default function TenantsPage() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const loading = useIsFetching({ queryKey: keys.tenants }) > 0;
  const { busy, run } = useRowActions();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [detailId, setDetailId] = useState<string | null>(null);
  const alive = useAlive();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: keys.tenants });

  const setStatus = (tenant: Tenant, action: "suspend" | "resume") =>
    run(
      tenant.id,
      async () => {
        const param = { param: { id: tenant.id } };
        const updated = await ok(
          action === "suspend"
            ? api.v1.platform.tenants[":id"].suspend.$post(param)
            : api.v1.platform.tenants[":id"].resume.$post(param),
        );
        refresh();
        return updated;
      },
      (u) => (action === "suspend" ? t.suspended(u.name) : t.resumed(u.name)),
    );

  /** Provisioning is asynchronous in AWS: follow the tenant until it is active (or stops provisioning). */
  async function followProvisioning(tenant: Tenant) {
    const key = `provision-${tenant.id}`;
    let current = tenant;
    if (current.status === "provisioning") {
      message.open({ key, type: "loading", content: t.onboardProvisioning(current.name), duration: 0 });
      for (let i = 0; i < POLL_LIMIT && current.status === "provisioning" && alive.current; i++) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        try {
          current = await getTenant(current.id);
        } catch (e) {
          message.open({ key, type: "error", content: errorText(e, t) });
          return;
        }
      }
    }
    refresh();
    if (current.status === "provisioning") {
      message.open({ key, type: "warning", content: t.onboardStillProvisioning(current.name) });
    } else {
      message.open({ key, type: "success", content: t.onboardDone(current.name) });
    }
  }

  const columns: TableColumnsType<Tenant> = [
    { title: t.colCountyCode, dataIndex: "countyCode", width: 140 },
    { title: t.colName, dataIndex: "name" },
    {
      title: t.colStatus,
      dataIndex: "status",
      width: 120,
      render: (status: TenantStatus, tenant) => (
        <Tag
          color={statusColor[status]}
          data-testid={`tenant-status-${tenant.countyCode}`}
          data-status={status}
        >
          {t.tenantStatus[status]}
        </Tag>
      ),
    },
    {
      title: t.colCreatedAt,
      dataIndex: "createdAt",
      width: 180,
      render: (createdAt: string) => dayjs(createdAt).format("YYYY-MM-DD HH:mm"),
    },
    {
      title: t.colActions,
      key: "actions",
      width: 220,
      render: (_: unknown, tenant) => (
        <Space size="small">
          <Button
            size="small"
            icon={<InfoCircleOutlined />}
            onClick={() => setDetailId(tenant.id)}
            data-testid={`tenant-details-${tenant.countyCode}`}
          >
            {t.tenantDetails}
          </Button>
          {statusAction(tenant)}
        </Space>
      ),
    },
  ];

  function statusAction(tenant: Tenant) {
    const isBusy = busy(tenant.id);
    if (tenant.status === "active") {
      return (
        <Popconfirm
          title={t.suspendConfirm(tenant.name)}
          okText={t.confirmOk}
          cancelText={t.confirmCancel}
          okButtonProps={{ danger: true, "data-testid": "confirm-ok" }}
          onConfirm={() => setStatus(tenant, "suspend")}
        >
          <Button
            size="small"
            danger
            icon={<PauseCircleOutlined />}
            loading={isBusy}
            data-testid={`tenant-suspend-${tenant.countyCode}`}
          >
            {t.suspend}
          </Button>
        </Popconfirm>
      );
    }
    if (tenant.status === "suspended") {
      return (
        <Popconfirm
          title={t.resumeConfirm(tenant.name)}
          okText={t.confirmOk}
          cancelText={t.confirmCancel}
          okButtonProps={{ "data-testid": "confirm-ok" }}
          onConfirm={() => setStatus(tenant, "resume")}
        >
          <Button
            size="small"
            icon={<PlayCircleOutlined />}
            loading={isBusy}
            data-testid={`tenant-resume-${tenant.countyCode}`}
          >
            {t.resume}
          </Button>
        </Popconfirm>
      );
    }
    return null;
  }

  return (
    <Card data-testid="tenants-page">
      <PageHeader title={t.tenantsTitle} intro={t.tenantsIntro}>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={refresh} loading={loading} data-testid="tenants-refresh">
            {t.tenantsRefresh}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDrawerOpen(true)}
            data-testid="onboard-open"
          >
            {t.onboardOpen}
          </Button>
        </Space>
      </PageHeader>
      <PagedTable<Tenant>
        query={tenantsQuery}
        testId="tenants"
        errorTitle={t.tenantsLoadFailed}
        rowKey="id"
        columns={columns}
        locale={{ emptyText: t.tenantsEmpty }}
        rowProps={(tenant) => ({ className: "tenant-row", "data-testid": `tenant-row-${tenant.countyCode}` })}
        scroll={{ x: 760 }}
      />
      <TenantDetailDrawer tenantId={detailId} onClose={() => setDetailId(null)} onChanged={refresh} />
      <OnboardTenantDrawer
        open={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        onCreated={(tenant) => {
          setDrawerOpen(false);
          refresh();
          void followProvisioning(tenant);
        }}
      />
    </Card>
  );
}
