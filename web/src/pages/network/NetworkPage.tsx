import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { allowedChildren, type Unit, type UnitStatus, type UnitType } from "@weiquan/domain";
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { complianceQuery, unitsQuery } from "../../api/queries.ts";
import { keys } from "../../api/query.ts";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { useSession } from "../../console/session.tsx";
import { useT } from "../../i18n/messages.ts";
import { ComplianceCard } from "./ComplianceCard.tsx";
import { CreateUnitDrawer } from "./CreateUnitDrawer.tsx";
import { FourOnesBadge } from "./FourOnes.tsx";
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
  const queryClient = useQueryClient();
  const unitsQ = useQuery(unitsQuery);
  const summary = useQuery(complianceQuery).data ?? null;
  const units = useMemo(() => unitsQ.data?.items ?? [], [unitsQ.data]);
  const loading = unitsQ.isFetching;
  const [search, setSearch] = useState("");
  const [typeFilter, setTypeFilter] = useState<UnitType | undefined>();
  const [statusFilter, setStatusFilter] = useState<UnitStatus | undefined>();
  const [complianceFilter, setComplianceFilter] = useState<ComplianceFilter | undefined>();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [createUnder, setCreateUnder] = useState<Unit | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  // Reload after a move or a new unit: the API answers in tree order and recounts compliance.
  const load = () => void queryClient.invalidateQueries({ queryKey: keys.units });

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
    queryClient.setQueryData(unitsQuery.queryKey, (old) =>
      old ? { ...old, items: old.items.map((u) => (u.id === unit.id ? unit : u)) } : old,
    );
    void queryClient.invalidateQueries({ queryKey: keys.compliance });
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
        <ErrorAlert error={unitsQ.error} title={t.networkLoadFailed} testId="network-error" />
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
