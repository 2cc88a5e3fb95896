import { useQueryClient } from "@tanstack/react-query";
import { allowedChildren, CreateUnitInput, type Unit } from "@weiquan/domain";
import { Flex, Form, Input, Radio, Select, Switch } from "antd";
import { api, ok } from "../../api/client.ts";
import { keys } from "../../api/query.ts";
import { FormDrawer } from "../../app/FormDrawer.tsx";
import { zodRule } from "../../app/form-rules.ts";
import { useLang } from "../../i18n/lang.tsx";
import { useT } from "../../i18n/messages.ts";
import { blank } from "./forms.ts";
import { statusOptions } from "./UnitEditForm.tsx";

const fields = CreateUnitInput.shape;

interface CreateValues {
  type: CreateUnitInput["type"];
  name: string;
  address?: string;
  phone?: string;
  staff?: { name?: string; phone?: string };
  plaque: boolean;
  ledger: "electronic" | "paper" | "none";
  status: Unit["status"];
  hours?: string;
}

/** "新增下级单位": the child types offered are the ones allowed under the parent's type. */
export function CreateUnitDrawer({
  parent,
  onClose,
  onCreated,
}: {
  parent: Unit | null;
  onClose: () => void;
  onCreated: (unit: Unit) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const types = parent
    ? allowedChildren[parent.type].filter((x): x is CreateUnitInput["type"] => x !== "bureau")
    : [];

  async function create(v: CreateValues) {
    if (!parent) return;
    const staffName = blank(v.staff?.name);
    const staffPhone = blank(v.staff?.phone);
    const unit = await ok(
      api.v1.units.$post({
        json: {
          parentId: parent.id,
          type: v.type,
          name: v.name.trim(),
          address: blank(v.address),
          phone: blank(v.phone),
          staff: staffName && staffPhone ? { name: staffName, phone: staffPhone } : undefined,
          plaque: v.plaque,
          ledger: v.ledger === "none" ? null : v.ledger,
          status: v.status,
          hours: blank(v.hours),
        },
      }),
    );
    // The API answers in tree order and recounts compliance: read both again.
    await queryClient.invalidateQueries({ queryKey: keys.units });
    onCreated(unit);
  }

  return (
    <FormDrawer<CreateValues>
      open={parent !== null}
      title={parent ? t.unitCreateTitle(parent.name) : ""}
      testId="unit-create"
      form={form}
      name="unitCreate"
      initialValues={{ type: types[0], plaque: false, ledger: "none", status: "active" }}
      submitText={t.unitCreate}
      errorTitle={t.unitCreateFailed}
      fieldOfCode={{ UNIT_TYPE_RULE: ["type"] }}
      onSubmit={create}
      onClose={onClose}
    >
      <Form.Item name="type" label={t.colType} required>
        <Radio.Group
          optionType="button"
          data-testid="unit-create-type"
          options={types.map((x) => ({ value: x, label: t.unitType[x] }))}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t.unitName}
        rules={[zodRule(fields.name, t.unitNameInvalid, lang)]}
        required
      >
        <Input maxLength={100} data-testid="unit-create-name" />
      </Form.Item>
      <Form.Item name="status" label={t.colStatus}>
        <Select options={statusOptions(t).filter((o) => o.value !== "closed")} />
      </Form.Item>
      <Form.Item name="address" label={t.unitAddress}>
        <Input maxLength={200} data-testid="unit-create-address" />
      </Form.Item>
      <Form.Item name="hours" label={t.unitHours}>
        <Input maxLength={100} placeholder={t.unitHoursPlaceholder} data-testid="unit-create-hours" />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name={["staff", "name"]} label={t.unitStaffName} style={{ flex: 1 }}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name={["staff", "phone"]}
          label={t.unitStaffPhone}
          style={{ flex: 1 }}
          rules={[zodRule(fields.phone, t.unitPhoneInvalid, lang, true)]}
        >
          <Input maxLength={30} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="phone"
        label={t.unitPhone}
        rules={[zodRule(fields.phone, t.unitPhoneInvalid, lang, true)]}
      >
        <Input maxLength={30} />
      </Form.Item>
      <Flex gap={24} wrap>
        <Form.Item name="plaque" label={t.unitPlaque} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="ledger" label={t.unitLedger}>
          <Radio.Group
            options={(["electronic", "paper", "none"] as const).map((k) => ({
              value: k,
              label: t.ledgerKind[k],
            }))}
          />
        </Form.Item>
      </Flex>
    </FormDrawer>
  );
}
