import { DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Select, Space, type TableColumnsType } from "antd";
import { useState } from "react";
import { download } from "../../api/download.ts";
import { keys } from "../../api/query.ts";
import { errorText } from "../../app/errors.ts";
import { Field } from "../../app/Field.tsx";
import { PagedTable } from "../../app/PagedTable.tsx";
import { useSession } from "../../console/session.tsx";
import { useT } from "../../i18n/messages.ts";
import { formatDate } from "../cases/format.ts";
import { type InspectionHeader, inspectionsQuery } from "./api.ts";
import { InspectionDrawer } from "./InspectionDrawer.tsx";
import type { SupervisionMessages } from "./messages.ts";
import { percent, recentQuarters } from "./period.ts";
import { supervises } from "./roles.ts";

/** A quarter's inspections in the caller's subtree, and recording one. */
export function InspectionsTab({ s, onOpen }: { s: SupervisionMessages; onOpen: (id: string) => void }) {
  const t = useT();
  const { me } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const quarters = recentQuarters();
  const [quarter, setQuarter] = useState(quarters[0]!);
  const [recording, setRecording] = useState(false);

  const columns: TableColumnsType<InspectionHeader> = [
    { title: s.colUnit, dataIndex: "unitName" },
    { title: s.inspectedAt, dataIndex: "inspectedAt", width: 120, render: (v: string) => formatDate(v) },
    { title: s.inspectors, dataIndex: "inspectors", render: (v: string[]) => v.join("、") },
    { title: s.colPassRate, dataIndex: "passRate", width: 100, render: (v: number | null) => percent(v) },
    {
      title: s.colFindings,
      key: "findings",
      width: 220,
      render: (_, i) =>
        `${i.findingCounts.open} / ${i.findingCounts.rectified} / ${i.findingCounts.verified}`,
    },
    {
      title: s.colActions,
      key: "actions",
      width: 90,
      render: (_, i) => (
        <Button size="small" onClick={() => onOpen(i.id)} data-testid={`inspection-open-${i.unitName}`}>
          {s.open}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="flex-end" wrap gap={12} style={{ marginBottom: 12 }}>
        <Field label={s.quarter} htmlFor="inspections-quarter">
          <Select
            id="inspections-quarter"
            value={quarter}
            onChange={setQuarter}
            style={{ width: 140 }}
            options={quarters.map((q) => ({ value: q, label: q }))}
          />
        </Field>
        <Space>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              download(`/v1/inspections/findings.xlsx?quarter=${quarter}`, `findings-${quarter}.xlsx`).catch(
                (e) => message.error(`${s.exportFailed}：${errorText(e, t)}`),
              )
            }
            data-testid="findings-export"
          >
            {s.exportXlsx}
          </Button>
          {supervises(me.user.role) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRecording(true)}
              data-testid="inspect-open"
            >
              {s.inspectOpen}
            </Button>
          )}
        </Space>
      </Flex>
      <PagedTable<InspectionHeader>
        query={inspectionsQuery(quarter)}
        testId="inspections"
        errorTitle={s.inspectionsLoadFailed}
        rowKey="id"
        columns={columns}
        count={s.count}
        locale={{ emptyText: s.inspectionsEmpty }}
        rowProps={(i) => ({ "data-testid": `inspection-row-${i.unitName}` })}
        scroll={{ x: 900 }}
      />
      <InspectionDrawer
        open={recording}
        quarter={quarter}
        s={s}
        onClose={() => setRecording(false)}
        onSaved={(i) => {
          setRecording(false);
          void queryClient.invalidateQueries({ queryKey: keys.supervision });
          void queryClient.invalidateQueries({ queryKey: keys.worklist });
          message.success(s.inspected(i.unitName));
          onOpen(i.id);
        }}
      />
    </>
  );
}
