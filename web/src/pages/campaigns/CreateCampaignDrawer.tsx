import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { defaultCampaignChecklist } from "@weiquan/domain/campaigns/schema";
import { Alert, Button, Flex, Form, Input, InputNumber, List, Select } from "antd";
import { useState } from "react";
import { api, ok } from "../../api/client.ts";
import { sendOnce } from "../../api/retry.ts";
import { FormDrawer } from "../../app/FormDrawer.tsx";
import { newUuid } from "../cases/format.ts";
import { useCampaignT } from "./messages.ts";

interface Values {
  name: string;
  kind: "pyramid_free" | "other";
  deadline: string;
  creationPct: number;
  passPct: number;
  scoreSheet: { code: string; title: string; maxPoints: number }[];
  passMark: number;
  samplePct: number;
}

/** Seed 003's campaign: 90 % created, 80 % passed, one third checked on a 100-point sheet. */
const starter = (year: string): Values => ({
  name: `${year} 年创建“无传销社区”活动`,
  kind: "pyramid_free",
  deadline: `${year}-11-30`,
  creationPct: 90,
  passPct: 80,
  scoreSheet: [
    { code: "lead", title: "组织领导", maxPoints: 20 },
    { code: "five", title: "“五个一”落实", maxPoints: 50 },
    { code: "publicity", title: "宣传教育", maxPoints: 20 },
    { code: "effect", title: "创建成效", maxPoints: 10 },
  ],
  passMark: 80,
  samplePct: 100 / 3,
});

/** 新建创建活动 (the bureau): every active point enrolled, targets, the score sheet, the 五个一 checklist. */
export function CreateCampaignDrawer({
  open,
  year,
  onClose,
  onCreated,
}: {
  open: boolean;
  year: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const t = useCampaignT();
  const [form] = Form.useForm<Values>();
  const [key] = useState(newUuid);
  const sheet = Form.useWatch("scoreSheet", form) ?? [];
  const sum = sheet.reduce((s, i) => s + (Number(i?.maxPoints) || 0), 0);

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const made = await sendOnce(() =>
      ok(
        api.v1.campaigns.$post({
          json: {
            name: v.name,
            kind: v.kind,
            year,
            deadline: v.deadline,
            targets: { creationRate: v.creationPct / 100, passRate: v.passPct / 100 },
            scoreSheet: v.scoreSheet,
            passMark: v.passMark,
            sampleShare: Math.min(1, v.samplePct / 100),
          },
          header: { "idempotency-key": key },
        }),
      ),
    );
    onCreated(made.id);
  };

  return (
    <FormDrawer<Values>
      open={open}
      title={t.newCampaign}
      testId="campaign"
      form={form}
      name="campaign"
      initialValues={starter(year)}
      submitText={t.create}
      errorTitle={t.createFailed}
      onSubmit={submit}
      onClose={onClose}
      size={640}
      fieldOfPath={(p) =>
        ({ "targets.creationRate": "creationPct", "targets.passRate": "passPct", sampleShare: "samplePct" })[
          p
        ] ?? p
      }
    >
      <Form.Item name="name" label={t.name} rules={[{ required: true, max: 100 }]}>
        <Input data-testid="campaign-name" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="kind" label={t.kind} style={{ minWidth: 200 }}>
          <Select options={Object.entries(t.kinds).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t.deadline}
          rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: "YYYY-MM-DD" }]}
        >
          <Input placeholder="YYYY-MM-DD" style={{ width: 140 }} />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="creationPct" label={t.creationTarget} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="passPct" label={t.passTarget} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="samplePct" label={t.sampleShare} rules={[{ required: true }]}>
          <InputNumber min={1} max={100} precision={1} />
        </Form.Item>
        <Form.Item name="passMark" label={t.passMark} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
      </Flex>
      <Form.Item label={t.scoreSheet} required>
        <Form.List name="scoreSheet">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item
                    name={[f.name, "code"]}
                    rules={[{ required: true }]}
                    style={{ width: 100, marginBottom: 0 }}
                  >
                    <Input aria-label={t.itemCode} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, "title"]}
                    rules={[{ required: true }]}
                    style={{ flex: 1, marginBottom: 0 }}
                  >
                    <Input aria-label={t.itemTitle} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, "maxPoints"]}
                    rules={[{ required: true }]}
                    style={{ width: 90, marginBottom: 0 }}
                  >
                    <InputNumber aria-label={t.itemMax} min={1} max={100} precision={0} />
                  </Form.Item>
                  <Button aria-label="remove" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ maxPoints: 10 })}>
                {t.addItem}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Alert
        type={sum === 100 ? "success" : "warning"}
        showIcon
        title={t.sum(sum)}
        style={{ marginBottom: 12 }}
      />
      <Form.Item label={t.checklist}>
        <List
          size="small"
          bordered
          dataSource={[...defaultCampaignChecklist]}
          renderItem={(c) => <List.Item>{c.text}</List.Item>}
        />
      </Form.Item>
    </FormDrawer>
  );
}
