import { CreateTrainingInput, PatchTrainingInput, trainingFormatLabels } from "@weiquan/domain";
import { DatePicker, Form, Input, InputNumber, Select, TreeSelect } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { api, ok } from "../../../api/client.ts";
import { useSession } from "../../../console/session.tsx";
import { useLang } from "../../../i18n/lang.tsx";
import { treeOptions, useUnits } from "../../cases/parts.tsx";
import type { Training } from "../api.ts";
import { useCapacityT } from "../messages.ts";
import { optionsOf, withAdded } from "../parts.tsx";
import { PhotosField, RecordDrawer, type RecordDrawerState } from "../RecordDrawer.tsx";

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

/** The attendees as the form's text: one a line, with the unit's name unless it is the organiser. */
const attendeesText = (r: Training, nameOf: (id: string) => string) =>
  r.attendees
    .map((a) => (a.unitId === r.organizerUnitId ? a.name : `${a.name} ${nameOf(a.unitId)}`))
    .join("\n");

/** 登记培训 / 编辑培训: format, topic, date, hours, place, the organiser, attending units and people, photos. */
export function TrainingDrawer({ state }: { state: RecordDrawerState<Training> }) {
  const t = useCapacityT();
  const { lang } = useLang();
  const { me } = useSession();
  const units = useUnits();
  const [form] = Form.useForm<Values>();
  const tree = treeOptions(units.tree, (u) => u.status !== "closed");
  const nameOf = (id: string) => units.byId.get(id)?.name ?? "";
  const required = [{ required: true, message: t.required }];
  const fields = (v: Values) => ({
    title: v.title,
    format: v.format,
    heldAt: v.heldAt.format("YYYY-MM-DD"),
    attendeeUnitIds: v.attendeeUnitIds,
    attendees: attendeesOf(v.attendees, v.attendeeUnitIds, nameOf, v.organizerUnitId),
  });
  return (
    <RecordDrawer<Values, Training>
      name="training"
      titles={{ create: t.trainingNew, edit: t.trainingEdit }}
      form={form}
      state={state}
      initialValues={{
        organizerUnitId: me.unit?.id,
        attendeeUnitIds: me.unit ? [me.unit.id] : [],
        format: "lecture",
        heldAt: dayjs(),
      }}
      valuesOf={(r) => ({
        title: r.title,
        format: r.format,
        topic: r.topic,
        heldAt: dayjs(r.heldAt.slice(0, 10)),
        hours: r.hours,
        place: r.place,
        organizerUnitId: r.organizerUnitId,
        attendeeUnitIds: r.attendeeUnitIds,
        attendees: attendeesText(r, nameOf),
      })}
      create={(v, key) => {
        const body = CreateTrainingInput.parse({
          ...fields(v),
          topic: v.topic || undefined,
          hours: v.hours ?? undefined,
          place: v.place || undefined,
          organizerUnitId: v.organizerUnitId,
          attachmentIds: v.attachmentIds?.length ? v.attachmentIds : undefined,
        });
        return ok(api.v1.trainings.$post({ json: body, header: { "idempotency-key": key } }));
      }}
      patch={(v, r) => {
        const body = PatchTrainingInput.parse({
          ...fields(v),
          version: r.version,
          topic: v.topic || null,
          hours: v.hours ?? null,
          place: v.place || null,
          attachmentIds: withAdded(r.attachments, v.attachmentIds),
        });
        return ok(api.v1.trainings[":id"].$patch({ param: { id: r.id }, json: body }));
      }}
      reload={(id) => ok(api.v1.trainings[":id"].$get({ param: { id } }))}
    >
      {(editing) => (
        <>
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
            <InputNumber min={0.5} max={100} step={0.5} data-testid="training-hours" />
          </Form.Item>
          <Form.Item name="place" label={t.place}>
            <Input maxLength={200} data-testid="training-place" />
          </Form.Item>
          <Form.Item name="organizerUnitId" label={t.organizer} rules={required}>
            <TreeSelect
              treeData={tree}
              disabled={!!editing}
              showSearch={{ treeNodeFilterProp: "title" }}
              treeDefaultExpandAll
            />
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
          <PhotosField editing={editing} testId="training-photos" />
        </>
      )}
    </RecordDrawer>
  );
}
