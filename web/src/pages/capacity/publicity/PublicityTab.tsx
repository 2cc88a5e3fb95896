import { PlusOutlined } from "@ant-design/icons";
import { campaignDayLabels, publicityKindLabels } from "@weiquan/domain";
import { Button, Flex, Select } from "antd";
import { useState } from "react";
import { AttachmentList } from "../../../app/Attachments.tsx";
import { Field } from "../../../app/Field.tsx";
import { PagedTable } from "../../../app/PagedTable.tsx";
import { useSession } from "../../../console/session.tsx";
import { useLang } from "../../../i18n/lang.tsx";
import { unitName, useUnits } from "../../cases/parts.tsx";
import { type Publicity, publicityPage, thisYear } from "../api.ts";
import { useCapacityT } from "../messages.ts";
import {
  day,
  ExportButton,
  editColumn,
  optionsOf,
  queryOf,
  RefreshButton,
  UnitFilter,
  useAfterWrite,
  YearSelect,
} from "../parts.tsx";
import { useRecordDrawer } from "../RecordDrawer.tsx";
import { ByKindCard } from "./ByKindCard.tsx";
import { PublicityDrawer } from "./PublicityDrawer.tsx";

const writers = new Set(["bureau_admin", "bureau_staff", "office_staff", "station_staff", "point_staff"]);

/** 宣传活动: the year's totals by kind, then the events with their photos. */
export function PublicityTab() {
  const t = useCapacityT();
  const { lang } = useLang();
  const { me } = useSession();
  const units = useUnits();
  const afterWrite = useAfterWrite();
  const [year, setYear] = useState(thisYear);
  const [unitId, setUnitId] = useState<string>();
  const [kind, setKind] = useState<string>();
  const drawer = useRecordDrawer<Publicity>(afterWrite);
  const writes = writers.has(me.user.role);
  return (
    <Flex vertical gap={16}>
      <ByKindCard year={year} unitId={unitId} />
      <Flex gap={12} align="flex-end" wrap>
        <YearSelect id="publicity-year" value={year} onChange={setYear} />
        <UnitFilter id="publicity-unit" value={unitId} onChange={setUnitId} />
        <Field label={t.kind} htmlFor="publicity-kind-filter">
          <Select
            id="publicity-kind-filter"
            allowClear
            style={{ width: 160 }}
            value={kind}
            onChange={setKind}
            options={optionsOf(publicityKindLabels, lang)}
          />
        </Field>
        <RefreshButton />
        <span style={{ flex: 1 }} />
        <ExportButton
          path={`/v1/publicity/export.xlsx?${queryOf({ from: `${year}-01`, to: `${year}-12`, unitId, kind })}`}
          fileName={`publicity-${year}.xlsx`}
          testId="publicity-export"
        />
        {writes && (
          <Button type="primary" icon={<PlusOutlined />} onClick={drawer.create} data-testid="publicity-new">
            {t.publicityNew}
          </Button>
        )}
      </Flex>
      <PagedTable<Publicity>
        testId="publicity"
        query={publicityPage(year, unitId, kind)}
        errorTitle={t.loadFailed}
        rowKey="id"
        count={t.count}
        expandable={{
          rowExpandable: (r) => r.attachments.length > 0 || Boolean(r.note),
          expandedRowRender: (r) => (
            <Flex vertical gap={8}>
              {r.note && <span>{r.note}</span>}
              <AttachmentList items={r.attachments} testId="publicity-photos-list" />
            </Flex>
          ),
        }}
        columns={[
          { title: t.heldAt, dataIndex: "heldAt", width: 110, render: day },
          { title: t.publicityTitle, dataIndex: "title" },
          {
            title: t.kind,
            dataIndex: "kind",
            width: 130,
            render: (k: Publicity["kind"]) => publicityKindLabels[k][lang],
          },
          {
            title: t.campaign,
            dataIndex: "campaign",
            width: 150,
            render: (c?: Publicity["campaign"]) => (c ? campaignDayLabels[c][lang] : ""),
          },
          { title: t.unit, dataIndex: "unitId", render: (id: string) => unitName(units, id) },
          { title: t.peopleReached, dataIndex: "peopleReached", width: 90 },
          { title: t.photos, dataIndex: "attachments", width: 90, render: (a: unknown[]) => a.length },
          ...(writes ? [editColumn<Publicity>(t, "publicity", () => true, drawer.edit)] : []),
        ]}
      />
      <PublicityDrawer state={drawer.props} />
    </Flex>
  );
}
