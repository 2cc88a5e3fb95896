import { ReloadOutlined } from "@ant-design/icons";
import { useIsFetching, useQueryClient } from "@tanstack/react-query";
import { Button, Card, DatePicker, Flex, type TableColumnsType, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { type Answer, api, ok, signalled } from "../../api/client.ts";
import { keys } from "../../api/query.ts";
import { Field } from "../../app/Field.tsx";
import { type PagedQuery, PagedTable } from "../../app/PagedTable.tsx";
import { PageHeader } from "../../app/PageHeader.tsx";
import { casePath, formatTime } from "../cases/format.ts";
import { unitName, useUnits } from "../cases/parts.tsx";
import { useAuditT } from "./messages.ts";

type AuditEntry = Answer<(typeof api.v1.audit)["personal-data"]["$get"]>["items"][number];

const PAGE = 50;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** This month on the Shanghai calendar, as the API's `month` (2026-11). */
function thisMonth(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** 个人信息访问记录: the bureau admin reads who opened unmasked personal data, month by month. */
export default function AuditPage() {
  const t = useAuditT();
  const units = useUnits();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const param = search.get("month");
  const month = param && MONTH.test(param) ? param : thisMonth();
  const query = useMemo<PagedQuery<AuditEntry>>(
    () => ({
      queryKey: [...keys.audit, month],
      fetchPage: (cursor, signal) =>
        ok(
          api.v1.audit["personal-data"].$get(
            { query: { month, limit: String(PAGE), cursor } },
            signalled(signal),
          ),
        ),
    }),
    [month],
  );
  const loading = useIsFetching({ queryKey: query.queryKey }) > 0;

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
      render: (no: string, row) =>
        row.action === "search_by_phone" ? (
          <span data-testid={`audit-phone-${row.id}`}>
            {t.phoneSearch(row.phone ?? "", row.resultCount ?? 0)}
          </span>
        ) : (
          <Link to={casePath(row.caseId)} data-testid={`audit-case-${no}`}>
            {no}
          </Link>
        ),
    },
    {
      title: t.colAction,
      dataIndex: "action",
      width: 160,
      render: (action: AuditEntry["action"]) => t.actions[action],
    },
  ];

  return (
    <Card data-testid="audit-page">
      <PageHeader title={t.title} intro={t.intro}>
        <Flex gap={8} align="flex-end">
          <Field label={t.month} htmlFor="audit-month">
            <DatePicker
              id="audit-month"
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              disabledDate={(d: Dayjs) => d.isAfter(dayjs(), "month")}
              onChange={(d: Dayjs | null) =>
                d && setSearch({ month: d.format("YYYY-MM") }, { replace: true })
              }
              data-testid="audit-month"
            />
          </Field>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void queryClient.invalidateQueries({ queryKey: query.queryKey })}
            loading={loading}
            data-testid="audit-refresh"
          >
            {t.refresh}
          </Button>
        </Flex>
      </PageHeader>
      <PagedTable<AuditEntry>
        query={query}
        testId="audit"
        errorTitle={t.loadFailed}
        count={t.count}
        rowKey="id"
        columns={columns}
        locale={{ emptyText: t.empty }}
        scroll={{ x: 800 }}
        rowProps={(row) => ({ "data-testid": `audit-row-${row.trackingNo}` })}
      />
    </Card>
  );
}
