import { CloudDownloadOutlined, DeleteOutlined, ReloadOutlined } from "@ant-design/icons";
import type { Tenant, TenantExport, TenantExportStatus } from "@weiquan/domain";
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  Flex,
  Input,
  Modal,
  Popconfirm,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useState } from "react";
import { api } from "../api/client.ts";
import { errorText } from "../app/errors.ts";
import { useAlive } from "../app/useAlive.ts";
import { useT } from "../i18n/messages.ts";

interface ExportPage {
  items: TenantExport[];
  nextCursor: string | null;
}

const exportColor: Record<TenantExportStatus, string> = {
  running: "processing",
  completed: "success",
  failed: "error",
};

const POLL_MS = 2000;
const POLL_LIMIT = 300;
const at = (iso: string) => dayjs(iso).format("YYYY-MM-DD HH:mm");

function size(bytes: number | null): string {
  if (bytes === null) return "—";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * One tenant for the platform operator: usage figures, its complete exports (start one, follow it) and
 * deletion — offered only once the tenant is suspended and exported after the suspension, confirmed by
 * typing the county code.
 */
export function TenantDetailDrawer({
  tenantId,
  onClose,
  onChanged,
}: {
  tenantId: string | null;
  onClose: () => void;
  onChanged: (tenant: Tenant) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const alive = useAlive();
  const [tenant, setTenant] = useState<Tenant | null>(null);
  const [exports, setExports] = useState<TenantExport[]>([]);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [deleting, setDeleting] = useState(false);

  const base = tenantId ? `/v1/platform/tenants/${encodeURIComponent(tenantId)}` : null;

  const load = useCallback(async () => {
    if (!base) return;
    setLoading(true);
    setLoadError(null);
    try {
      const [detail, list] = await Promise.all([
        api<Tenant>(base),
        api<ExportPage>(`${base}/exports?limit=20`),
      ]);
      if (!alive.current) return;
      setTenant(detail);
      setExports(list.items);
    } catch (e) {
      if (alive.current) setLoadError(errorText(e, t));
    } finally {
      if (alive.current) setLoading(false);
    }
  }, [alive, base, t]);

  useEffect(() => {
    setTenant(null);
    setExports([]);
    if (base) void load();
  }, [base, load]);

  /** In AWS an export runs after the 202: follow it until it is no longer running. */
  async function follow(exportId: string) {
    for (let i = 0; i < POLL_LIMIT && alive.current && base; i++) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const list = await api<ExportPage>(`${base}/exports?limit=20`);
      if (!alive.current) return;
      setExports(list.items);
      const e = list.items.find((x) => x.exportId === exportId);
      if (e && e.status !== "running") {
        if (e.status === "completed") message.success(t.exportDone);
        else message.error(`${t.exportFailedMsg}：${e.error ?? ""}`);
        return;
      }
    }
  }

  async function startExport() {
    if (!base) return;
    setExporting(true);
    try {
      const started = await api<{ exportId: string; status: TenantExportStatus }>(`${base}/export`, {
        method: "POST",
      });
      await load();
      if (started.status === "completed") message.success(t.exportDone);
      else if (started.status === "failed") message.error(t.exportFailedMsg);
      else {
        message.info(t.exportStarted);
        void follow(started.exportId).catch((e) => message.error(errorText(e, t)));
      }
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      if (alive.current) setExporting(false);
    }
  }

  async function deleteTenant() {
    if (!base || !tenant) return;
    setDeleting(true);
    try {
      const deleted = await api<Tenant>(base, { method: "DELETE" });
      message.success(t.deleted(deleted.name));
      setDeleteOpen(false);
      setTyped("");
      onChanged(deleted);
      await load();
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      if (alive.current) setDeleting(false);
    }
  }

  const usage = tenant?.usage;
  const suspendedAt = tenant?.suspendedAt ?? tenant?.updatedAt ?? "";
  const exportedSinceSuspension = exports.some((e) => e.status === "completed" && e.startedAt >= suspendedAt);
  const canExport = tenant?.status === "active" || tenant?.status === "suspended";
  const canDelete = tenant?.status === "suspended" && exportedSinceSuspension;
  const unitTypes = usage ? Object.keys(usage.units.byType) : [];
  const unitTypeOrder = ["bureau", "office", "station", "point"] as const;
  const unitStatuses = ["active", "planned", "closed"] as const;

  return (
    <Drawer
      open={tenantId !== null}
      onClose={onClose}
      title={tenant ? t.tenantDetailTitle(tenant.name) : t.tenantDetails}
      size={720}
      data-testid="tenant-detail"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
          {t.tenantsRefresh}
        </Button>
      }
    >
      {loadError && <Alert type="error" showIcon title={loadError} style={{ marginBottom: 16 }} />}
      {tenant && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t.colCountyCode}>{tenant.countyCode}</Descriptions.Item>
            <Descriptions.Item label={t.colStatus}>
              <Tag data-testid="tenant-detail-status" data-status={tenant.status}>
                {t.tenantStatus[tenant.status]}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t.colCreatedAt}>{at(tenant.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="ID">
              <Typography.Text copyable code>
                {tenant.id}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          {tenant.deletedAt && (
            <Alert type="info" showIcon title={t.deletedAt(at(tenant.deletedAt))} style={{ marginTop: 16 }} />
          )}

          <Divider titlePlacement="start">{t.usageTitle}</Divider>
          {usage ? (
            <div data-testid="tenant-usage">
              <Flex wrap gap={32}>
                <Statistic title={t.usageCasesTotal} value={usage.cases.total} />
                <Statistic title={t.usageCasesOpen} value={usage.cases.open} />
                <Statistic
                  title={t.usageReceivedThisMonth(usage.cases.month)}
                  value={usage.cases.receivedThisMonth}
                />
                <Statistic title={t.usageUnits} value={usage.units.total} />
                <Statistic
                  title={t.usageUsers}
                  value={usage.users.total}
                  suffix={
                    usage.users.disabled > 0 ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t.usageUsersDisabled(usage.users.disabled)}
                      </Typography.Text>
                    ) : undefined
                  }
                />
                <Statistic title={t.usageTableItems} value={usage.table.itemCount ?? "—"} />
                <Statistic title={t.usageTableSize} value={size(usage.table.sizeBytes)} />
              </Flex>
              <Table
                style={{ marginTop: 16 }}
                size="small"
                pagination={false}
                rowKey="type"
                title={() => t.usageUnitsByType}
                dataSource={unitTypeOrder
                  .filter((type) => unitTypes.includes(type))
                  .map((type) => ({ type, ...usage.units.byType[type] }))}
                columns={[
                  {
                    title: "",
                    dataIndex: "type",
                    render: (type: (typeof unitTypeOrder)[number]) => t.unitType[type],
                  },
                  ...unitStatuses.map((s) => ({
                    title: t.unitStatus[s],
                    dataIndex: s,
                    align: "right" as const,
                    render: (n?: number) => n ?? 0,
                  })),
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
                {t.usageTableNote} {t.usageMeasuredAt(at(usage.measuredAt))}
              </Typography.Paragraph>
            </div>
          ) : (
            <Typography.Text type="secondary">{t.usageNone}</Typography.Text>
          )}

          <Divider titlePlacement="start">{t.exportsTitle}</Divider>
          <Flex justify="space-between" align="center" gap={16} style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">{t.exportsIntro}</Typography.Text>
            {canExport && (
              <Popconfirm
                title={t.exportConfirm(tenant.name)}
                okText={t.confirmOk}
                cancelText={t.confirmCancel}
                okButtonProps={{ "data-testid": "confirm-ok" }}
                onConfirm={() => startExport()}
              >
                <Button icon={<CloudDownloadOutlined />} loading={exporting} data-testid="tenant-export">
                  {t.exportStart}
                </Button>
              </Popconfirm>
            )}
          </Flex>
          <Table<TenantExport>
            size="small"
            rowKey="exportId"
            pagination={false}
            dataSource={exports}
            data-testid="tenant-exports"
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.exportsEmpty} />,
            }}
            columns={[
              { title: t.colExportStartedAt, dataIndex: "startedAt", width: 140, render: at },
              {
                title: t.colStatus,
                dataIndex: "status",
                width: 90,
                render: (s: TenantExportStatus, e) => (
                  <Tag color={exportColor[s]} title={e.error ?? undefined}>
                    {t.exportStatus[s]}
                  </Tag>
                ),
              },
              {
                title: t.colExportItems,
                dataIndex: "itemCount",
                align: "right",
                width: 90,
                render: (n) => n ?? "—",
              },
              { title: t.colExportSize, dataIndex: "bytes", align: "right", width: 90, render: size },
              {
                title: t.colExportLocation,
                key: "location",
                render: (_: unknown, e) => (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text copyable={{ text: e.location }} ellipsis style={{ maxWidth: 220 }}>
                      {e.location}
                    </Typography.Text>
                    {e.sha256 && (
                      <Typography.Text
                        type="secondary"
                        copyable={{ text: e.sha256 }}
                        style={{ fontSize: 12 }}
                      >
                        {e.sha256.slice(0, 12)}…
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
            ]}
          />

          {tenant.status !== "offboarded" && tenant.status !== "provisioning" && (
            <>
              <Divider titlePlacement="start">{t.deleteSection}</Divider>
              <Typography.Paragraph type="secondary">{t.deleteIntro}</Typography.Paragraph>
              {tenant.status !== "suspended" && (
                <Alert type="warning" showIcon title={t.deleteNeedsSuspend} />
              )}
              {tenant.status === "suspended" && !exportedSinceSuspension && (
                <Alert type="warning" showIcon title={t.deleteNeedsExport} />
              )}
              <Button
                danger
                icon={<DeleteOutlined />}
                disabled={!canDelete}
                onClick={() => setDeleteOpen(true)}
                style={{ marginTop: 12 }}
                data-testid="tenant-delete"
              >
                {t.deleteOpen}
              </Button>
              <Modal
                open={deleteOpen}
                title={t.deleteTitle(tenant.name)}
                okText={t.deleteConfirm}
                cancelText={t.confirmCancel}
                okButtonProps={{
                  danger: true,
                  disabled: typed.trim() !== tenant.countyCode,
                  loading: deleting,
                  "data-testid": "tenant-delete-confirm",
                }}
                onOk={() => deleteTenant()}
                onCancel={() => {
                  setDeleteOpen(false);
                  setTyped("");
                }}
              >
                <Typography.Paragraph>{t.deleteIntro}</Typography.Paragraph>
                <Typography.Paragraph strong>{t.deleteTypeCode(tenant.countyCode)}</Typography.Paragraph>
                <Input
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  placeholder={tenant.countyCode}
                  autoComplete="off"
                  data-testid="tenant-delete-code"
                />
              </Modal>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
