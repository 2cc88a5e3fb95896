import { ReloadOutlined } from "@ant-design/icons";
import { PatchUnitInput, type Unit, UnitStatus } from "@weiquan/domain";
import { Alert, App, Button, Divider, Flex, Form, Input, Radio, Select, Space, Switch } from "antd";
import { useState } from "react";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { zodRule } from "../../app/form-rules.ts";
import { useFormSubmit } from "../../app/useFormSubmit.ts";
import { useLang } from "../../i18n/lang.tsx";
import { type Messages, useT } from "../../i18n/messages.ts";
import { getUnit, patchUnit } from "./api.ts";
import { blank } from "./forms.ts";
import { hasFourOnes } from "./units.ts";

type LedgerChoice = "electronic" | "paper" | "none";

interface UnitFormValues {
  name: string;
  code?: string;
  address?: string;
  phone?: string;
  staff?: { name?: string; phone?: string };
  plaque: boolean;
  ledger: LedgerChoice;
  status: Unit["status"];
  hours?: string;
}

const fields = PatchUnitInput.shape;

function valuesOf(unit: Unit): UnitFormValues {
  return {
    name: unit.name,
    code: unit.code,
    address: unit.address,
    phone: unit.phone,
    staff: { name: unit.staff?.name, phone: unit.staff?.phone },
    plaque: unit.plaque,
    ledger: unit.ledger ?? "none",
    status: unit.status,
    hours: unit.hours,
  };
}

/** The unit's facts as a PATCH: empty optional facts are cleared (`null`). */
function patchOf(unit: Unit, v: UnitFormValues): PatchUnitInput {
  const staffName = blank(v.staff?.name);
  const staffPhone = blank(v.staff?.phone);
  return {
    version: unit.version,
    name: v.name.trim(),
    code: blank(v.code) ?? null,
    address: blank(v.address) ?? null,
    phone: blank(v.phone) ?? null,
    staff: staffName && staffPhone ? { name: staffName, phone: staffPhone } : null,
    plaque: v.plaque,
    ledger: v.ledger === "none" ? null : v.ledger,
    status: v.status,
    hours: blank(v.hours) ?? null,
  };
}

export function statusOptions(t: Messages) {
  return UnitStatus.options.map((s) => ({ value: s, label: t.unitStatus[s] }));
}

/** The unit's facts and its 四个一 checklist; read-only for those who may not edit it. */
export function UnitEditForm({
  unit,
  canEdit,
  onChanged,
}: {
  unit: Unit;
  canEdit: boolean;
  onChanged: (unit: Unit) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitFormValues>();
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);

  const { submit, saving, error, setError } = useFormSubmit(
    form,
    async (values) => {
      setConflict(false);
      const saved = await patchUnit(unit.id, patchOf(unit, values));
      message.success(t.unitSaved(saved.name));
      onChanged(saved);
    },
    { onConflict: () => setConflict(true) },
  );

  async function reload() {
    setReloading(true);
    try {
      onChanged(await getUnit(unit.id));
    } catch (e) {
      setError(e);
    } finally {
      setReloading(false);
    }
  }

  const staffBoth = ({ getFieldValue }: { getFieldValue: (name: (string | number)[]) => unknown }) => ({
    validator: async () => {
      if (
        Boolean(blank(getFieldValue(["staff", "name"]))) !== Boolean(blank(getFieldValue(["staff", "phone"])))
      )
        throw new Error(t.unitStaffIncomplete);
    },
  });
  const fourOnes = hasFourOnes(unit.type);

  return (
    <>
      {!canEdit && <Alert type="info" showIcon title={t.unitReadOnly} style={{ marginBottom: 16 }} />}
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t.unitConflict}
          style={{ marginBottom: 16 }}
          data-testid="unit-conflict"
          action={
            <Button
              size="small"
              icon={<ReloadOutlined />}
              loading={reloading}
              onClick={reload}
              data-testid="unit-reload"
            >
              {t.unitReload}
            </Button>
          }
        />
      )}
      <ErrorAlert error={error} title={t.unitSaveFailed} testId="unit-error" />
      <Form<UnitFormValues>
        form={form}
        name="unitEdit"
        layout="vertical"
        initialValues={valuesOf(unit)}
        disabled={!canEdit || saving}
        onFinish={() => void submit()}
      >
        <Form.Item
          name="name"
          label={t.unitName}
          rules={[zodRule(fields.name, t.unitNameInvalid, lang)]}
          required
        >
          <Input maxLength={100} data-testid="unit-name" />
        </Form.Item>
        <Form.Item name="status" label={t.colStatus}>
          <Select options={statusOptions(t)} data-testid="unit-status" />
        </Form.Item>
        <Form.Item name="address" label={t.unitAddress}>
          <Input maxLength={200} data-testid="unit-address" />
        </Form.Item>
        <Form.Item name="hours" label={t.unitHours}>
          <Input maxLength={100} placeholder={t.unitHoursPlaceholder} data-testid="unit-hours" />
        </Form.Item>
        <Form.Item name="code" label={t.unitCode}>
          <Input maxLength={32} data-testid="unit-code" />
        </Form.Item>
        {fourOnes && (
          <Divider titlePlacement="start" plain>
            {t.unitFourOnesSection}
          </Divider>
        )}
        <Flex gap={12}>
          <Form.Item
            name={["staff", "name"]}
            label={t.unitStaffName}
            style={{ flex: 1 }}
            dependencies={[["staff", "phone"]]}
            rules={[staffBoth]}
          >
            <Input maxLength={50} data-testid="unit-staff-name" />
          </Form.Item>
          <Form.Item
            name={["staff", "phone"]}
            label={t.unitStaffPhone}
            style={{ flex: 1 }}
            rules={[zodRule(fields.phone, t.unitPhoneInvalid, lang, true)]}
          >
            <Input maxLength={30} data-testid="unit-staff-phone" />
          </Form.Item>
        </Flex>
        <Form.Item
          name="phone"
          label={t.unitPhone}
          rules={[zodRule(fields.phone, t.unitPhoneInvalid, lang, true)]}
        >
          <Input maxLength={30} data-testid="unit-phone" />
        </Form.Item>
        <Flex gap={24} wrap>
          <Form.Item name="plaque" label={t.unitPlaque} valuePropName="checked">
            <Switch data-testid="unit-plaque" />
          </Form.Item>
          <Form.Item name="ledger" label={t.unitLedger}>
            <Radio.Group
              data-testid="unit-ledger"
              options={(["electronic", "paper", "none"] as const).map((k) => ({
                value: k,
                label: t.ledgerKind[k],
                "data-testid": `unit-ledger-${k}`,
              }))}
            />
          </Form.Item>
        </Flex>
        {canEdit && (
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="unit-save">
              {t.unitSave}
            </Button>
          </Space>
        )}
      </Form>
    </>
  );
}
