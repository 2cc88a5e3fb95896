import { CreatePublicityInput, campaignDayLabels, publicityKindLabels } from "@weiquan/domain";
import { DatePicker, Form, Input, InputNumber, Select, TreeSelect } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { api, ok } from "../../../api/client.ts";
import { sendOnce } from "../../../api/retry.ts";
import { AttachmentUploader } from "../../../app/Attachments.tsx";
import { FormDrawer } from "../../../app/FormDrawer.tsx";
import { useSession } from "../../../console/session.tsx";
import { useLang } from "../../../i18n/lang.tsx";
import { newUuid } from "../../cases/format.ts";
import { treeOptions, useUnits } from "../../cases/parts.tsx";
import { useCapacityT } from "../messages.ts";
import { optionsOf } from "../parts.tsx";

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

/** 登记宣传活动: kind, date, place, people reached, materials, the campaign day, photos. */
export function PublicityDrawer({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useCapacityT();
  const { lang } = useLang();
  const { me } = useSession();
  const units = useUnits();
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newUuid);
  const required = [{ required: true, message: t.required }];
  return (
    <FormDrawer<Values>
      open={open}
      title={t.publicityNew}
      testId="publicity-create"
      form={form}
      name="publicity"
      initialValues={{ unitId: me.unit?.id, kind: "consultation_stall", heldAt: dayjs() }}
      submitText={t.save}
      errorTitle={t.saveFailed}
      onClose={onClose}
      onSubmit={async (v) => {
        const body = CreatePublicityInput.parse({
          unitId: v.unitId,
          kind: v.kind,
          title: v.title,
          heldAt: v.heldAt.format("YYYY-MM-DD"),
          place: v.place || undefined,
          peopleReached: v.peopleReached,
          materials: v.materials ?? undefined,
          campaign: v.campaign ?? undefined,
          note: v.note || undefined,
          attachmentIds: v.attachmentIds?.length ? v.attachmentIds : undefined,
        });
        await sendOnce(() => ok(api.v1.publicity.$post({ json: body, header: { "idempotency-key": key } })));
        setKey(newUuid());
        onSaved();
      }}
    >
      <Form.Item name="unitId" label={t.unit} rules={required}>
        <TreeSelect
          treeData={treeOptions(units.tree, (u) => u.status !== "closed")}
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
        <Select allowClear options={optionsOf(campaignDayLabels, lang)} data-testid="publicity-campaign" />
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
      <Form.Item name="attachmentIds" label={t.photos}>
        <AttachmentUploader testId="publicity-photos" />
      </Form.Item>
    </FormDrawer>
  );
}
