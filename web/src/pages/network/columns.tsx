import { CaretDownOutlined, CaretRightOutlined, PlusOutlined } from "@ant-design/icons";
import type { Unit, UnitStatus, UnitType } from "@weiquan/domain";
import { Button, Flex, type TableColumnsType, Tag, Typography } from "antd";
import type { Messages } from "../../i18n/messages.ts";
import { FourOnesBadge } from "./FourOnes.tsx";
import type { TreeRow } from "./tree-rows.ts";
import { hasFourOnes, statusColor, typeColor } from "./units.ts";

export interface ColumnActions {
  toggle: (row: TreeRow) => void;
  open: (id: string) => void;
  addUnder: (unit: Unit) => void;
  canAddUnder: (unit: Unit) => boolean;
}

/** The network table's columns; the name cell carries the tree (indent, expand / collapse). */
export function networkColumns(t: Messages, a: ColumnActions): TableColumnsType<TreeRow> {
  return [
    {
      title: t.colName,
      dataIndex: "name",
      render: (name: string, row) => (
        <Flex align="center" gap={4} style={{ paddingLeft: row.depth * 20 }}>
          {row.childCount > 0 ? (
            <Button
              type="text"
              size="small"
              icon={row.expanded ? <CaretDownOutlined /> : <CaretRightOutlined />}
              aria-expanded={row.expanded}
              aria-label={row.expanded ? t.networkCollapse(name) : t.networkExpand(name, row.childCount)}
              onClick={() => a.toggle(row)}
              data-testid={`unit-toggle-${row.id}`}
            />
          ) : (
            <span style={{ width: 24, flex: "none" }} />
          )}
          <Typography.Link onClick={() => a.open(row.id)} data-testid={`unit-open-${row.id}`}>
            {name}
          </Typography.Link>
          {row.childCount > 0 && !row.expanded && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              （{row.childCount}）
            </Typography.Text>
          )}
        </Flex>
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
      // The 四个一 are judged of active stations and points, as the compliance card counts them.
      render: (_: unknown, unit) =>
        hasFourOnes(unit.type) && unit.status === "active" ? (
          <FourOnesBadge compliant={unit.standards.compliant} testId={`unit-fourones-${unit.id}`} />
        ) : hasFourOnes(unit.type) && unit.status === "planned" ? (
          <Typography.Text type="secondary">{t.networkPlanned}</Typography.Text>
        ) : null,
    },
    {
      title: t.colActions,
      key: "actions",
      width: 150,
      render: (_: unknown, unit) =>
        a.canAddUnder(unit) ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => a.addUnder(unit)}
            data-testid={`unit-add-child-${unit.id}`}
          >
            {t.networkAddChild}
          </Button>
        ) : null,
    },
  ];
}
