import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, DatePicker, Flex, Table, type TableColumnsType, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useCallback, useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import { errorText } from "../../app/errors.ts";
import { useT } from "../../i18n/messages.ts";
import { casePath, formatTime } from "../cases/format.ts";
import { unitName, useUnits } from "../cases/parts.tsx";
import { useAuditT } from "./messages.ts";

/** GET /v1/audit/personal-data item (functions/api/src/cases/audit-schema.ts). */
interface AuditEntry {
  id: string;
  at: string;
  userId: string;
  username: string;
  displayName: string;
  unitId: string;
  caseId: string;
  trackingNo: string;
  action: "read_personal_data";
}

const PAGE = 50;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** This month on the Shanghai calendar, as the API's `month` (2026-11). */
function thisMonth(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** 个人信息访问记录: the bureau admin reads who opened unmasked personal data, month by month. */
export default function AuditPage() {
  const t = useAuditT();
  const common = useT();
  const units = useUnits();
  const [search, setSearch] = useSearchParams();
  const param = search.get("month");
  const month = param && MONTH.test(param) ? param : thisMonth();
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // Only the latest request may set the rows: the month can change before an answer comes back.
  const request = useRef(0);

  const load = useCallback(
    async (from: string | null) => {
      const mine = ++request.current;
      setLoading(true);
      setError(null);
      try {
        const q = new URLSearchParams({ month, limit: String(PAGE) });
        if (from) q.set("cursor", from);
        const page = await api<{ items: AuditEntry[]; nextCursor: string | null }>(
          `/v1/audit/personal-data?${q}`,
        );
        if (mine !== request.current) return;
        setRows((old) => (from ? [...old, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (e) {
        if (mine === request.current) setError(errorText(e, common));
      } finally {
        if (mine === request.current) setLoading(false);
      }
    },
    [month, common],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const columns: TableColumnsType<AuditEntry> = [
    { title: t.colAt, dataIndex: "at", width: 160, render: (at: string) => formatTime(at) },
    {
      title: t.colUser,
      key: "user",
      render: (_: unknown, row) => (
        <span data-testid={`audit-user-${row.id}`}>
          {row.displayName} <Typography.Text type="secondary">（{row.username}）</Typography.Text>
        </span>
      ),
    },
    {
      title: t.colUnit,
      dataIndex: "unitId",
      ellipsis: true,
      render: (id: string) => unitName(units, id, id),
    },
    {
      title: t.colCase,
      dataIndex: "trackingNo",
      width: 180,
      render: (no: string, row) => (
        <Link to={casePath(row.caseId)} data-testid={`audit-case-${no}`}>
          {no}
        </Link>
      ),
    },
    { title: t.colAction, dataIndex: "action", width: 160, render: () => t.actionRead },
  ];

  return (
    <Card data-testid="audit-page">
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t.title}
          </Typography.Title>
          <Typography.Text type="secondary">{t.intro}</Typography.Text>
        </div>
        <Flex gap={8} align="center">
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            disabledDate={(d: Dayjs) => d.isAfter(dayjs(), "month")}
            onChange={(d: Dayjs | null) => d && setSearch({ month: d.format("YYYY-MM") }, { replace: true })}
            aria-label={t.month}
            data-testid="audit-month"
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => load(null)}
            loading={loading}
            data-testid="audit-refresh"
          >
            {t.refresh}
          </Button>
        </Flex>
      </Flex>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t.loadFailed}
          description={error}
          style={{ marginBottom: 16 }}
          data-testid="audit-error"
        />
      )}
      <Table<AuditEntry>
        data-testid="audit-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        locale={{ emptyText: t.empty }}
        scroll={{ x: 800 }}
        onRow={(row) =>
          ({ "data-testid": `audit-row-${row.trackingNo}` }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" data-testid="audit-count">
          {t.count(rows.length, cursor !== null)}
        </Typography.Text>
        {cursor && (
          <Button onClick={() => load(cursor)} loading={loading} data-testid="audit-more">
            {t.loadMore}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
