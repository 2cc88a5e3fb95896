import { ArrowUpOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { type CompareRow, compareRows } from "@weiquan/domain";
import { Button, Flex, Select, Table, type TableColumnsType, Typography } from "antd";
import { useState } from "react";
import { keys } from "../../api/query.ts";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { Field } from "../../app/Field.tsx";
import { figures, type Preset, presetPeriod } from "../figures/data.ts";
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

/**
 * Per handling unit: the units' own (self-reported) satisfaction beside the bureau's verified one, and
 * the gap. Reads one slice of the figures at a time — a unit and the units directly below it — so a
 * station's line is the station with its points, its own line what it handled itself, and a row with
 * units below it opens their slice.
 */
export function CompareTab({ s }: { s: SupervisionMessages }) {
  const [preset, setPreset] = useState<Preset>("lastMonth");
  // The slices opened, top first; empty: the caller's own unit.
  const [trail, setTrail] = useState<string[]>([]);
  const top = trail.at(-1);
  const period = presetPeriod(preset);
  const q = useQuery({
    queryKey: [...keys.figures, "units", period, top, "supervision"],
    queryFn: ({ signal }) => figures.units(period, signal, { unitId: top, depth: 1 }),
  });
  const rows = compareRows(q.data?.items ?? []);
  const name = (r: CompareRow) =>
    r.kind === "total" ? s.rowTotal(r.name) : r.kind === "own" ? s.rowOwn(r.name) : r.name;
  const columns: TableColumnsType<CompareRow> = [
    {
      title: s.colUnit,
      key: "unit",
      render: (_, r) => (
        <Flex gap={6} align="center" style={{ paddingLeft: r.kind === "child" ? 16 : 0 }}>
          <span data-testid={`compare-name-${r.key}`}>{name(r)}</span>
          {r.kind === "child" && r.childCount > 0 && (
            <Button
              size="small"
              type="link"
              onClick={() => setTrail([...trail, r.unitId])}
              data-testid={`compare-open-${r.unitId}`}
            >
              {s.openBelow(r.childCount)}
            </Button>
          )}
        </Flex>
      ),
    },
    { title: s.colSelfCallbacks, dataIndex: "selfCallbacks", width: 100 },
    { title: s.colSelfRate, dataIndex: "selfRate", width: 140, render: (v: number | null) => percent(v) },
    { title: s.colSampled, dataIndex: "sampled", width: 90 },
    { title: s.colVerifiedCallbacks, dataIndex: "verifiedCallbacks", width: 100 },
    {
      title: s.colVerifiedRate,
      dataIndex: "verifiedRate",
      width: 140,
      render: (v: number | null) => percent(v),
    },
    {
      title: s.colGap,
      dataIndex: "gap",
      width: 100,
      render: (g: number | null, r) => {
        if (g === null) return "—";
        const text = `${g > 0 ? "+" : ""}${(g * 100).toFixed(1)}`;
        return (
          <Typography.Text
            type={Math.abs(g) >= 0.1 ? "danger" : undefined}
            data-testid={`compare-gap-${r.key}`}
          >
            {text}
          </Typography.Text>
        );
      },
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{s.compareIntro}</Typography.Text>
      <Flex gap={12} align="flex-end" wrap>
        <Field label={s.period} htmlFor="compare-period">
          <Select
            id="compare-period"
            value={preset}
            onChange={setPreset}
            style={{ width: 160 }}
            options={presets.map((p) => ({ value: p, label: presetZh[p] }))}
          />
        </Field>
        {trail.length > 0 && (
          <Button
            icon={<ArrowUpOutlined />}
            onClick={() => setTrail(trail.slice(0, -1))}
            data-testid="compare-up"
          >
            {s.backUp}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={q.error} title={s.compareFailed} testId="compare-error" />
      <Table<CompareRow>
        size="small"
        rowKey="key"
        loading={q.isFetching}
        pagination={{ pageSize: 100, hideOnSinglePage: true }}
        dataSource={rows}
        columns={columns}
        data-testid="compare-table"
        scroll={{ x: 860 }}
      />
    </Flex>
  );
}
