import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import type { CaseKind, CaseStatus, CaseSummary } from "@weiquan/domain/cases/schema";
import { caseStatusLabels, statusesOf } from "@weiquan/domain/cases/workflow";
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Input,
  Segmented,
  Select,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  TreeSelect,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import { errorText } from "../../app/errors.ts";
import { useSession } from "../../console/session.tsx";
import { useT } from "../../i18n/messages.ts";
import { casePath, formatTime } from "./format.ts";
import { useCaseT } from "./messages.ts";
import { Deadline, handlingRoles, StatusTag, treeOptions, unitName, useUnits } from "./parts.tsx";

type View = "all" | "dueSoon" | "overdue";
const PAGE = 50;
const allStatuses = Object.keys(caseStatusLabels) as CaseStatus[];

interface Filters {
  view: View;
  status: CaseStatus[];
  kind?: CaseKind;
  /** From a figures drill-down: a category code (and its sub-codes). */
  category?: string;
  unitId?: string;
  subtree: boolean;
  from?: string;
  to?: string;
  q?: string;
}

/** The filters live in the address, so a link (from the home page, or a colleague) opens the same view. */
function filtersOf(search: URLSearchParams): Filters {
  const view = search.get("view");
  const kind = search.get("kind");
  return {
    view: view === "overdue" || view === "dueSoon" ? view : "all",
    status: (search.get("status") ?? "")
      .split(",")
      .filter((s): s is CaseStatus => allStatuses.includes(s as CaseStatus)),
    kind: kind === "complaint" || kind === "report" || kind === "consultation" ? kind : undefined,
    category: search.get("category") ?? undefined,
    unitId: search.get("unit") ?? undefined,
    subtree: search.get("subtree") !== "0",
    from: search.get("from") ?? undefined,
    to: search.get("to") ?? undefined,
    q: search.get("q") ?? undefined,
  };
}

function searchOf(f: Filters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.view !== "all") out.view = f.view;
  if (f.status.length) out.status = f.status.join(",");
  if (f.kind) out.kind = f.kind;
  if (f.category) out.category = f.category;
  if (f.unitId) out.unit = f.unitId;
  if (!f.subtree) out.subtree = "0";
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.q) out.q = f.q;
  return out;
}

function queryOf(f: Filters, cursor: string | null): string {
  const q = new URLSearchParams({ limit: String(PAGE) });
  if (f.status.length) q.set("status", f.status.join(","));
  if (f.kind) q.set("kind", f.kind);
  if (f.category) q.set("category", f.category);
  if (f.unitId) {
    q.set("unitId", f.unitId);
    if (f.subtree) q.set("subtree", "true");
  }
  if (f.view === "overdue") q.set("overdue", "true");
  if (f.view === "dueSoon") q.set("dueSoon", "true");
  if (f.from) q.set("from", f.from);
  if (f.to) q.set("to", f.to);
  if (f.q) q.set("q", f.q);
  if (cursor) q.set("cursor", cursor);
  return q.toString();
}

/** 案件台账: the caller's ledger, newest first, with filters and the "due soon / overdue" views. */
export default function LedgerPage() {
  const t = useCaseT();
  const common = useT();
  const navigate = useNavigate();
  const { me } = useSession();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersOf(search), [search]);
  const units = useUnits();
  const [rows, setRows] = useState<CaseSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState(filters.q ?? "");
  // Only the latest request may set the rows: filters change faster than answers come back.
  const request = useRef(0);

  const setFilters = (patch: Partial<Filters>) =>
    setSearch(searchOf({ ...filters, ...patch }), { replace: true });

  const load = useCallback(
    async (from: string | null) => {
      const mine = ++request.current;
      setLoading(true);
      setError(null);
      try {
        const page = await api<{ items: CaseSummary[]; nextCursor: string | null }>(
          `/v1/cases?${queryOf(filters, from)}`,
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
    [filters, common],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const statusChoices = filters.kind ? statusesOf[filters.kind] : allStatuses;
  const canRegister = handlingRoles.includes(me.user.role);

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t.colTrackingNo,
      dataIndex: "trackingNo",
      width: 170,
      render: (no: string) => <Typography.Text copyable={{ text: no }}>{no}</Typography.Text>,
    },
    { title: t.colKind, dataIndex: "kind", width: 70, render: (k: CaseKind) => t.kind[k] },
    { title: t.colSubject, dataIndex: "subject", ellipsis: true },
    {
      title: t.colBusiness,
      dataIndex: "businessName",
      ellipsis: true,
      render: (b: string | null) => b ?? t.none,
    },
    {
      title: t.colConsumer,
      dataIndex: "consumerName",
      width: 110,
      render: (c: string | null) => c ?? t.anonymous,
    },
    {
      title: t.colUnit,
      dataIndex: "unitId",
      ellipsis: true,
      render: (id: string) => unitName(units, id, t.unitOutside),
    },
    {
      title: t.colStatus,
      dataIndex: "status",
      width: 110,
      render: (s: CaseStatus, row) => <StatusTag status={s} testId={`case-status-${row.trackingNo}`} />,
    },
    { title: t.colReceived, dataIndex: "receivedAt", width: 150, render: (at: string) => formatTime(at) },
    {
      title: t.colDeadline,
      key: "deadline",
      width: 230,
      render: (_: unknown, row) => <Deadline c={row} testId={`case-deadline-${row.trackingNo}`} />,
    },
  ];

  const range: [dayjs.Dayjs, dayjs.Dayjs] | null =
    filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null;

  return (
    <Card data-testid="ledger-page">
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t.ledgerTitle}
          </Typography.Title>
          <Typography.Text type="secondary">{t.ledgerIntro}</Typography.Text>
        </div>
        <Flex gap={8}>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => load(null)}
            loading={loading}
            data-testid="ledger-refresh"
          >
            {t.ledgerRefresh}
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
      </Flex>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented<View>
          value={filters.view}
          onChange={(view) => setFilters({ view })}
          options={[
            { value: "all", label: t.viewAll },
            { value: "dueSoon", label: <span data-testid="ledger-view-due-soon">{t.viewDueSoon}</span> },
            { value: "overdue", label: <span data-testid="ledger-view-overdue">{t.viewOverdue}</span> },
          ]}
          data-testid="ledger-view"
        />
        {filters.category && (
          <Tag closable onClose={() => setFilters({ category: undefined })} data-testid="ledger-category">
            {t.category}：{t.categoryLabel(filters.category)}
          </Tag>
        )}
        <Select<CaseKind>
          allowClear
          placeholder={t.filterKind}
          style={{ width: 110 }}
          value={filters.kind}
          onChange={(kind) =>
            setFilters({
              kind,
              status: kind ? filters.status.filter((s) => statusesOf[kind].includes(s)) : filters.status,
            })
          }
          options={(["complaint", "report", "consultation"] as const).map((k) => ({
            value: k,
            label: t.kind[k],
          }))}
          data-testid="ledger-kind"
        />
        <Select<CaseStatus[]>
          mode="multiple"
          allowClear
          placeholder={t.filterStatus}
          style={{ minWidth: 180 }}
          maxTagCount="responsive"
          value={filters.status}
          onChange={(status) => setFilters({ status })}
          options={statusChoices.map((s) => ({ value: s, label: t.status[s] }))}
          data-testid="ledger-status"
        />
        {units.units.length > 1 && (
          <>
            <TreeSelect
              allowClear
              showSearch={{ treeNodeFilterProp: "title" }}
              placeholder={t.filterUnit}
              style={{ width: 220 }}
              value={filters.unitId}
              onChange={(unitId?: string) => setFilters({ unitId })}
              treeData={treeOptions(units.tree)}
              treeDefaultExpandAll
              data-testid="ledger-unit"
            />
            <Flex gap={6} align="center">
              <Switch
                size="small"
                checked={filters.subtree}
                disabled={!filters.unitId}
                onChange={(subtree) => setFilters({ subtree })}
                data-testid="ledger-subtree"
              />
              <span>{t.filterSubtree}</span>
            </Flex>
          </>
        )}
        <DatePicker.RangePicker
          value={range}
          placeholder={[t.filterPeriod, t.filterPeriod]}
          onChange={(v) =>
            setFilters({
              from: v?.[0]?.format("YYYY-MM-DD") ?? undefined,
              to: v?.[1]?.format("YYYY-MM-DD") ?? undefined,
            })
          }
          data-testid="ledger-period"
        />
        <Input.Search
          allowClear
          placeholder={t.filterSearch}
          style={{ width: 240 }}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setFilters({ q: v.trim() || undefined })}
          data-testid="ledger-search"
        />
        {search.size > 0 && (
          <Button
            type="link"
            onClick={() => {
              setText("");
              setSearch({}, { replace: true });
            }}
            data-testid="ledger-reset"
          >
            {t.filterReset}
          </Button>
        )}
      </Flex>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t.ledgerLoadFailed}
          description={error}
          style={{ marginBottom: 16 }}
          data-testid="ledger-error"
        />
      )}
      <Table<CaseSummary>
        data-testid="ledger-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        locale={{ emptyText: t.ledgerEmpty }}
        scroll={{ x: 1200 }}
        onRow={(row) =>
          ({
            "data-testid": `case-row-${row.trackingNo}`,
            "data-overdue": String(row.overdue),
            style: { cursor: "pointer" },
            onClick: (e: React.MouseEvent) => {
              // Copying the tracking number is not opening the case.
              if ((e.target as HTMLElement).closest(".ant-typography-copy")) return;
              navigate(casePath(row.id));
            },
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" data-testid="ledger-count">
          {t.ledgerCount(rows.length, cursor !== null)}
        </Typography.Text>
        {cursor && (
          <Button onClick={() => load(cursor)} loading={loading} data-testid="ledger-more">
            {t.ledgerLoadMore}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
