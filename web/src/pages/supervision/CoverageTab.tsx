import { useQuery } from "@tanstack/react-query";
import { Flex, Select, Switch, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { Field } from "../../app/Field.tsx";
import { formatDate } from "../cases/format.ts";
import { type Coverage, coverageQuery } from "./api.ts";
import type { SupervisionMessages } from "./messages.ts";
import { percent, recentQuarters } from "./period.ts";

type Row = Coverage["units"][number];

/** Which active stations and points were inspected in a quarter — and which were not. */
export function CoverageTab({ s }: { s: SupervisionMessages }) {
  const quarters = recentQuarters();
  const [quarter, setQuarter] = useState(quarters[0]!);
  const [onlyMissing, setOnlyMissing] = useState(true);
  const q = useQuery(coverageQuery(quarter));
  const c = q.data;
  const rows = (c?.units ?? []).filter((u) => !onlyMissing || u.inspections === 0);
  return (
    <Flex vertical gap={12}>
      <Flex gap={16} align="flex-end" wrap>
        <Field label={s.quarter} htmlFor="coverage-quarter">
          <Select
            id="coverage-quarter"
            value={quarter}
            onChange={setQuarter}
            style={{ width: 140 }}
            options={quarters.map((x) => ({ value: x, label: x }))}
          />
        </Field>
        <Flex gap={6} align="center">
          <Switch id="coverage-missing" checked={onlyMissing} onChange={setOnlyMissing} />
          <label htmlFor="coverage-missing">{s.notVisited}</label>
        </Flex>
      </Flex>
      <ErrorAlert error={q.error} title={s.coverageLoadFailed} testId="coverage-error" />
      {c && (
        <Typography.Text strong data-testid="coverage-summary">
          {s.coverageSummary(c.inspected, c.total, percent(c.inspectedShare))}
        </Typography.Text>
      )}
      <Table<Row>
        size="small"
        rowKey="unitId"
        loading={q.isFetching}
        dataSource={rows}
        pagination={{ pageSize: 100, hideOnSinglePage: true }}
        data-testid="coverage-table"
        columns={[
          { title: s.colUnit, dataIndex: "name" },
          { title: s.unit, dataIndex: "type", width: 100, render: (v: string) => s.unitType[v] ?? v },
          {
            title: s.colTimes,
            dataIndex: "inspections",
            width: 100,
            render: (n: number) => (n === 0 ? <Tag color="warning">0</Tag> : n),
          },
          {
            title: s.colLast,
            dataIndex: "lastInspectedAt",
            width: 130,
            render: (v: string | null) => formatDate(v),
          },
        ]}
      />
    </Flex>
  );
}
