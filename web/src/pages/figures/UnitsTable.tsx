import type { Period } from "@weiquan/domain";
import type { FigureDefinition } from "@weiquan/domain/figures/definitions";
import { Table, type TableColumnsType } from "antd";
import { Link } from "react-router-dom";
import { ledgerLink, type UnitFiguresRow } from "./data.ts";
import { defOf, formatValue } from "./Headline.tsx";
import type { FigureMessages } from "./messages.ts";

const figureColumns = [
  "received",
  "complaints",
  "accepted",
  "closed",
  "resolutionRate",
  "recoveredFen",
  "escalationRate",
  "onTimeRate",
  "satisfactionRate",
  "overdueNow",
] as const;

function columnsOf(
  period: Period,
  m: FigureMessages,
  label: (d: FigureDefinition) => string,
): TableColumnsType<UnitFiguresRow> {
  return [
    {
      title: m.colUnit,
      dataIndex: "name",
      fixed: "left",
      width: 240,
      render: (name: string, u) => (
        <span style={{ paddingLeft: u.depth * 16 }}>
          <Link to={ledgerLink(period, u.unitId)} title={m.drillHint}>
            {name}
          </Link>
        </span>
      ),
    },
    ...figureColumns.flatMap((k) => {
      const d = defOf(k);
      const col = {
        title: label(d),
        dataIndex: k,
        key: k,
        width: 110,
        align: "right" as const,
        sorter: (a: UnitFiguresRow, b: UnitFiguresRow) => (a[k] ?? -1) - (b[k] ?? -1),
        render: (v: number | null) => formatValue(d, v),
      };
      if (k !== "received") return [col];
      return [
        col,
        {
          title: m.colOwnReceived,
          dataIndex: "ownReceived",
          key: "ownReceived",
          width: 110,
          align: "right" as const,
          sorter: (a: UnitFiguresRow, b: UnitFiguresRow) => a.ownReceived - b.ownReceived,
        },
      ];
    }),
  ];
}

/**
 * The per-unit figures. A county has a thousand rows and more: the table is virtual (only the rows on
 * screen are in the page), inside a fixed-height scroll area.
 */
export function UnitsTable({
  rows,
  period,
  m,
  label,
  loading,
}: {
  rows: UnitFiguresRow[];
  period: Period;
  m: FigureMessages;
  label: (d: FigureDefinition) => string;
  loading: boolean;
}) {
  return (
    <Table<UnitFiguresRow>
      rowKey="unitId"
      size="small"
      columns={columnsOf(period, m, label)}
      dataSource={rows}
      loading={loading}
      pagination={false}
      virtual
      scroll={{ x: 1450, y: 520 }}
      data-testid="figures-units"
    />
  );
}
