import {
  InfoCircleOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  PlusOutlined,
  ReloadOutlined,
} from "@ant-design/icons";
import type { Tenant, TenantStatus } from "@weiquan/domain";
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useState } from "react";
import { api } from "../api/client.ts";
import { errorText } from "../app/errors.ts";
import { useAlive } from "../app/useAlive.ts";
import { useT } from "../i18n/messages.ts";
import { OnboardTenantDrawer } from "./OnboardTenantDrawer.tsx";
import { TenantDetailDrawer } from "./TenantDetailDrawer.tsx";

interface TenantPage {
  items: Tenant[];
  nextCursor: string | null;
}

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
  const [tenants, setTenants] = useState<Tenant[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [detailId, setDetailId] = useState<string | null>(null);
  const alive = useAlive();

  const upsert = useCallback((tenant: Tenant) => {
    setTenants((list) =>
      list.some((x) => x.id === tenant.id)
        ? list.map((x) => (x.id === tenant.id ? tenant : x))
        : [tenant, ...list],
    );
  }, []);

  const load = useCallback(
    async (cursor: string | null) => {
      setLoading(true);
      setLoadError(null);
      try {
        const query = new URLSearchParams({ limit: "50" });
        if (cursor) query.set("cursor", cursor);
        const page = await api<TenantPage>(`/v1/platform/tenants?${query}`);
        if (!alive.current) return;
        setTenants((list) => (cursor ? [...list, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      } catch (e) {
        if (alive.current) setLoadError(errorText(e, t));
      } finally {
        if (alive.current) setLoading(false);
      }
    },
    [alive, t],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  async function setStatus(tenant: Tenant, action: "suspend" | "resume") {
    setBusy((s) => new Set(s).add(tenant.id));
    try {
      const updated = await api<Tenant>(`/v1/platform/tenants/${encodeURIComponent(tenant.id)}/${action}`, {
        method: "POST",
      });
      upsert(updated);
      message.success(action === "suspend" ? t.suspended(updated.name) : t.resumed(updated.name));
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy((s) => {
        const next = new Set(s);
        next.delete(tenant.id);
        return next;
      });
    }
  }

  /** Provisioning is asynchronous in AWS: follow the tenant until it is active (or stops provisioning). */
  async function followProvisioning(tenant: Tenant) {
    const key = `provision-${tenant.id}`;
    let current = tenant;
    if (current.status === "provisioning") {
      message.open({ key, type: "loading", content: t.onboardProvisioning(current.name), duration: 0 });
      for (let i = 0; i < POLL_LIMIT && current.status === "provisioning" && alive.current; i++) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        try {
          current = await api<Tenant>(`/v1/platform/tenants/${encodeURIComponent(current.id)}`);
          upsert(current);
        } catch (e) {
          message.open({ key, type: "error", content: errorText(e, t) });
          return;
        }
      }
    }
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
    const isBusy = busy.has(tenant.id);
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
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t.tenantsTitle}
          </Typography.Title>
          <Typography.Text type="secondary">{t.tenantsIntro}</Typography.Text>
        </div>
        <Space>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => load(null)}
            loading={loading}
            data-testid="tenants-refresh"
          >
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
      </Flex>
      {loadError && (
        <Alert
          type="error"
          showIcon
          title={t.tenantsLoadFailed}
          description={loadError}
          style={{ marginBottom: 16 }}
          data-testid="tenants-error"
        />
      )}
      <Table<Tenant>
        data-testid="tenants-table"
        rowKey="id"
        columns={columns}
        dataSource={tenants}
        loading={loading}
        pagination={false}
        locale={{ emptyText: t.tenantsEmpty }}
        onRow={(tenant) => ({ className: "tenant-row", "data-testid": `tenant-row-${tenant.countyCode}` })}
        scroll={{ x: 760 }}
      />
      {nextCursor && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => load(nextCursor)} loading={loading} data-testid="tenants-load-more">
            {t.tenantsLoadMore}
          </Button>
        </Flex>
      )}
      <TenantDetailDrawer tenantId={detailId} onClose={() => setDetailId(null)} onChanged={upsert} />
      <OnboardTenantDrawer
        open={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        onCreated={(tenant) => {
          setDrawerOpen(false);
          upsert(tenant);
          void followProvisioning(tenant);
        }}
      />
    </Card>
  );
}
