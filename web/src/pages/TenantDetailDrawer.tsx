import { CloudDownloadOutlined, DeleteOutlined, ReloadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
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
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { api, ok, signalled } from "../api/client.ts";
import { keys } from "../api/query.ts";
import { errorText } from "../app/errors.ts";
import { useT } from "../i18n/messages.ts";
import { at, size, TenantUsage } from "./TenantUsage.tsx";

const exportColor: Record<TenantExportStatus, string> = {
  running: "processing",
  completed: "success",
  failed: "error",
};

const POLL_MS = 2000;

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
  const queryClient = useQueryClient();
  const [exporting, setExporting] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [deleting, setDeleting] = useState(false);
  const id = tenantId ?? "";
  const param = { param: { id } };

  const detail = useQuery({
    queryKey: [...keys.tenants, "one", id],
    enabled: tenantId !== null,
    queryFn: ({ signal }) => ok(api.v1.platform.tenants[":id"].$get(param, signalled(signal))),
  });
  // In AWS an export runs after the 202: the list is read again every few seconds while one runs.
  const exportsQ = useQuery({
    queryKey: [...keys.tenants, "exports", id],
    enabled: tenantId !== null,
    queryFn: ({ signal }) =>
      ok(
        api.v1.platform.tenants[":id"].exports.$get({ ...param, query: { limit: "20" } }, signalled(signal)),
      ),
    refetchInterval: (q) => (q.state.data?.items.some((e) => e.status === "running") ? POLL_MS : false),
  });
  const tenant: Tenant | null = detail.data ?? null;
  const exports: TenantExport[] = exportsQ.data?.items ?? [];
  const loading = detail.isFetching || exportsQ.isFetching;
  const failed = detail.error ?? exportsQ.error;
  const loadError = failed ? errorText(failed, t) : null;
  const load = () => queryClient.invalidateQueries({ queryKey: [...keys.tenants] });

  async function startExport() {
    setExporting(true);
    try {
      const started = await ok(api.v1.platform.tenants[":id"].export.$post(param));
      await load();
      if (started.status === "completed") message.success(t.exportDone);
      else if (started.status === "failed") message.error(t.exportFailedMsg);
      else message.info(t.exportStarted);
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setExporting(false);
    }
  }

  async function deleteTenant() {
    if (!tenant) return;
    setDeleting(true);
    try {
      const deleted = await ok(api.v1.platform.tenants[":id"].$delete(param));
      message.success(t.deleted(deleted.name));
      setDeleteOpen(false);
      setTyped("");
      onChanged(deleted);
      await load();
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setDeleting(false);
    }
  }

  const usage = tenant?.usage;
  const suspendedAt = tenant?.suspendedAt ?? tenant?.updatedAt ?? "";
  const exportedSinceSuspension = exports.some((e) => e.status === "completed" && e.startedAt >= suspendedAt);
  const canExport = tenant?.status === "active" || tenant?.status === "suspended";
  const canDelete = tenant?.status === "suspended" && exportedSinceSuspension;

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
            <Descriptions.Item label={t.colPlacement}>
              <span data-testid="tenant-detail-placement">
                {tenant.region} / {tenant.account}
              </span>
            </Descriptions.Item>
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
          <TenantUsage usage={usage} />

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
