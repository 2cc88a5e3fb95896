import type { UnitStatus, UnitType } from "@weiquan/domain";
import { Flex, Input, Select } from "antd";
import { Field } from "../../app/Field.tsx";
import type { Messages } from "../../i18n/messages.ts";

export type ComplianceFilter = "compliant" | "notCompliant";

export interface NetworkFilter {
  search: string;
  type?: UnitType;
  status?: UnitStatus;
  compliance?: ComplianceFilter;
}

/** Search by name (it opens the path to every match) and filters by type, status and 四个一. */
export function NetworkFilters({
  t,
  value,
  onChange,
}: {
  t: Messages;
  value: NetworkFilter;
  onChange: (patch: Partial<NetworkFilter>) => void;
}) {
  return (
    <Flex gap={12} wrap align="flex-end" style={{ marginBottom: 16 }}>
      <Field label={t.networkSearch} htmlFor="network-search">
        <Input.Search
          id="network-search"
          allowClear
          style={{ width: 240 }}
          value={value.search}
          onChange={(e) => onChange({ search: e.target.value })}
          data-testid="network-search"
        />
      </Field>
      <Field label={t.networkFilterType} htmlFor="network-filter-type">
        <Select<UnitType>
          id="network-filter-type"
          allowClear
          style={{ width: 170 }}
          value={value.type}
          onChange={(type) => onChange({ type })}
          options={(["bureau", "office", "station", "point"] as const).map((x) => ({
            value: x,
            label: t.unitType[x],
          }))}
          data-testid="network-filter-type"
        />
      </Field>
      <Field label={t.networkFilterStatus} htmlFor="network-filter-status">
        <Select<UnitStatus>
          id="network-filter-status"
          allowClear
          style={{ width: 130 }}
          value={value.status}
          onChange={(status) => onChange({ status })}
          options={(["planned", "active", "closed"] as const).map((x) => ({
            value: x,
            label: t.unitStatus[x],
          }))}
          data-testid="network-filter-status"
        />
      </Field>
      <Field label={t.networkFilterCompliance} htmlFor="network-filter-compliance">
        <Select<ComplianceFilter>
          id="network-filter-compliance"
          allowClear
          style={{ width: 130 }}
          value={value.compliance}
          onChange={(compliance) => onChange({ compliance })}
          options={[
            { value: "compliant", label: t.fourOnesBadge.compliant },
            { value: "notCompliant", label: t.fourOnesBadge.notCompliant },
          ]}
          data-testid="network-filter-compliance"
        />
      </Field>
    </Flex>
  );
}
