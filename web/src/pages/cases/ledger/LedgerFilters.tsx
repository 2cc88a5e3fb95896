import type { CaseKind, CaseStatus } from "@weiquan/domain/cases/schema";
import { statusesOf } from "@weiquan/domain/cases/workflow";
import { Button, DatePicker, Flex, Input, Segmented, Select, Switch, Tag, TreeSelect } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { Field } from "../../../app/Field.tsx";
import { useCaseT } from "../messages.ts";
import { treeOptions, type UnitsState } from "../parts.tsx";
import { allStatuses, type Filters, type View } from "./filters.ts";

/** The ledger's filter bar; every control labelled, every choice written to the address. */
export function LedgerFilters({
  filters,
  units,
  onChange,
  onReset,
  canReset,
}: {
  filters: Filters;
  units: UnitsState;
  onChange: (patch: Partial<Filters>) => void;
  onReset: () => void;
  canReset: boolean;
}) {
  const t = useCaseT();
  const [text, setText] = useState(filters.q ?? "");
  // A search from the header changes the address while the ledger is open: show what it searches.
  useEffect(() => setText(filters.q ?? ""), [filters.q]);
  const statusChoices = filters.kind ? statusesOf[filters.kind] : allStatuses;
  const range: [dayjs.Dayjs, dayjs.Dayjs] | null =
    filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null;

  return (
    <Flex gap={12} wrap align="flex-end" style={{ marginBottom: 16 }}>
      <Segmented<View>
        value={filters.view}
        onChange={(view) => onChange({ view })}
        options={[
          { value: "all", label: t.viewAll },
          { value: "dueSoon", label: <span data-testid="ledger-view-due-soon">{t.viewDueSoon}</span> },
          { value: "overdue", label: <span data-testid="ledger-view-overdue">{t.viewOverdue}</span> },
        ]}
        data-testid="ledger-view"
      />
      {filters.category && (
        <Tag closable onClose={() => onChange({ category: undefined })} data-testid="ledger-category">
          {t.category}：{t.categoryLabel(filters.category)}
        </Tag>
      )}
      {filters.phone && (
        <Tag closable onClose={() => onChange({ phone: undefined })} data-testid="ledger-phone">
          {t.filterPhone}：{filters.phone}
        </Tag>
      )}
      <Field label={t.filterKind} htmlFor="ledger-kind">
        <Select<CaseKind>
          id="ledger-kind"
          allowClear
          style={{ width: 110 }}
          value={filters.kind}
          onChange={(kind) =>
            onChange({
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
      </Field>
      <Field label={t.filterStatus} htmlFor="ledger-status">
        <Select<CaseStatus[]>
          id="ledger-status"
          mode="multiple"
          allowClear
          style={{ minWidth: 180 }}
          maxTagCount="responsive"
          value={filters.status}
          onChange={(status) => onChange({ status })}
          options={statusChoices.map((s) => ({ value: s, label: t.status[s] }))}
          data-testid="ledger-status"
        />
      </Field>
      {units.units.length > 1 && (
        <>
          <Field label={t.filterUnit} htmlFor="ledger-unit">
            <TreeSelect
              id="ledger-unit"
              allowClear
              showSearch={{ treeNodeFilterProp: "title" }}
              style={{ width: 220 }}
              value={filters.unitId}
              onChange={(unitId?: string) => onChange({ unitId })}
              treeData={treeOptions(units.tree)}
              data-testid="ledger-unit"
            />
          </Field>
          <Flex gap={6} align="center" style={{ paddingBottom: 6 }}>
            <Switch
              id="ledger-subtree"
              size="small"
              checked={filters.subtree}
              disabled={!filters.unitId}
              onChange={(subtree) => onChange({ subtree })}
              data-testid="ledger-subtree"
            />
            <label htmlFor="ledger-subtree">{t.filterSubtree}</label>
          </Flex>
        </>
      )}
      <Field label={t.filterPeriod} htmlFor="ledger-period">
        <DatePicker.RangePicker
          id={{ start: "ledger-period" }}
          value={range}
          onChange={(v) =>
            onChange({
              from: v?.[0]?.format("YYYY-MM-DD") ?? undefined,
              to: v?.[1]?.format("YYYY-MM-DD") ?? undefined,
            })
          }
          data-testid="ledger-period"
        />
      </Field>
      <Field label={t.filterSearch} htmlFor="ledger-search">
        <Input.Search
          id="ledger-search"
          allowClear
          style={{ width: 240 }}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => onChange({ q: v.trim() || undefined })}
          data-testid="ledger-search"
        />
      </Field>
      {canReset && (
        <Button
          type="link"
          onClick={() => {
            setText("");
            onReset();
          }}
          data-testid="ledger-reset"
        >
          {t.filterReset}
        </Button>
      )}
    </Flex>
  );
}
