import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, DatePicker, Flex, Form, Input, Radio, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { settingsQuery } from "../../api/queries.ts";
import { AttachmentUploader } from "../../app/Attachments.tsx";
import { FormDrawer } from "../../app/FormDrawer.tsx";
import { useSession } from "../../console/session.tsx";
import { useUnits } from "../cases/parts.tsx";
import { createInspection, type Inspection } from "./api.ts";
import type { SupervisionMessages } from "./messages.ts";
import { quarterOf } from "./period.ts";

interface Values {
  unitId: string;
  inspectedAt: Dayjs;
  inspectors: string[];
  results: { code: string; result: "pass" | "fail" | "na"; note?: string }[];
  findings?: { text: string; dueBy: Dayjs }[];
  note?: string;
  attachmentIds?: string[];
}

const day = (d: Dayjs) => d.format("YYYY-MM-DD");

/** Records one visit: the unit, the date, who inspected, a result per checklist item, findings, photos. */
export function InspectionDrawer({
  open,
  quarter,
  s,
  onClose,
  onSaved,
}: {
  open: boolean;
  quarter: string;
  s: SupervisionMessages;
  onClose: () => void;
  onSaved: (i: Inspection) => void;
}) {
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const units = useUnits();
  const checklist = useQuery({ ...settingsQuery, enabled: open }).data?.inspectionChecklist ?? [];
  const inspectable = units.units.filter(
    (u) => u.status === "active" && (u.type === "station" || u.type === "point") && u.id !== me.unit?.id,
  );
  const today = dayjs();
  const inQuarter = quarterOf(today.format("YYYY-MM")) === quarter;
  return (
    <FormDrawer<Values>
      open={open && checklist.length > 0}
      title={s.inspectTitle}
      testId="inspect"
      form={form}
      name="inspect"
      size={680}
      initialValues={{
        inspectedAt: inQuarter ? today : undefined,
        inspectors: [me.user.displayName],
        results: checklist.map((c) => ({ code: c.code, result: "pass" as const })),
      }}
      submitText={s.inspectSubmit}
      errorTitle={s.inspectFailed}
      onClose={onClose}
      onSubmit={async (v) => {
        const saved = await createInspection({
          unitId: v.unitId,
          quarter: quarterOf(v.inspectedAt.format("YYYY-MM")),
          inspectedAt: day(v.inspectedAt),
          inspectors: v.inspectors,
          // The form holds each item's result and note; its code is the checklist's, item by item.
          results: v.results.map((r, i) => ({
            code: checklist[i]!.code,
            result: r.result,
            ...(r.note?.trim() ? { note: r.note.trim() } : {}),
          })),
          findings: (v.findings ?? []).map((f) => ({ text: f.text.trim(), dueBy: day(f.dueBy) })),
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          ...(v.attachmentIds?.length ? { attachmentIds: v.attachmentIds } : {}),
        });
        onSaved(saved);
      }}
    >
      <Form.Item name="unitId" label={s.unit} rules={[{ required: true, message: s.unit }]}>
        <Select
          showSearch={{ optionFilterProp: "label" }}
          options={inspectable.map((u) => ({ value: u.id, label: u.name }))}
          data-testid="inspect-unit"
        />
      </Form.Item>
      <Form.Item
        name="inspectedAt"
        label={s.inspectedAt}
        rules={[{ required: true, message: s.inspectedAt }]}
      >
        <DatePicker disabledDate={(d) => d.isAfter(today, "day")} data-testid="inspect-date" />
      </Form.Item>
      <Form.Item
        name="inspectors"
        label={s.inspectors}
        extra={s.inspectorsHelp}
        rules={[{ required: true, type: "array", min: 1 }]}
      >
        <Select mode="tags" open={false} data-testid="inspect-inspectors" />
      </Form.Item>
      <Typography.Title level={5}>{s.results}</Typography.Title>
      <Form.List name="results">
        {(fields) =>
          fields.map((f, i) => (
            <Flex key={f.key} vertical style={{ marginBottom: 8 }}>
              <Typography.Text>{checklist[i]?.text}</Typography.Text>
              <Flex gap={8} wrap align="flex-start">
                <Form.Item name={[f.name, "result"]} style={{ marginBottom: 0 }}>
                  <Radio.Group
                    optionType="button"
                    options={(["pass", "fail", "na"] as const).map((r) => ({
                      value: r,
                      label: (
                        <span data-testid={`inspect-result-${checklist[i]?.code}-${r}`}>
                          {s.checkLabel[r]}
                        </span>
                      ),
                    }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, "note"]} style={{ flex: 1, minWidth: 180, marginBottom: 0 }}>
                  <Input placeholder={s.resultNote} aria-label={s.resultNote} maxLength={500} />
                </Form.Item>
              </Flex>
            </Flex>
          ))
        }
      </Form.List>
      <Typography.Title level={5}>{s.findings}</Typography.Title>
      <Form.List name="findings">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Flex key={f.key} gap={8} align="flex-start" wrap>
                <Form.Item
                  name={[f.name, "text"]}
                  label={`${s.findingText} ${i + 1}`}
                  rules={[{ required: true, whitespace: true }]}
                  style={{ flex: 1, minWidth: 240 }}
                >
                  <Input.TextArea rows={2} maxLength={1000} data-testid={`inspect-finding-${i}`} />
                </Form.Item>
                <Form.Item name={[f.name, "dueBy"]} label={s.dueBy} rules={[{ required: true }]}>
                  <DatePicker
                    disabledDate={(d) => d.isBefore(today, "day")}
                    data-testid={`inspect-due-${i}`}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={s.remove}
                  onClick={() => remove(f.name)}
                  style={{ marginTop: 30 }}
                />
              </Flex>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ dueBy: today.add(14, "day") })}
              data-testid="inspect-add-finding"
            >
              {s.addFinding}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="note" label={s.note} style={{ marginTop: 16 }}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="attachmentIds" label={s.photos}>
        <AttachmentUploader testId="inspection-photos" />
      </Form.Item>
    </FormDrawer>
  );
}
