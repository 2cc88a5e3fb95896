import { FileTextOutlined, PlusOutlined, PrinterOutlined, ReloadOutlined } from "@ant-design/icons";
import { useIsFetching, useQueryClient } from "@tanstack/react-query";
import type { CaseKind, CaseStatus, CaseSummary } from "@weiquan/domain/cases/schema";
import { Button, Card, Flex, type TableColumnsType, Tooltip, Typography } from "antd";
import { useMemo, useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { api, ok, signalled } from "../../api/client.ts";
import { keys } from "../../api/query.ts";
import { useSmallFont } from "../../app/large-text.tsx";
import { type PagedQuery, PagedTable } from "../../app/PagedTable.tsx";
import { PageHeader } from "../../app/PageHeader.tsx";
import { useSession } from "../../console/session.tsx";
import { batchPrintPath, MAX_BATCH } from "./documents/available.ts";
import { casePath, formatDate, formatTime } from "./format.ts";
import { ExportButton } from "./ledger/ExportButton.tsx";
import { type Filters, filtersOf, queryOf, searchOf } from "./ledger/filters.ts";
import { LedgerFilters } from "./ledger/LedgerFilters.tsx";
import { type CaseMessages, useCaseT } from "./messages.ts";
import { Deadline, handlingRoles, StatusTag, type UnitsState, unitName, useUnits } from "./parts.tsx";

const PAGE = 50;

/** The ledger's list query for these filters (one cache entry per filter set). */
export function ledgerQuery(filters: Filters): PagedQuery<CaseSummary> {
  return {
    queryKey: [...keys.cases, "list", filters],
    fetchPage: (cursor, signal) =>
      ok(
        api.v1.cases.$get({ query: { ...queryOf(filters), limit: String(PAGE), cursor } }, signalled(signal)),
      ),
  };
}

/** Columns that fit a 1366 px screen: the subject gets the room, the business sits under it. */
function columnsOf(t: CaseMessages, units: UnitsState, small: number): TableColumnsType<CaseSummary> {
  return [
    {
      title: t.colTrackingNo,
      dataIndex: "trackingNo",
      width: 150,
      render: (no: string) => <Typography.Text copyable={{ text: no }}>{no}</Typography.Text>,
    },
    { title: t.colKind, dataIndex: "kind", width: 56, render: (k: CaseKind) => t.kind[k] },
    {
      title: `${t.colSubject} / ${t.colBusiness}`,
      dataIndex: "subject",
      render: (subject: string, row) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text ellipsis={{ tooltip: subject }}>{subject}</Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: small }}>
            {row.businessName ?? t.none}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t.colConsumer,
      dataIndex: "consumerName",
      width: 90,
      ellipsis: true,
      render: (c: string | null) => c ?? t.anonymous,
    },
    {
      title: t.colUnit,
      dataIndex: "unitId",
      width: 130,
      ellipsis: true,
      render: (id: string) => unitName(units, id, t.unitOutside),
    },
    {
      title: t.colStatus,
      dataIndex: "status",
      width: 96,
      render: (s: CaseStatus, row) => <StatusTag status={s} testId={`case-status-${row.trackingNo}`} />,
    },
    {
      title: t.colReceived,
      dataIndex: "receivedAt",
      width: 100,
      render: (at: string) => <span title={formatTime(at)}>{formatDate(at)}</span>,
    },
    {
      title: t.colDeadline,
      key: "deadline",
      width: 170,
      render: (_: unknown, row) => <Deadline c={row} testId={`case-deadline-${row.trackingNo}`} />,
    },
  ];
}

/** 案件台账: the caller's ledger, newest first, with filters and the "due soon / overdue" views. */
export default function LedgerPage() {
  const t = useCaseT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { me } = useSession();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersOf(search), [search]);
  const units = useUnits();
  const small = useSmallFont();
  const query = useMemo(() => ledgerQuery(filters), [filters]);
  const refreshing = useIsFetching({ queryKey: query.queryKey }) > 0;
  const canRegister = handlingRoles.includes(me.user.role);
  // Ticked rows for 批量打印文书; a new filter starts a new selection.
  const [ticked, setTicked] = useState<{ of: Filters; ids: string[] }>({ of: filters, ids: [] });
  const selected = ticked.of === filters ? ticked.ids : [];
  const tooMany = selected.length > MAX_BATCH;

  return (
    <Card data-testid="ledger-page">
      <PageHeader title={t.ledgerTitle} intro={t.ledgerIntro}>
        <Flex gap={8}>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void queryClient.invalidateQueries({ queryKey: query.queryKey })}
            loading={refreshing}
            data-testid="ledger-refresh"
          >
            {t.ledgerRefresh}
          </Button>
          <ExportButton filters={filters} />
          {canRegister && (
            <Tooltip title={tooMany ? t.batchTooMany(MAX_BATCH) : t.batchPrintHint}>
              <Button
                icon={<FileTextOutlined />}
                disabled={selected.length === 0 || tooMany}
                onClick={() => navigate(batchPrintPath(selected))}
                data-testid="ledger-batch-print"
              >
                {t.batchPrint(selected.length)}
              </Button>
            </Tooltip>
          )}
          <Button
            icon={<PrinterOutlined />}
            onClick={() => navigate(`/cases/print?${search.toString()}`)}
            data-testid="ledger-print"
          >
            {t.ledgerPrint}
          </Button>
          {canRegister && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate("/cases/new")}
              data-testid="ledger-new"
            >
              {t.ledgerNew}
            </Button>
          )}
        </Flex>
      </PageHeader>
      <LedgerFilters
        filters={filters}
        units={units}
        onChange={(patch) => setSearch(searchOf({ ...filters, ...patch }), { replace: true })}
        onReset={() => setSearch({}, { replace: true })}
        canReset={search.size > 0}
      />
      <PagedTable<CaseSummary>
        query={query}
        testId="ledger"
        errorTitle={t.ledgerLoadFailed}
        count={t.ledgerCount}
        rowKey="id"
        columns={columnsOf(t, units, small)}
        tableLayout="fixed"
        rowSelection={
          canRegister
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setTicked({ of: filters, ids: keys.map(String) }),
                columnWidth: 40,
                getCheckboxProps: (row) => ({ "aria-label": row.trackingNo }) as object,
              }
            : undefined
        }
        locale={{ emptyText: t.ledgerEmpty }}
        rowProps={(row) => ({
          "data-testid": `case-row-${row.trackingNo}`,
          "data-overdue": String(row.overdue),
          style: { cursor: "pointer" },
          onClick: (e) => {
            // Copying the tracking number or ticking the row is not opening the case.
            if ((e.target as HTMLElement).closest(".ant-typography-copy, .ant-table-selection-column"))
              return;
            navigate(casePath(row.id));
          },
        })}
      />
    </Card>
  );
}
