import { ReloadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { allowedChildren, type Unit } from "@weiquan/domain";
import { App, Button, Card, Empty, Space, Table, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { complianceQuery, unitsQuery } from "../../api/queries.ts";
import { keys } from "../../api/query.ts";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { PageHeader } from "../../app/PageHeader.tsx";
import { useSession } from "../../console/session.tsx";
import { useT } from "../../i18n/messages.ts";
import { ComplianceCard } from "./ComplianceCard.tsx";
import { CreateUnitDrawer } from "./CreateUnitDrawer.tsx";
import { networkColumns } from "./columns.tsx";
import { type NetworkFilter, NetworkFilters } from "./NetworkFilters.tsx";
import { ancestorsOf, initiallyExpanded, type TreeRow, visibleRows } from "./tree-rows.ts";
import { UnitDrawer } from "./UnitDrawer.tsx";
import { editorOf, hasFourOnes, moveTargets } from "./units.ts";

/** Above this many rows the table renders only the rows on screen. */
const VIRTUAL_FROM = 150;

/**
 * 维权网络: the unit tree, collapsed to the bureau and its direct children; expand a unit to see its own,
 * or search — a match opens the path down to it. A thousand villages stay a page of a few dozen rows.
 */
export default function NetworkPage() {
  const t = useT();
  const { message } = App.useApp();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const unitsQ = useQuery(unitsQuery);
  // After the units (the same 1,200 units listed again on the server): the rows come first.
  const summary =
    useQuery({ ...complianceQuery, enabled: unitsQ.data !== undefined || unitsQ.isError }).data ?? null;
  const units = useMemo(() => unitsQ.data?.items ?? [], [unitsQ.data]);
  const loading = unitsQ.isFetching;
  const [filter, setFilter] = useState<NetworkFilter>({ search: "" });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [createUnder, setCreateUnder] = useState<Unit | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string> | null>(null);
  // Reload after a move or a new unit: the API answers in tree order and recounts compliance.
  const load = () => void queryClient.invalidateQueries({ queryKey: keys.units });

  // The first load opens the top of the tree; later loads keep what the person opened.
  useEffect(() => {
    if (expanded === null && units.length > 0) setExpanded(initiallyExpanded(units));
  }, [units, expanded]);
  /** Opens the path to a unit (after creating or moving it, it shows where it now is). */
  const reveal = (id: string, within: readonly Unit[] = units) =>
    setExpanded((s) => new Set([...(s ?? []), ...ancestorsOf(within, id)]));

  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const canEdit = useMemo(() => editorOf(units, me.user.role, me.unit?.id), [units, me]);
  const canAddUnder = (u: Unit) => canEdit(u) && u.status !== "closed" && allowedChildren[u.type].length > 0;

  const rows = useMemo(() => {
    const q = filter.search.trim().toLowerCase();
    const filtering = Boolean(q || filter.type || filter.status || filter.compliance);
    const matches = (u: Unit) =>
      (!q || u.name.toLowerCase().includes(q)) &&
      (!filter.type || u.type === filter.type) &&
      (!filter.status || u.status === filter.status) &&
      (!filter.compliance ||
        (hasFourOnes(u.type) &&
          u.status === "active" &&
          u.standards.compliant === (filter.compliance === "compliant")));
    return visibleRows(units, expanded ?? new Set(), filtering ? matches : undefined);
  }, [units, expanded, filter]);

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

  /** Reads the list again and opens the path to `id` in the fresh tree. */
  async function reloadShowing(id: string) {
    await queryClient.invalidateQueries({ queryKey: keys.units });
    reveal(id, queryClient.getQueryData(unitsQuery.queryKey)?.items ?? units);
  }

  const columns = networkColumns(t, {
    toggle: (row: TreeRow) =>
      setExpanded((s) => {
        const next = new Set(s ?? []);
        if (row.expanded) next.delete(row.id);
        else next.add(row.id);
        return next;
      }),
    open: setSelectedId,
    addUnder: setCreateUnder,
    canAddUnder,
  });

  return (
    <Space orientation="vertical" size={16} style={{ display: "flex" }} data-testid="network-page">
      <ComplianceCard
        summary={summary}
        showCoverage={bureauRole}
        onOpen={(id) => setSelectedId(id)}
        onShowShortfalls={() => setFilter({ search: "", compliance: "notCompliant" })}
      />
      <Card>
        <PageHeader title={t.networkTitle} intro={t.networkIntro}>
          <Button icon={<ReloadOutlined />} onClick={load} loading={loading} data-testid="network-refresh">
            {t.networkRefresh}
          </Button>
        </PageHeader>
        <NetworkFilters t={t} value={filter} onChange={(patch) => setFilter((f) => ({ ...f, ...patch }))} />
        <ErrorAlert error={unitsQ.error} title={t.networkLoadFailed} testId="network-error" />
        <Table<TreeRow>
          data-testid="network-tree"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={loading}
          pagination={false}
          virtual={rows.length >= VIRTUAL_FROM}
          locale={{ emptyText: <Empty description={t.networkEmpty} /> }}
          onRow={(unit) =>
            ({
              "data-testid": `unit-row-${unit.id}`,
              "data-unit-name": unit.name,
            }) as React.HTMLAttributes<HTMLElement>
          }
          scroll={rows.length >= VIRTUAL_FROM ? { x: 760, y: 640 } : { x: 760 }}
        />
        <Typography.Text
          type="secondary"
          style={{ display: "block", marginTop: 8 }}
          data-testid="network-count"
        >
          {t.networkRows(rows.length, units.length)}
        </Typography.Text>
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
          // Reload: the subtree's paths and the tree order changed; show it under its new parent.
          void reloadShowing(unit.id);
        }}
        onAddChild={(parent) => setCreateUnder(parent)}
      />
      <CreateUnitDrawer
        parent={createUnder}
        onClose={() => setCreateUnder(null)}
        onCreated={(unit) => {
          setCreateUnder(null);
          message.success(t.unitCreated(unit.name));
          void reloadShowing(unit.id);
        }}
      />
    </Space>
  );
}
