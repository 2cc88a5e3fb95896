import { PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Tag } from "antd";
import { useState } from "react";
import { PagedTable } from "../../../app/PagedTable.tsx";
import { useSession } from "../../../console/session.tsx";
import { unitName, useUnits } from "../../cases/parts.tsx";
import { type Volunteer, volunteersPage } from "../api.ts";
import { useCapacityT } from "../messages.ts";
import {
  day,
  ExportButton,
  editColumn,
  queryOf,
  RefreshButton,
  UnitFilter,
  useAfterWrite,
} from "../parts.tsx";
import { useRecordDrawer } from "../RecordDrawer.tsx";
import { VolunteerDrawer } from "./VolunteerDrawer.tsx";

/** 维权志愿者: the roster per unit; name and phone masked for everyone but the unit's own staff and the bureau. */
export function VolunteersTab() {
  const t = useCapacityT();
  const { me } = useSession();
  const units = useUnits();
  const afterWrite = useAfterWrite();
  const [unitId, setUnitId] = useState<string>();
  const drawer = useRecordDrawer<Volunteer>(afterWrite);
  const canWrite = me.user.role !== "governance_viewer";
  return (
    <Flex vertical gap={16}>
      <Flex gap={12} align="flex-end" wrap>
        <UnitFilter id="volunteers-unit" value={unitId} onChange={setUnitId} />
        <RefreshButton />
        <span style={{ flex: 1 }} />
        <ExportButton
          path={`/v1/volunteers/export.xlsx?${queryOf({ unitId })}`}
          fileName="volunteers.xlsx"
          testId="volunteers-export"
        />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={drawer.create} data-testid="volunteer-new">
            {t.volunteerNew}
          </Button>
        )}
      </Flex>
      <PagedTable<Volunteer>
        testId="volunteers"
        query={volunteersPage(unitId)}
        errorTitle={t.loadFailed}
        rowKey="id"
        count={t.count}
        columns={[
          { title: t.unit, dataIndex: "unitId", render: (id: string) => unitName(units, id) },
          {
            title: t.name,
            dataIndex: "name",
            render: (n: string, v: Volunteer) => (v.masked ? <span title={t.masked}>{n}</span> : n),
          },
          { title: t.phone, dataIndex: "phone" },
          { title: t.joinedAt, dataIndex: "joinedAt", width: 110, render: day },
          { title: t.skills, dataIndex: "skills", render: (s?: string[]) => s?.join("、") },
          {
            title: t.status,
            dataIndex: "status",
            width: 90,
            render: (s: Volunteer["status"]) =>
              s === "active" ? <Tag color="success">{t.statusActive}</Tag> : <Tag>{t.statusLeft}</Tag>,
          },
          // Who sees a volunteer masked may not write it either (the bureau and the unit's own staff do both).
          ...(canWrite ? [editColumn<Volunteer>(t, "volunteer", (v) => !v.masked, drawer.edit)] : []),
        ]}
      />
      <VolunteerDrawer state={drawer.props} />
    </Flex>
  );
}
