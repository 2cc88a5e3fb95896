import { Button, Flex, Radio, Switch, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { PagedTable } from "../../app/PagedTable.tsx";
import { useSession } from "../../console/session.tsx";
import { formatDate } from "../cases/format.ts";
import { unitName, useUnits } from "../cases/parts.tsx";
import { type Finding, findingsQuery } from "./api.ts";
import { findingColor } from "./InspectionDetail.tsx";
import type { SupervisionMessages } from "./messages.ts";
import { supervises } from "./roles.ts";

type Status = "open" | "rectified" | "verified";

/** The findings work list: a unit's to rectify (open), the inspector's to verify (rectified). */
export function FindingsTab({
  s,
  onOpen,
}: {
  s: SupervisionMessages;
  onOpen: (inspectionId: string) => void;
}) {
  const { me } = useSession();
  const units = useUnits();
  const [status, setStatus] = useState<Status>(supervises(me.user.role) ? "rectified" : "open");
  const [overdue, setOverdue] = useState(false);
  const columns: TableColumnsType<Finding> = [
    { title: s.colUnit, dataIndex: "unitId", width: 180, render: (u: string) => unitName(units, u) },
    { title: s.findingText, dataIndex: "text" },
    {
      title: s.dueBy,
      dataIndex: "dueBy",
      width: 150,
      render: (v: string, f) => (
        <>
          {formatDate(v)} {f.overdue && <Tag color="error">{s.overdue}</Tag>}
        </>
      ),
    },
    {
      title: s.status,
      dataIndex: "status",
      width: 100,
      render: (v: string) => <Tag color={findingColor[v]}>{s.findingStatus[v]}</Tag>,
    },
    {
      title: s.colActions,
      key: "actions",
      width: 90,
      render: (_, f) => (
        <Button size="small" onClick={() => onOpen(f.inspectionId)} data-testid={`finding-open-${f.id}`}>
          {s.open}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 12 }}>
        <Radio.Group
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          optionType="button"
          options={(["open", "rectified", "verified"] as const).map((k) => ({
            value: k,
            label: <span data-testid={`findings-status-${k}`}>{s.findingStatus[k]}</span>,
          }))}
        />
        {status === "open" && (
          <Flex gap={6} align="center">
            <Switch id="findings-overdue" checked={overdue} onChange={setOverdue} />
            <Typography.Text>
              <label htmlFor="findings-overdue">{s.onlyOverdue}</label>
            </Typography.Text>
          </Flex>
        )}
      </Flex>
      <PagedTable<Finding>
        query={findingsQuery(status, status === "open" && overdue)}
        testId="findings"
        errorTitle={s.findingsLoadFailed}
        rowKey="id"
        columns={columns}
        count={s.count}
        locale={{ emptyText: s.findingsEmpty }}
        rowProps={(f) => ({ "data-testid": `finding-row-${f.id}` })}
        scroll={{ x: 800 }}
      />
    </>
  );
}
