import { CreateVolunteerInput, PatchVolunteerInput } from "@weiquan/domain";
import { DatePicker, Form, Input, Radio, TreeSelect } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { api, ok } from "../../../api/client.ts";
import { useSession } from "../../../console/session.tsx";
import { treeOptions, useUnits } from "../../cases/parts.tsx";
import type { Volunteer } from "../api.ts";
import { useCapacityT } from "../messages.ts";
import { RecordDrawer, type RecordDrawerState } from "../RecordDrawer.tsx";

interface Values {
  unitId: string;
  name: string;
  phone: string;
  joinedAt: Dayjs;
  skills?: string;
  status: Volunteer["status"];
}

const skillsOf = (text: string | undefined) => (text ? text.split(/[,，、\s]+/).filter(Boolean) : undefined);

/** 登记志愿者 / 编辑志愿者: unit, name, phone, joining date, skills; on edit also whether still active. */
export function VolunteerDrawer({ state }: { state: RecordDrawerState<Volunteer> }) {
  const t = useCapacityT();
  const { me } = useSession();
  const units = useUnits();
  const [form] = Form.useForm<Values>();
  const required = [{ required: true, message: t.required }];
  const fields = (v: Values) => ({
    unitId: v.unitId,
    name: v.name,
    phone: v.phone,
    joinedAt: v.joinedAt.format("YYYY-MM-DD"),
  });
  return (
    <RecordDrawer<Values, Volunteer>
      name="volunteer"
      titles={{ create: t.volunteerNew, edit: t.volunteerEdit }}
      form={form}
      state={state}
      initialValues={{ unitId: me.unit?.id, status: "active" }}
      valuesOf={(r) => ({
        unitId: r.unitId,
        name: r.name,
        phone: r.phone,
        joinedAt: dayjs(r.joinedAt.slice(0, 10)),
        skills: r.skills?.join("、"),
        status: r.status,
      })}
      create={(v, key) => {
        const body = CreateVolunteerInput.parse({ ...fields(v), skills: skillsOf(v.skills) });
        return ok(api.v1.volunteers.$post({ json: body, header: { "idempotency-key": key } }));
      }}
      patch={(v, r) => {
        const body = PatchVolunteerInput.parse({
          ...fields(v),
          version: r.version,
          skills: skillsOf(v.skills) ?? null,
          status: v.status,
        });
        return ok(api.v1.volunteers[":id"].$patch({ param: { id: r.id }, json: body }));
      }}
      reload={(id) => ok(api.v1.volunteers[":id"].$get({ param: { id } }))}
    >
      {(editing) => (
        <>
          <Form.Item name="unitId" label={t.unit} rules={required}>
            <TreeSelect treeData={treeOptions(units.tree)} showSearch={{ treeNodeFilterProp: "title" }} />
          </Form.Item>
          <Form.Item name="name" label={t.name} rules={required}>
            <Input maxLength={50} data-testid="volunteer-name" />
          </Form.Item>
          <Form.Item name="phone" label={t.phone} rules={required}>
            <Input maxLength={30} data-testid="volunteer-phone" />
          </Form.Item>
          <Form.Item name="joinedAt" label={t.joinedAt} rules={required}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="skills" label={t.skills}>
            <Input maxLength={200} />
          </Form.Item>
          {editing && (
            <Form.Item name="status" label={t.status}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: "active", label: t.statusActive },
                  { value: "left", label: t.statusLeft },
                ]}
                data-testid="volunteer-status"
              />
            </Form.Item>
          )}
        </>
      )}
    </RecordDrawer>
  );
}
