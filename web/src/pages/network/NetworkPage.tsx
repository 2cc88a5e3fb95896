import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import {
  allowedChildren,
  type ComplianceSummary,
  type Unit,
  type UnitStatus,
  type UnitType,
} from "@weiquan/domain";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { api } from "../../api/client.ts";
import { errorText } from "../../app/errors.ts";
import { useAlive } from "../../app/useAlive.ts";
import { useSession } from "../../console/session.tsx";
import { useT } from "../../i18n/messages.ts";
import { CreateUnitDrawer } from "./CreateUnitDrawer.tsx";
import { FourOnesBadge, fourOnesKeys } from "./FourOnes.tsx";
import { UnitDrawer } from "./UnitDrawer.tsx";
import {
  buildTree,
  editorOf,
  hasFourOnes,
  moveTargets,
  parentKeys,
  statusColor,
  typeColor,
  type UnitNode,
} from "./units.ts";

type ComplianceFilter = "compliant" | "notCompliant";

export default function NetworkPage() {
  const t = useT();
  const { message } = App.useApp();
  const { me } = useSession();
  const [units, setUnits] = useState<Unit[]>([]);
  const [summary, setSummary] = useState<ComplianceSummary | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [typeFilter, setTypeFilter] = useState<UnitType | undefined>();
  const [statusFilter, setStatusFilter] = useState<UnitStatus | undefined>();
  const [complianceFilter, setComplianceFilter] = useState<ComplianceFilter | undefined>();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [createUnder, setCreateUnder] = useState<Unit | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const alive = useAlive();

  const load = useCallback(async () => {
    setLoading(true);
    setLoadError(null);
    try {
      const [list, compliance] = await Promise.all([
        api<{ items: Unit[] }>("/v1/units"),
        api<ComplianceSummary>("/v1/units/compliance"),
      ]);
      if (!alive.current) return;
      setUnits(list.items);
      setSummary(compliance);
    } catch (e) {
      if (alive.current) setLoadError(errorText(e, t));
    } finally {
      if (alive.current) setLoading(false);
    }
  }, [alive, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const canEdit = useMemo(() => editorOf(units, me.user.role, me.unit?.id), [units, me]);
  const canAddUnder = (u: Unit) => canEdit(u) && u.status !== "closed" && allowedChildren[u.type].length > 0;

  const filtering = Boolean(search.trim() || typeFilter || statusFilter || complianceFilter);
  const tree = useMemo(() => {
    const q = search.trim().toLowerCase();
    const matches = (u: Unit) =>
      (!q || u.name.toLowerCase().includes(q)) &&
      (!typeFilter || u.type === typeFilter) &&
      (!statusFilter || u.status === statusFilter) &&
      (!complianceFilter ||
        (hasFourOnes(u.type) && u.standards.compliant === (complianceFilter === "compliant")));
    return buildTree(units, filtering ? matches : undefined);
  }, [units, search, typeFilter, statusFilter, complianceFilter, filtering]);
  const expanded = useMemo(() => parentKeys(tree).filter((k) => !collapsed.has(k)), [tree, collapsed]);

  const selected = selectedId ? (byId.get(selectedId) ?? null) : null;
  const targets = useMemo(
    () => (selected ? moveTargets(units, selected, me.user.role, me.unit?.id) : []),
    [units, selected, me],
  );
  const bureauRole = me.user.role === "bureau_admin" || me.user.role === "bureau_staff";

  function replace(unit: Unit) {
    setUnits((list) => list.map((u) => (u.id === unit.id ? unit : u)));
    void refreshSummary();
  }

  async function refreshSummary() {
    try {
      const compliance = await api<ComplianceSummary>("/v1/units/compliance");
      if (alive.current) setSummary(compliance);
    } catch {
      // The tree is what matters here; the summary catches up on the next refresh.
    }
  }

  const columns: TableColumnsType<UnitNode> = [
    {
      title: t.colName,
      dataIndex: "name",
      render: (name: string, unit) => (
        <Typography.Link onClick={() => setSelectedId(unit.id)} data-testid={`unit-open-${unit.id}`}>
          {name}
        </Typography.Link>
      ),
    },
    {
      title: t.colType,
      dataIndex: "type",
      width: 150,
      render: (type: UnitType) => <Tag color={typeColor[type]}>{t.unitType[type]}</Tag>,
    },
    {
      title: t.colStatus,
      dataIndex: "status",
      width: 100,
      render: (status: UnitStatus, unit) => (
        <Tag color={statusColor[status]} data-testid={`unit-status-${unit.id}`} data-status={status}>
          {t.unitStatus[status]}
        </Tag>
      ),
    },
    {
      title: t.colFourOnes,
      key: "fourOnes",
      width: 110,
      render: (_: unknown, unit) =>
        hasFourOnes(unit.type) ? (
          <FourOnesBadge compliant={unit.standards.compliant} testId={`unit-fourones-${unit.id}`} />
        ) : null,
    },
    {
      title: t.colActions,
      key: "actions",
      width: 150,
      render: (_: unknown, unit) =>
        canAddUnder(unit) ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setCreateUnder(unit)}
            data-testid={`unit-add-child-${unit.id}`}
          >
            {t.networkAddChild}
          </Button>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ display: "flex" }} data-testid="network-page">
      <ComplianceCard summary={summary} showCoverage={bureauRole} onOpen={(id) => setSelectedId(id)} />
      <Card>
        <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t.networkTitle}
            </Typography.Title>
            <Typography.Text type="secondary">{t.networkIntro}</Typography.Text>
          </div>
          <Button icon={<ReloadOutlined />} onClick={load} loading={loading} data-testid="network-refresh">
            {t.networkRefresh}
          </Button>
        </Flex>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t.networkSearch}
            style={{ width: 240 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="network-search"
          />
          <Select<UnitType>
            allowClear
            placeholder={t.networkFilterType}
            style={{ width: 170 }}
            value={typeFilter}
            onChange={setTypeFilter}
            options={(["bureau", "office", "station", "point"] as const).map((x) => ({
              value: x,
              label: t.unitType[x],
            }))}
            data-testid="network-filter-type"
          />
          <Select<UnitStatus>
            allowClear
            placeholder={t.networkFilterStatus}
            style={{ width: 130 }}
            value={statusFilter}
            onChange={setStatusFilter}
            options={(["planned", "active", "closed"] as const).map((x) => ({
              value: x,
              label: t.unitStatus[x],
            }))}
            data-testid="network-filter-status"
          />
          <Select<ComplianceFilter>
            allowClear
            placeholder={t.networkFilterCompliance}
            style={{ width: 130 }}
            value={complianceFilter}
            onChange={setComplianceFilter}
            options={[
              { value: "compliant", label: t.fourOnesBadge.compliant },
              { value: "notCompliant", label: t.fourOnesBadge.notCompliant },
            ]}
            data-testid="network-filter-compliance"
          />
        </Flex>
        {loadError && (
          <Alert
            type="error"
            showIcon
            title={t.networkLoadFailed}
            description={loadError}
            style={{ marginBottom: 16 }}
            data-testid="network-error"
          />
        )}
        <Table<UnitNode>
          data-testid="network-tree"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tree}
          loading={loading}
          pagination={false}
          locale={{ emptyText: <Empty description={t.networkEmpty} /> }}
          expandable={{
            expandedRowKeys: expanded,
            onExpand: (open, unit) =>
              setCollapsed((s) => {
                const next = new Set(s);
                if (open) next.delete(unit.id);
                else next.add(unit.id);
                return next;
              }),
          }}
          onRow={(unit) =>
            ({
              "data-testid": `unit-row-${unit.id}`,
              "data-unit-name": unit.name,
            }) as React.HTMLAttributes<HTMLElement>
          }
          scroll={{ x: 760 }}
        />
      </Card>
      <UnitDrawer
        unit={selected}
        parentName={selected?.parentId ? byId.get(selected.parentId)?.name : undefined}
        canEdit={selected ? canEdit(selected) : false}
        moveTargets={targets}
        allUnits={units}
        onClose={() => setSelectedId(null)}
        onChanged={replace}
        onMoved={(unit) => {
          const parent = unit.parentId ? byId.get(unit.parentId)?.name : undefined;
          message.success(t.unitMoved(unit.name, parent ?? ""));
          // Reload: the subtree's paths and the tree order changed.
          void load();
        }}
        onAddChild={(parent) => setCreateUnder(parent)}
      />
      <CreateUnitDrawer
        parent={createUnder}
        onClose={() => setCreateUnder(null)}
        onCreated={(unit) => {
          setCreateUnder(null);
          message.success(t.unitCreated(unit.name));
          // Reload: the API answers in tree order and recounts compliance.
          void load();
        }}
      />
    </Space>
  );
}

function ComplianceCard({
  summary,
  showCoverage,
  onOpen,
}: {
  summary: ComplianceSummary | null;
  /** Coverage of villages and townships is the bureau's figure. */
  showCoverage: boolean;
  onOpen: (unitId: string) => void;
}) {
  const t = useT();
  const typeCount = (type: "station" | "point") => summary?.byType[type] ?? { total: 0, compliant: 0 };
  return (
    <Card title={t.complianceTitle} loading={!summary} data-testid="compliance-card">
      {summary && (
        <>
          <Row gutter={[24, 16]}>
            <Col xs={24} sm={showCoverage ? 6 : 8}>
              <Statistic
                title={t.complianceRate}
                value={summary.rate === null ? "—" : (summary.rate * 100).toFixed(1)}
                suffix={summary.rate === null ? undefined : "%"}
                data-testid="compliance-rate"
              />
              <Typography.Text type="secondary">
                {t.complianceCount(summary.compliant, summary.total)} · {t.complianceHint}
              </Typography.Text>
            </Col>
            {showCoverage && (
              <Col xs={24} sm={6} data-testid="coverage">
                <Statistic
                  title={t.coverageRate}
                  value={summary.coverage.rate === null ? "—" : (summary.coverage.rate * 100).toFixed(1)}
                  suffix={summary.coverage.rate === null ? undefined : "%"}
                  data-testid="coverage-rate"
                />
                <Typography.Text type="secondary" data-testid="coverage-count">
                  {t.coverageCount(summary.coverage.activePoints, summary.coverage.points)}
                </Typography.Text>
                <br />
                <Typography.Text type="secondary">
                  {t.coverageStations(summary.coverage.activeStations, summary.coverage.stations)}
                </Typography.Text>
              </Col>
            )}
            {(["station", "point"] as const).map((type) => (
              <Col xs={12} sm={showCoverage ? 6 : 8} key={type}>
                <Statistic
                  title={t.unitType[type]}
                  value={typeCount(type).compliant}
                  suffix={`/ ${typeCount(type).total}`}
                  data-testid={`compliance-${type}`}
                />
              </Col>
            ))}
          </Row>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t.complianceShortfalls}
          </Typography.Title>
          {summary.shortfalls.length === 0 ? (
            <Typography.Text type="success">{t.complianceNoShortfalls}</Typography.Text>
          ) : (
            <Flex
              vertical
              gap={6}
              data-testid="compliance-shortfalls"
              style={{ maxHeight: 220, overflow: "auto" }}
            >
              {summary.shortfalls.map((s) => (
                <Flex key={s.unitId} gap={8} align="center" wrap data-testid={`shortfall-${s.unitId}`}>
                  <Typography.Link onClick={() => onOpen(s.unitId)}>{s.name}</Typography.Link>
                  <Tag color={typeColor[s.type]} bordered={false}>
                    {t.unitType[s.type]}
                  </Tag>
                  <span>{t.complianceMissing}</span>
                  {fourOnesKeys
                    .filter((k) => s.missing.includes(k))
                    .map((k) => (
                      <Tag key={k} color="orange" bordered={false}>
                        {t.fourOnesItem[k]}
                      </Tag>
                    ))}
                </Flex>
              ))}
            </Flex>
          )}
        </>
      )}
    </Card>
  );
}
