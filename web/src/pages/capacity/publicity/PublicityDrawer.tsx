import {
  CreatePublicityInput,
  campaignDayLabels,
  PatchPublicityInput,
  publicityKindLabels,
} from "@weiquan/domain";
import { DatePicker, Form, Input, InputNumber, Select, TreeSelect } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { api, ok } from "../../../api/client.ts";
import { useSession } from "../../../console/session.tsx";
import { useLang } from "../../../i18n/lang.tsx";
import { treeOptions, useUnits } from "../../cases/parts.tsx";
import type { Publicity } from "../api.ts";
import { useCapacityT } from "../messages.ts";
import { optionsOf, withAdded } from "../parts.tsx";
import { PhotosField, RecordDrawer, type RecordDrawerState } from "../RecordDrawer.tsx";

interface Values {
  unitId: string;
  kind: CreatePublicityInput["kind"];
  title: string;
  heldAt: Dayjs;
  place?: string;
  peopleReached: number;
  materials?: number;
  campaign?: CreatePublicityInput["campaign"];
  note?: string;
  attachmentIds?: string[];
}

/** 登记宣传活动 / 编辑宣传活动: kind, date, place, people reached, materials, the campaign day, photos. */
export function PublicityDrawer({ state }: { state: RecordDrawerState<Publicity> }) {
  const t = useCapacityT();
  const { lang } = useLang();
  const { me } = useSession();
  const units = useUnits();
  const [form] = Form.useForm<Values>();
  const required = [{ required: true, message: t.required }];
  const fields = (v: Values) => ({
    kind: v.kind,
    title: v.title,
    heldAt: v.heldAt.format("YYYY-MM-DD"),
    peopleReached: v.peopleReached,
  });
  return (
    <RecordDrawer<Values, Publicity>
      name="publicity"
      titles={{ create: t.publicityNew, edit: t.publicityEdit }}
      form={form}
      state={state}
      initialValues={{ unitId: me.unit?.id, kind: "consultation_stall", heldAt: dayjs() }}
      valuesOf={(r) => ({
        unitId: r.unitId,
        kind: r.kind,
        title: r.title,
        heldAt: dayjs(r.heldAt.slice(0, 10)),
        place: r.place,
        peopleReached: r.peopleReached,
        materials: r.materials,
        campaign: r.campaign,
        note: r.note,
      })}
      create={(v, key) => {
        const body = CreatePublicityInput.parse({
          ...fields(v),
          unitId: v.unitId,
          place: v.place || undefined,
          materials: v.materials ?? undefined,
          campaign: v.campaign ?? undefined,
          note: v.note || undefined,
          attachmentIds: v.attachmentIds?.length ? v.attachmentIds : undefined,
        });
        return ok(api.v1.publicity.$post({ json: body, header: { "idempotency-key": key } }));
      }}
      patch={(v, r) => {
        const body = PatchPublicityInput.parse({
          ...fields(v),
          version: r.version,
          place: v.place || null,
          materials: v.materials ?? null,
          campaign: v.campaign ?? null,
          note: v.note || null,
          attachmentIds: withAdded(r.attachments, v.attachmentIds),
        });
        return ok(api.v1.publicity[":id"].$patch({ param: { id: r.id }, json: body }));
      }}
      reload={(id) => ok(api.v1.publicity[":id"].$get({ param: { id } }))}
    >
      {(editing) => (
        <>
          <Form.Item name="unitId" label={t.unit} rules={required}>
            <TreeSelect
              treeData={treeOptions(units.tree, (u) => u.status !== "closed")}
              disabled={!!editing}
              showSearch={{ treeNodeFilterProp: "title" }}
              treeDefaultExpandAll
            />
          </Form.Item>
          <Form.Item name="title" label={t.publicityTitle} rules={required}>
            <Input maxLength={100} data-testid="publicity-title" />
          </Form.Item>
          <Form.Item name="kind" label={t.kind} rules={required}>
            <Select options={optionsOf(publicityKindLabels, lang)} data-testid="publicity-kind" />
          </Form.Item>
          <Form.Item name="campaign" label={t.campaign}>
            <Select
              allowClear
              options={optionsOf(campaignDayLabels, lang)}
              data-testid="publicity-campaign"
            />
          </Form.Item>
          <Form.Item name="heldAt" label={t.heldAt} rules={required}>
            <DatePicker data-testid="publicity-date" />
          </Form.Item>
          <Form.Item name="place" label={t.place}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="peopleReached" label={t.peopleReached} rules={required}>
            <InputNumber min={0} max={1_000_000} precision={0} data-testid="publicity-people" />
          </Form.Item>
          <Form.Item name="materials" label={t.materials}>
            <InputNumber min={0} max={10_000_000} precision={0} />
          </Form.Item>
          <Form.Item name="note" label={t.note}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <PhotosField editing={editing} testId="publicity-photos" />
        </>
      )}
    </RecordDrawer>
  );
}
