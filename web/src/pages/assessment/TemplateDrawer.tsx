import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Checkbox, Flex, Form, Input, InputNumber, Select, Typography } from "antd";
import { useState } from "react";
import { api, ok } from "../../api/client.ts";
import { sendOnce } from "../../api/retry.ts";
import { FormDrawer } from "../../app/FormDrawer.tsx";
import { useLang } from "../../i18n/lang.tsx";
import { newUuid } from "../cases/format.ts";
import { type Metric, metricsQuery, type Template } from "./api.ts";
import { useAssessmentT } from "./messages.ts";

type Item = Template["items"][number];
interface Values {
  name: string;
  appliesTo: Template["appliesTo"];
  items: Item[];
  stars: Template["stars"];
}

/** A new template starts from a typical sheet (seed 004): three auto items, two scored on site. */
const starter = (year: string): Values => ({
  name: `${year} 年度消费维权服务站（点）考核`,
  appliesTo: ["station", "point"],
  items: [
    {
      code: "A1",
      title: "按时受理",
      maxPoints: 20,
      source: "auto",
      metric: "on_time_acceptance_rate",
      scale: "linear",
    },
    { code: "A2", title: "投诉办结", maxPoints: 20, source: "auto", metric: "closure_rate", scale: "linear" },
    {
      code: "A3",
      title: "调解成功",
      maxPoints: 20,
      source: "auto",
      metric: "mediation_success_rate",
      scale: "linear",
    },
    {
      code: "B1",
      title: "台账规范",
      maxPoints: 20,
      source: "manual",
      guidance: "台账登记完整、及时，案卷齐全",
    },
    {
      code: "B2",
      title: "阵地建设与宣传",
      maxPoints: 20,
      source: "manual",
      guidance: "四个一落实，宣传资料上墙",
    },
  ],
  stars: [
    { atLeast: 95, stars: 3 },
    { atLeast: 90, stars: 2 },
    { atLeast: 85, stars: 1 },
  ],
});

/** What the API takes: an auto item keeps its metric, a manual one none; blank guidance left out. */
const cleanItem = (i: Item): Item => {
  const guidance = i.guidance?.trim() || undefined;
  if (i.source === "manual")
    return { code: i.code, title: i.title, maxPoints: i.maxPoints, source: "manual", guidance };
  return { ...i, guidance, scale: i.scale ?? "linear" };
};

function MetricHelp({ metric, metrics }: { metric?: string; metrics: Metric[] }) {
  const { lang } = useLang();
  const m = metrics.find((x) => x.code === metric);
  if (!m) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`metric-definition-${m.code}`}>
      {lang === "zh" ? m.definition : m.definitionEn}
    </Typography.Text>
  );
}

/** 新建 / 编辑模板: items summing to 100, each auto item with its metric's definition shown. */
export function TemplateDrawer({
  year,
  editing,
  onClose,
  onSaved,
}: {
  year: string;
  editing: Template | "new" | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useAssessmentT();
  const { lang } = useLang();
  const [form] = Form.useForm<Values>();
  const [key] = useState(newUuid);
  const metrics = useQuery(metricsQuery).data ?? [];
  const items = Form.useWatch("items", form) ?? [];
  const sum = items.reduce((s, i) => s + (Number(i?.maxPoints) || 0), 0);
  const tpl = editing === "new" ? null : editing;

  const submit = async () => {
    // The whole store, not only the fields on screen: an item's scale and a star rule's stars are kept.
    const v = form.getFieldsValue(true) as Values;
    const body = {
      name: v.name,
      appliesTo: v.appliesTo,
      items: v.items.map(cleanItem),
      stars: v.stars ?? [],
    };
    if (tpl)
      await ok(
        api.v1["assessment-templates"][":id"].$patch({
          param: { id: tpl.id },
          json: { ...body, version: tpl.version },
        }),
      );
    else
      await sendOnce(() =>
        ok(
          api.v1["assessment-templates"].$post({
            json: { ...body, year },
            header: { "idempotency-key": key },
          }),
        ),
      );
    onSaved();
  };

  return (
    <FormDrawer<Values>
      open={editing !== null}
      title={tpl ? t.editTemplate : t.newTemplate}
      testId="template"
      form={form}
      name="template"
      initialValues={
        tpl ? { name: tpl.name, appliesTo: tpl.appliesTo, items: tpl.items, stars: tpl.stars } : starter(year)
      }
      submitText={t.save}
      errorTitle={t.saveFailed}
      onSubmit={submit}
      onClose={onClose}
      size={760}
    >
      <Form.Item name="name" label={t.templateName} rules={[{ required: true, max: 100 }]}>
        <Input data-testid="template-name" />
      </Form.Item>
      <Form.Item name="appliesTo" label={t.appliesTo} rules={[{ required: true }]}>
        <Checkbox.Group
          options={[
            { value: "station", label: t.station },
            { value: "point", label: t.point },
          ]}
        />
      </Form.Item>
      <Typography.Title level={5}>{t.items}</Typography.Title>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f) => (
              <Flex key={f.key} vertical style={{ borderBottom: "1px solid #f0f0f0", paddingBottom: 8 }}>
                <Flex gap={8} wrap align="start">
                  <Form.Item
                    name={[f.name, "code"]}
                    label={t.itemCode}
                    rules={[{ required: true }]}
                    style={{ width: 80 }}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, "title"]}
                    label={t.itemTitle}
                    rules={[{ required: true }]}
                    style={{ flex: 1, minWidth: 160 }}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, "maxPoints"]}
                    label={t.itemMax}
                    rules={[{ required: true }]}
                    style={{ width: 90 }}
                  >
                    <InputNumber
                      min={1}
                      max={100}
                      precision={0}
                      data-testid={`template-item-max-${f.name}`}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, "source"]} label={t.itemSource} style={{ width: 100 }}>
                    <Select
                      options={[
                        { value: "auto", label: t.sourceAuto },
                        { value: "manual", label: t.sourceManual },
                      ]}
                    />
                  </Form.Item>
                  <Button
                    aria-label="remove"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    style={{ marginTop: 30 }}
                  />
                </Flex>
                {items[f.name]?.source === "auto" ? (
                  <>
                    <Form.Item
                      name={[f.name, "metric"]}
                      label={t.itemMetric}
                      rules={[{ required: true }]}
                      style={{ marginBottom: 4 }}
                    >
                      <Select
                        options={metrics.map((m) => ({
                          value: m.code,
                          label: lang === "zh" ? m.label : m.labelEn,
                          disabled: !m.available,
                        }))}
                      />
                    </Form.Item>
                    <MetricHelp metric={items[f.name]?.metric} metrics={metrics} />
                  </>
                ) : (
                  <Form.Item name={[f.name, "guidance"]} label={t.itemGuidance} style={{ marginBottom: 0 }}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                  </Form.Item>
                )}
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ source: "manual", maxPoints: 10 })}>
              {t.addItem}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Alert
        style={{ margin: "12px 0" }}
        type={sum === 100 ? "success" : "warning"}
        showIcon
        title={sum === 100 ? t.sum(sum) : `${t.sum(sum)} — ${t.sumMust100}`}
        data-testid="template-sum"
      />
      <Typography.Title level={5}>{t.stars}</Typography.Title>
      <Form.List name="stars">
        {(fields) =>
          fields.map((f) => (
            <Form.Item
              key={f.key}
              name={[f.name, "atLeast"]}
              label={t.starRule(form.getFieldValue(["stars", f.name, "stars"]) ?? 0)}
            >
              <InputNumber min={0} max={100} precision={0} />
            </Form.Item>
          ))
        }
      </Form.List>
    </FormDrawer>
  );
}
