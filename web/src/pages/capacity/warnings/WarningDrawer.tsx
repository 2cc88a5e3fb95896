import { CreateWarningInput, warningCategoryLabels, warningSeverityLabels } from "@weiquan/domain";
import { Form, Input, Radio, Select, TreeSelect } from "antd";
import { useState } from "react";
import { api, ok } from "../../../api/client.ts";
import { sendOnce } from "../../../api/retry.ts";
import { FormDrawer } from "../../../app/FormDrawer.tsx";
import { useLang } from "../../../i18n/lang.tsx";
import { useT } from "../../../i18n/messages.ts";
import { newUuid } from "../../cases/format.ts";
import { treeOptions, useUnits } from "../../cases/parts.tsx";
import { useCapacityT } from "../messages.ts";
import { optionsOf } from "../parts.tsx";

interface Values {
  title: string;
  body: string;
  category: CreateWarningInput["category"];
  severity: CreateWarningInput["severity"];
  to: "all" | "types" | "units";
  types?: ("office" | "station" | "point")[];
  unitIds?: string[];
}

/** 发布消费警示: to every unit below, to units of chosen types, or to chosen units; each gets a bell notice. */
export function WarningDrawer({
  open,
  onClose,
  onSent,
}: {
  open: boolean;
  onClose: () => void;
  onSent: (id: string) => void;
}) {
  const t = useCapacityT();
  const common = useT();
  const { lang } = useLang();
  const units = useUnits();
  const [form] = Form.useForm<Values>();
  const to = Form.useWatch("to", form);
  const [key, setKey] = useState(newUuid);
  const required = [{ required: true, message: t.required }];
  return (
    <FormDrawer<Values>
      open={open}
      title={t.warningNew}
      testId="warning-create"
      form={form}
      name="warning"
      initialValues={{ category: "food", severity: "warning", to: "all" }}
      submitText={t.warningNew}
      errorTitle={t.saveFailed}
      fieldOfCode={{ NO_AUDIENCE: ["to"] }}
      onClose={onClose}
      onSubmit={async (v) => {
        const body = CreateWarningInput.parse({
          title: v.title,
          body: v.body,
          category: v.category,
          severity: v.severity,
          audience: {
            ...(v.to === "types" ? { types: v.types ?? [] } : {}),
            ...(v.to === "units" ? { unitIds: v.unitIds ?? [] } : {}),
          },
        });
        const sent = await sendOnce(() =>
          ok(api.v1.warnings.$post({ json: body, header: { "idempotency-key": key } })),
        );
        setKey(newUuid());
        onSent(sent.id);
      }}
    >
      <Form.Item name="title" label={t.warningTitle} rules={required}>
        <Input maxLength={100} data-testid="warning-title" />
      </Form.Item>
      <Form.Item name="body" label={t.warningBody} rules={required}>
        <Input.TextArea rows={5} maxLength={5000} data-testid="warning-body" />
      </Form.Item>
      <Form.Item name="category" label={t.category} rules={required}>
        <Select options={optionsOf(warningCategoryLabels, lang)} data-testid="warning-category" />
      </Form.Item>
      <Form.Item name="severity" label={t.severity} rules={required}>
        <Radio.Group options={optionsOf(warningSeverityLabels, lang)} />
      </Form.Item>
      <Form.Item name="to" label={t.audience}>
        <Radio.Group
          data-testid="warning-to"
          options={[
            { value: "all", label: t.audienceAll },
            { value: "types", label: t.audienceTypes },
            { value: "units", label: t.audienceUnits },
          ]}
        />
      </Form.Item>
      {to === "types" && (
        <Form.Item name="types" label={t.audienceTypes} rules={required}>
          <Select
            mode="multiple"
            options={(["office", "station", "point"] as const).map((k) => ({
              value: k,
              label: common.unitType[k],
            }))}
          />
        </Form.Item>
      )}
      {to === "units" && (
        <Form.Item name="unitIds" label={t.audienceUnits} rules={required}>
          <TreeSelect
            multiple
            treeData={treeOptions(units.tree, (u) => u.status === "active")}
            showSearch={{ treeNodeFilterProp: "title" }}
            treeDefaultExpandAll
          />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
