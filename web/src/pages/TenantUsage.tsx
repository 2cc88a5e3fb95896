import type { Tenant } from "@weiquan/domain";
import { Flex, Statistic, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useT } from "../i18n/messages.ts";

export const at = (iso: string) => dayjs(iso).format("YYYY-MM-DD HH:mm");

export function size(bytes: number | null): string {
  if (bytes === null) return "—";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const unitTypeOrder = ["bureau", "office", "station", "point"] as const;
const unitStatuses = ["active", "planned", "closed"] as const;

/** A tenant's usage figures (for billing): cases, units by type and status, users, table size. */
export function TenantUsage({ usage }: { usage: Tenant["usage"] }) {
  const t = useT();
  const unitTypes = usage ? Object.keys(usage.units.byType) : [];
  return usage ? (
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
  );
}
