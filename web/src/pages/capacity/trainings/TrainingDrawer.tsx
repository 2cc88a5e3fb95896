import { CreateTrainingInput, trainingFormatLabels } from "@weiquan/domain";
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
  title: string;
  format: CreateTrainingInput["format"];
  topic?: string;
  heldAt: Dayjs;
  hours?: number;
  place?: string;
  organizerUnitId: string;
  attendeeUnitIds: string[];
  attendees?: string;
  attachmentIds?: string[];
}

/** “刘秀英” or “刘秀英 南关社区…” per line → attendees of the named (attending) unit, else the organiser. */
export function attendeesOf(
  text: string | undefined,
  unitIds: string[],
  nameOf: (id: string) => string,
  organizer: string,
) {
  return (text ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = "", ...rest] = line.split(/\s+/);
      const unitText = rest.join(" ");
      const unitId = unitText ? unitIds.find((id) => nameOf(id).startsWith(unitText)) : undefined;
      return { name, unitId: unitId ?? (unitIds.includes(organizer) ? organizer : unitIds[0]!) };
    });
}

/** 登记培训: format, topic, date, hours, place, the organiser, attending units and people, photos. */
export function TrainingDrawer({
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
  const tree = treeOptions(units.tree, (u) => u.status !== "closed");
  const nameOf = (id: string) => units.byId.get(id)?.name ?? "";
  const required = [{ required: true, message: t.required }];
  return (
    <FormDrawer<Values>
      open={open}
      title={t.trainingNew}
      testId="training-create"
      form={form}
      name="training"
      initialValues={{
        organizerUnitId: me.unit?.id,
        attendeeUnitIds: me.unit ? [me.unit.id] : [],
        format: "lecture",
        heldAt: dayjs(),
      }}
      submitText={t.save}
      errorTitle={t.saveFailed}
      onClose={onClose}
      onSubmit={async (v) => {
        const body = CreateTrainingInput.parse({
          title: v.title,
          format: v.format,
          topic: v.topic || undefined,
          heldAt: v.heldAt.format("YYYY-MM-DD"),
          hours: v.hours ?? undefined,
          place: v.place || undefined,
          organizerUnitId: v.organizerUnitId,
          attendeeUnitIds: v.attendeeUnitIds,
          attendees: attendeesOf(v.attendees, v.attendeeUnitIds, nameOf, v.organizerUnitId),
          attachmentIds: v.attachmentIds?.length ? v.attachmentIds : undefined,
        });
        await sendOnce(() => ok(api.v1.trainings.$post({ json: body, header: { "idempotency-key": key } })));
        setKey(newUuid());
        onSaved();
      }}
    >
      <Form.Item name="title" label={t.trainingTitle} rules={required}>
        <Input maxLength={100} data-testid="training-title" />
      </Form.Item>
      <Form.Item name="format" label={t.format} rules={required}>
        <Select options={optionsOf(trainingFormatLabels, lang)} data-testid="training-format" />
      </Form.Item>
      <Form.Item name="topic" label={t.topic}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="heldAt" label={t.heldAt} rules={required}>
        <DatePicker data-testid="training-date" />
      </Form.Item>
      <Form.Item name="hours" label={t.hours}>
        <InputNumber min={0.5} max={100} step={0.5} />
      </Form.Item>
      <Form.Item name="place" label={t.place}>
        <Input maxLength={200} data-testid="training-place" />
      </Form.Item>
      <Form.Item name="organizerUnitId" label={t.organizer} rules={required}>
        <TreeSelect treeData={tree} showSearch={{ treeNodeFilterProp: "title" }} treeDefaultExpandAll />
      </Form.Item>
      <Form.Item name="attendeeUnitIds" label={t.attendeeUnits} rules={required}>
        <TreeSelect
          treeData={tree}
          multiple
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: "title" }}
          data-testid="training-units"
        />
      </Form.Item>
      <Form.Item name="attendees" label={t.attendees} extra={t.attendeesHint}>
        <Input.TextArea rows={3} data-testid="training-people" />
      </Form.Item>
      <Form.Item name="attachmentIds" label={t.photos}>
        <AttachmentUploader testId="training-photos" />
      </Form.Item>
    </FormDrawer>
  );
}
