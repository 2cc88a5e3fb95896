import { allowedChildren, CreateUnitInput, type Unit } from "@weiquan/domain";
import { Alert, Button, Drawer, Flex, Form, Input, Radio, Select, Space, Switch } from "antd";
import { useState } from "react";
import { api } from "../../api/client.ts";
import { errorText } from "../../app/errors.ts";
import { showFieldErrors, zodRule } from "../../app/form-rules.ts";
import { useLang } from "../../i18n/lang.tsx";
import { useT } from "../../i18n/messages.ts";
import { blank } from "./forms.ts";
import { statusOptions } from "./UnitDrawer.tsx";

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
  return (
    <Drawer
      open={parent !== null}
      onClose={onClose}
      size={520}
      title={parent ? t.unitCreateTitle(parent.name) : ""}
      data-testid="unit-create-drawer"
    >
      {parent && <CreateUnitForm key={parent.id} parent={parent} onClose={onClose} onCreated={onCreated} />}
    </Drawer>
  );
}

function CreateUnitForm({
  parent,
  onClose,
  onCreated,
}: {
  parent: Unit;
  onClose: () => void;
  onCreated: (unit: Unit) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<CreateValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const types = allowedChildren[parent.type].filter((x): x is CreateUnitInput["type"] => x !== "bureau");

  async function submit() {
    setError(null);
    let v: CreateValues;
    try {
      v = await form.validateFields();
    } catch {
      setError(t.formHasErrors);
      return;
    }
    const staffName = blank(v.staff?.name);
    const staffPhone = blank(v.staff?.phone);
    const body: CreateUnitInput = {
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
    };
    setSubmitting(true);
    try {
      onCreated(await api<Unit>("/v1/units", { method: "POST", body }));
    } catch (e) {
      setError(errorText(e, t));
      showFieldErrors(form, e, { UNIT_TYPE_RULE: ["type"] });
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t.unitCreateFailed}
          description={error}
          style={{ marginBottom: 16 }}
          data-testid="unit-create-error"
        />
      )}
      <Form<CreateValues>
        form={form}
        name="unitCreate"
        layout="vertical"
        disabled={submitting}
        onFinish={submit}
        initialValues={{ type: types[0], plaque: false, ledger: "none", status: "active" }}
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
        <Space style={{ display: "flex", justifyContent: "flex-end" }}>
          <Button onClick={onClose} disabled={submitting}>
            {t.cancel}
          </Button>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="unit-create-submit">
            {t.unitCreate}
          </Button>
        </Space>
      </Form>
    </>
  );
}
