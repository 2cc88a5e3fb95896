import { useQuery } from "@tanstack/react-query";
import { Flex, Select, Table, type TableColumnsType, Typography } from "antd";
import { useState } from "react";
import { api, ok, signalled } from "../../api/client.ts";
import { keys } from "../../api/query.ts";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { Field } from "../../app/Field.tsx";
import { type Preset, presetPeriod, type UnitFiguresRow } from "../figures/data.ts";
import type { SupervisionMessages } from "./messages.ts";
import { percent } from "./period.ts";

const presets: Preset[] = ["lastMonth", "quarter", "lastQuarter", "half", "year"];
const presetZh: Record<Preset, string> = {
  month: "本月",
  lastMonth: "上月",
  quarter: "本季度",
  lastQuarter: "上季度",
  half: "本半年",
  year: "本年",
};

/** Per unit: the units' own (self-reported) satisfaction beside the bureau's verified one, and the gap. */
export function CompareTab({ s }: { s: SupervisionMessages }) {
  const [preset, setPreset] = useState<Preset>("lastMonth");
  const period = presetPeriod(preset);
  const q = useQuery({
    queryKey: [...keys.figures, "units", period, "supervision"],
    queryFn: ({ signal }) =>
      ok(api.v1.stats.units.$get({ query: { from: period.from, to: period.to } }, signalled(signal))),
  });
  const gap = (r: UnitFiguresRow) =>
    r.satisfactionRate === null || r.verifiedSatisfactionRate === null
      ? null
      : r.satisfactionRate - r.verifiedSatisfactionRate;
  const columns: TableColumnsType<UnitFiguresRow> = [
    {
      title: s.colUnit,
      dataIndex: "name",
      render: (name: string, r) => <span style={{ paddingLeft: r.depth * 16 }}>{name}</span>,
    },
    { title: s.colSelfCallbacks, dataIndex: "callbacks", width: 110 },
    {
      title: s.colSelfRate,
      dataIndex: "satisfactionRate",
      width: 150,
      render: (v: number | null) => percent(v),
    },
    { title: s.colVerifiedCallbacks, dataIndex: "verifiedCallbacks", width: 110 },
    {
      title: s.colVerifiedRate,
      dataIndex: "verifiedSatisfactionRate",
      width: 150,
      render: (v: number | null) => percent(v),
    },
    {
      title: s.colGap,
      key: "gap",
      width: 110,
      render: (_, r) => {
        const g = gap(r);
        if (g === null) return "—";
        const text = `${g > 0 ? "+" : ""}${(g * 100).toFixed(1)}`;
        return <Typography.Text type={Math.abs(g) >= 0.1 ? "danger" : undefined}>{text}</Typography.Text>;
      },
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{s.compareIntro}</Typography.Text>
      <Field label={s.period} htmlFor="compare-period">
        <Select
          id="compare-period"
          value={preset}
          onChange={setPreset}
          style={{ width: 160 }}
          options={presets.map((p) => ({ value: p, label: presetZh[p] }))}
        />
      </Field>
      <ErrorAlert error={q.error} title={s.compareFailed} testId="compare-error" />
      <Table<UnitFiguresRow>
        size="small"
        rowKey="unitId"
        loading={q.isFetching}
        pagination={{ pageSize: 100, hideOnSinglePage: true }}
        dataSource={(q.data?.items ?? []).filter((r) => r.callbacks > 0 || r.sampled > 0)}
        columns={columns}
        data-testid="compare-table"
        scroll={{ x: 800 }}
      />
    </Flex>
  );
}
