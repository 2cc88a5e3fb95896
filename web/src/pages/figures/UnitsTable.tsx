import type { Period } from "@weiquan/domain";
import type { FigureDefinition } from "@weiquan/domain/figures/definitions";
import { Button, Flex, Table, type TableColumnsType } from "antd";
import { Link } from "react-router-dom";
import { grouped } from "../../app/numbers.ts";
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
  onOpen: (unitId: string) => void,
): TableColumnsType<UnitFiguresRow> {
  return [
    {
      title: m.colUnit,
      dataIndex: "name",
      fixed: "left",
      width: 260,
      render: (name: string, u) => (
        <Flex gap={6} align="center" style={{ paddingLeft: u.depth * 16 }}>
          <Link to={ledgerLink(period, u.unitId)} title={m.drillHint}>
            {name}
          </Link>
          {u.depth > 0 && u.childCount > 0 && (
            <Button
              size="small"
              type="link"
              onClick={() => onOpen(u.unitId)}
              aria-label={`${m.childUnits(u.childCount)}：${m.openUnit(name)}`}
              data-testid={`figures-open-${u.unitId}`}
            >
              {m.childUnits(u.childCount)}
            </Button>
          )}
        </Flex>
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
          sorter: (a: UnitFiguresRow, b: UnitFiguresRow) => (a.ownReceived ?? -1) - (b.ownReceived ?? -1),
          render: (v: number | null) => (v === null ? "—" : grouped(v)),
        },
      ];
    }),
  ];
}

/** Above this many rows the table renders only the rows on screen. */
const VIRTUAL_FROM = 100;

/**
 * The per-unit figures of a slice: the chosen unit and the units directly below it; a row with units
 * below opens its own slice (the page's unit). Long slices (a township of 80 villages) are virtual.
 */
export function UnitsTable({
  rows,
  period,
  m,
  label,
  loading,
  onOpen,
}: {
  rows: UnitFiguresRow[];
  period: Period;
  m: FigureMessages;
  label: (d: FigureDefinition) => string;
  loading: boolean;
  onOpen: (unitId: string) => void;
}) {
  const virtual = rows.length >= VIRTUAL_FROM;
  return (
    <Table<UnitFiguresRow>
      rowKey="unitId"
      size="small"
      columns={columnsOf(period, m, label, onOpen)}
      dataSource={rows}
      loading={loading}
      pagination={false}
      virtual={virtual}
      scroll={virtual ? { x: 1470, y: 520 } : { x: 1470 }}
      data-testid="figures-units"
    />
  );
}
