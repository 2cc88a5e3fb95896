import { PlusOutlined } from "@ant-design/icons";
import { trainingFormatLabels } from "@weiquan/domain";
import { App, Button, Flex } from "antd";
import { useState } from "react";
import { AttachmentList } from "../../../app/Attachments.tsx";
import { PagedTable } from "../../../app/PagedTable.tsx";
import { useSession } from "../../../console/session.tsx";
import { useLang } from "../../../i18n/lang.tsx";
import { unitName, useUnits } from "../../cases/parts.tsx";
import { type Training, thisYear, trainingsPage } from "../api.ts";
import { useCapacityT } from "../messages.ts";
import {
  day,
  ExportButton,
  editColumn,
  queryOf,
  RefreshButton,
  UnitFilter,
  useAfterWrite,
  YearSelect,
} from "../parts.tsx";
import { useRecordDrawer } from "../RecordDrawer.tsx";
import { CoverageCard } from "./CoverageCard.tsx";
import { TrainingDrawer } from "./TrainingDrawer.tsx";

const organisers = new Set(["bureau_admin", "bureau_staff", "office_staff", "station_staff"]);

/** 业务培训: the year's coverage, then the trainings the unit organised or attended. */
export function TrainingsTab() {
  const t = useCapacityT();
  const { lang } = useLang();
  const { me } = useSession();
  const { message } = App.useApp();
  const units = useUnits();
  const afterWrite = useAfterWrite();
  const [year, setYear] = useState(thisYear);
  const [unitId, setUnitId] = useState<string>();
  const drawer = useRecordDrawer<Training>(() => {
    void message.success(t.save);
    afterWrite();
  });
  const writes = organisers.has(me.user.role);
  return (
    <Flex vertical gap={16}>
      <CoverageCard year={year} />
      <Flex gap={12} align="flex-end" wrap>
        <YearSelect id="trainings-year" value={year} onChange={setYear} />
        <UnitFilter id="trainings-unit" value={unitId} onChange={setUnitId} />
        <RefreshButton />
        <span style={{ flex: 1 }} />
        <ExportButton
          path={`/v1/trainings/export.xlsx?${queryOf({ year, unitId })}`}
          fileName={`trainings-${year}.xlsx`}
          testId="trainings-export"
        />
        {writes && (
          <Button type="primary" icon={<PlusOutlined />} onClick={drawer.create} data-testid="training-new">
            {t.trainingNew}
          </Button>
        )}
      </Flex>
      <PagedTable<Training>
        testId="trainings"
        query={trainingsPage(year, unitId)}
        errorTitle={t.loadFailed}
        rowKey="id"
        count={t.count}
        expandable={{
          rowExpandable: (r) => r.attachments.length > 0 || r.attendees.length > 0,
          expandedRowRender: (r) => (
            <Flex vertical gap={8}>
              {r.attendees.length > 0 && <span>{r.attendees.map((a) => a.name).join("、")}</span>}
              <AttachmentList items={r.attachments} />
            </Flex>
          ),
        }}
        columns={[
          { title: t.heldAt, dataIndex: "heldAt", width: 110, render: day },
          { title: t.trainingTitle, dataIndex: "title" },
          {
            title: t.format,
            dataIndex: "format",
            width: 110,
            render: (f: Training["format"]) => trainingFormatLabels[f][lang],
          },
          { title: t.hours, dataIndex: "hours", width: 70 },
          { title: t.organizer, dataIndex: "organizerUnitId", render: (id: string) => unitName(units, id) },
          {
            title: t.attendeeUnits,
            dataIndex: "attendeeUnitIds",
            width: 90,
            render: (ids: string[]) => ids.length,
          },
          { title: t.attendees, dataIndex: "attendees", width: 90, render: (a: unknown[]) => a.length },
          ...(writes ? [editColumn<Training>(t, "training", () => true, drawer.edit)] : []),
        ]}
      />
      <TrainingDrawer state={drawer.props} />
    </Flex>
  );
}
