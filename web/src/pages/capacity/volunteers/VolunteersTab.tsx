import { PlusOutlined } from "@ant-design/icons";
import { CreateVolunteerInput } from "@weiquan/domain";
import { Button, DatePicker, Flex, Form, Input, Tag, TreeSelect } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { api, ok } from "../../../api/client.ts";
import { sendOnce } from "../../../api/retry.ts";
import { FormDrawer } from "../../../app/FormDrawer.tsx";
import { PagedTable } from "../../../app/PagedTable.tsx";
import { useSession } from "../../../console/session.tsx";
import { newUuid } from "../../cases/format.ts";
import { treeOptions, unitName, useUnits } from "../../cases/parts.tsx";
import { type Volunteer, volunteersPage } from "../api.ts";
import { useCapacityT } from "../messages.ts";
import { day, RefreshButton, UnitFilter, useAfterWrite } from "../parts.tsx";

interface Values {
  unitId: string;
  name: string;
  phone: string;
  joinedAt: Dayjs;
  skills?: string;
}

/** 维权志愿者: the roster per unit; name and phone masked for everyone but the unit's own staff and the bureau. */
export function VolunteersTab() {
  const t = useCapacityT();
  const { me } = useSession();
  const units = useUnits();
  const afterWrite = useAfterWrite();
  const [unitId, setUnitId] = useState<string>();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newUuid);
  const canWrite = me.user.role !== "governance_viewer";
  const required = [{ required: true, message: t.required }];
  return (
    <Flex vertical gap={16}>
      <Flex gap={12} align="flex-end" wrap>
        <UnitFilter id="volunteers-unit" value={unitId} onChange={setUnitId} />
        <RefreshButton />
        <span style={{ flex: 1 }} />
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setOpen(true)}
            data-testid="volunteer-new"
          >
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
        ]}
      />
      <FormDrawer<Values>
        open={open}
        title={t.volunteerNew}
        testId="volunteer-create"
        form={form}
        name="volunteer"
        initialValues={{ unitId: me.unit?.id }}
        submitText={t.save}
        errorTitle={t.saveFailed}
        onClose={() => setOpen(false)}
        onSubmit={async (v) => {
          const body = CreateVolunteerInput.parse({
            unitId: v.unitId,
            name: v.name,
            phone: v.phone,
            joinedAt: v.joinedAt.format("YYYY-MM-DD"),
            skills: v.skills ? v.skills.split(/[,，、\s]+/).filter(Boolean) : undefined,
          });
          await sendOnce(() =>
            ok(api.v1.volunteers.$post({ json: body, header: { "idempotency-key": key } })),
          );
          setKey(newUuid());
          setOpen(false);
          afterWrite();
        }}
      >
        <Form.Item name="unitId" label={t.unit} rules={required}>
          <TreeSelect treeData={treeOptions(units.tree)} showSearch={{ treeNodeFilterProp: "title" }} />
        </Form.Item>
        <Form.Item name="name" label={t.name} rules={required}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t.phone} rules={required}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="joinedAt" label={t.joinedAt} rules={required}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="skills" label={t.skills}>
          <Input maxLength={200} />
        </Form.Item>
      </FormDrawer>
    </Flex>
  );
}
