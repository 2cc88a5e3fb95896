import { Checkbox, Descriptions, Drawer, Form, Input, InputNumber, Typography } from "antd";
import { api, ok } from "../../api/client.ts";
import { FormDrawer } from "../../app/FormDrawer.tsx";
import { useSession } from "../../console/session.tsx";
import type { CampaignUnit, CampaignWithProgress } from "./api.ts";
import { useCampaignT } from "./messages.ts";

interface Values {
  checklist?: string[];
  note?: string;
  inspectedAt?: string;
  inspectors?: string;
  scores?: Record<string, number>;
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A point of a campaign: what it declared and how it was checked; declare creation or score the check. */
export function UnitDrawer({
  campaign,
  unit,
  onClose,
  onSaved,
}: {
  campaign: CampaignWithProgress;
  unit: CampaignUnit | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useCampaignT();
  const role = useSession().me.user.role;
  const [form] = Form.useForm<Values>();
  if (!unit) return null;
  const active = campaign.status === "active";
  const mode =
    active && unit.status === "enrolled" && role !== "governance_viewer"
      ? "create"
      : active && unit.status === "created" && ["bureau_admin", "bureau_staff", "office_staff"].includes(role)
        ? "inspect"
        : null;

  const facts = (
    <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t.station}>{unit.stationName}</Descriptions.Item>
      <Descriptions.Item label={t.colStatusUnit}>{t.unitStatus[unit.status]}</Descriptions.Item>
      {unit.lot && <Descriptions.Item label={t.colLot}>{unit.lot.slice(0, 16)}…</Descriptions.Item>}
      {unit.creation && (
        <Descriptions.Item label={t.checklist}>
          {campaign.checklist
            .map((c) => `${unit.creation!.checklist[c.code] ? "✓" : "✗"} ${c.text}`)
            .join("；")}
        </Descriptions.Item>
      )}
      {unit.inspection && (
        <Descriptions.Item label={t.colScore}>
          {unit.inspection.total}（{unit.inspection.passed ? t.unitStatus.passed : t.unitStatus.failed}，
          {unit.inspection.inspectedAt.slice(0, 10)} {unit.inspection.inspectors.join("、")}）
        </Descriptions.Item>
      )}
    </Descriptions>
  );

  if (!mode)
    return (
      <Drawer open onClose={onClose} title={unit.unitName} size={560} data-testid="campaign-unit-drawer">
        {facts}
      </Drawer>
    );

  const submit = async (v: Values) => {
    const param = { id: campaign.id, unitId: unit.unitId };
    if (mode === "create")
      await ok(
        api.v1.campaigns[":id"].units[":unitId"].created.$post({
          param,
          json: {
            checklist: Object.fromEntries(
              campaign.checklist.map((c) => [c.code, (v.checklist ?? []).includes(c.code)]),
            ),
            version: unit.version,
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
        }),
      );
    else
      await ok(
        api.v1.campaigns[":id"].units[":unitId"].inspection.$post({
          param,
          json: {
            inspectedAt: v.inspectedAt ?? today(),
            inspectors: (v.inspectors ?? "").split(/[、,，\s]+/).filter(Boolean),
            scores: campaign.scoreSheet.map((i) => ({ code: i.code, points: v.scores?.[i.code] ?? 0 })),
            version: unit.version,
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
        }),
      );
    onSaved();
    onClose();
  };

  return (
    <FormDrawer<Values>
      open
      title={unit.unitName}
      testId="campaign-unit"
      form={form}
      name="campaign-unit"
      initialValues={mode === "inspect" ? { inspectedAt: today() } : { checklist: [] }}
      submitText={mode === "create" ? t.markCreated : t.inspect}
      errorTitle={mode === "create" ? t.markFailed : t.inspectFailed}
      onSubmit={submit}
      onClose={onClose}
      size={560}
    >
      {facts}
      {mode === "create" ? (
        <Form.Item name="checklist" label={t.checklist}>
          <Checkbox.Group
            style={{ display: "flex", flexDirection: "column", gap: 4 }}
            options={campaign.checklist.map((c) => ({ value: c.code, label: c.text }))}
          />
        </Form.Item>
      ) : (
        <>
          <Form.Item
            name="inspectedAt"
            label={t.inspectedAt}
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
          >
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="inspectors" label={t.inspectors} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Typography.Text type="secondary">{t.passAt(campaign.passMark)}</Typography.Text>
          {campaign.scoreSheet.map((i) => (
            <Form.Item
              key={i.code}
              name={["scores", i.code]}
              label={`${i.title}（${i.maxPoints}）`}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={i.maxPoints} step={0.5} />
            </Form.Item>
          ))}
        </>
      )}
      <Form.Item name="note" label={t.note}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </FormDrawer>
  );
}
