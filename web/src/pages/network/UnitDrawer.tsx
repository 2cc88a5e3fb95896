import { IdcardOutlined, NodeIndexOutlined, PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { allowedChildren, PatchUnitInput, type Unit, UnitStatus } from "@weiquan/domain";
import {
  Alert,
  App,
  Button,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Switch,
  Tag,
} from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { ApiError, api } from "../../api/client.ts";
import { errorText } from "../../app/errors.ts";
import { showFieldErrors, zodRule } from "../../app/form-rules.ts";
import { useLang } from "../../i18n/lang.tsx";
import { type Messages, useT } from "../../i18n/messages.ts";
import { FourOnesBadge, MissingList } from "./FourOnes.tsx";
import { blank } from "./forms.ts";
import { MoveUnitModal } from "./MoveUnitModal.tsx";
import { hasFourOnes, statusColor, typeColor } from "./units.ts";

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

/** The details of one unit and, for editors, its edit form (the 四个一 checklist among it). */
export function UnitDrawer({
  unit,
  parentName,
  canEdit,
  moveTargets,
  allUnits,
  onClose,
  onChanged,
  onAddChild,
  onMoved,
}: {
  unit: Unit | null;
  parentName?: string;
  canEdit: boolean;
  /** The parents the caller may move this unit under (none: no move action). */
  moveTargets: readonly Unit[];
  /** Every visible unit, for the move dialog's tree. */
  allUnits: readonly Unit[];
  onClose: () => void;
  /** The unit as saved or as reloaded after a conflict. */
  onChanged: (unit: Unit) => void;
  onAddChild: (parent: Unit) => void;
  /** The unit moved with its subtree: paths and tree order changed, so the list is reloaded. */
  onMoved: (unit: Unit) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  const [moving, setMoving] = useState(false);
  return (
    <Drawer
      open={unit !== null}
      onClose={onClose}
      size={600}
      title={unit?.name}
      data-testid="unit-drawer"
      extra={
        unit ? (
          <Space wrap>
            <Button
              icon={<IdcardOutlined />}
              onClick={() => navigate(`/network/${encodeURIComponent(unit.id)}/card`)}
              data-testid="unit-drawer-card"
            >
              {t.unitCard}
            </Button>
            {moveTargets.length > 0 && (
              <Button
                icon={<NodeIndexOutlined />}
                onClick={() => setMoving(true)}
                data-testid="unit-drawer-move"
              >
                {t.unitMove}
              </Button>
            )}
            {canEdit && allowedChildren[unit.type].length > 0 && unit.status !== "closed" && (
              <Button
                icon={<PlusOutlined />}
                onClick={() => onAddChild(unit)}
                data-testid="unit-drawer-add-child"
              >
                {t.networkAddChild}
              </Button>
            )}
          </Space>
        ) : null
      }
    >
      <MoveUnitModal
        unit={moving ? unit : null}
        units={allUnits}
        targets={moveTargets}
        onClose={() => setMoving(false)}
        onMoved={(moved) => {
          setMoving(false);
          onMoved(moved);
        }}
        onConflict={(fresh) => {
          setMoving(false);
          onChanged(fresh);
        }}
      />
      {unit && (
        <>
          <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="unit-drawer-summary">
            <Tag color={typeColor[unit.type]}>{t.unitType[unit.type]}</Tag>
            <Tag color={statusColor[unit.status]}>{t.unitStatus[unit.status]}</Tag>
            {hasFourOnes(unit.type) && (
              <>
                <FourOnesBadge compliant={unit.standards.compliant} testId="unit-drawer-fourones" />
                <MissingList fourOnes={unit.standards.fourOnes} />
              </>
            )}
            {parentName && (
              <span>
                {t.unitParent}
                {lang === "zh" ? "：" : ": "}
                {parentName}
              </span>
            )}
          </Flex>
          <UnitEditForm
            key={`${unit.id}-${unit.version}`}
            unit={unit}
            canEdit={canEdit}
            onChanged={onChanged}
          />
        </>
      )}
    </Drawer>
  );
}

function UnitEditForm({
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
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);

  async function save() {
    setError(null);
    setConflict(false);
    let values: UnitFormValues;
    try {
      values = await form.validateFields();
    } catch {
      setError(t.formHasErrors);
      return;
    }
    setSaving(true);
    try {
      const saved = await api<Unit>(`/v1/units/${encodeURIComponent(unit.id)}`, {
        method: "PATCH",
        body: patchOf(unit, values),
      });
      message.success(t.unitSaved(saved.name));
      onChanged(saved);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setConflict(true);
      else {
        setError(errorText(e, t));
        showFieldErrors(form, e);
      }
    } finally {
      setSaving(false);
    }
  }

  async function reload() {
    setReloading(true);
    try {
      onChanged(await api<Unit>(`/v1/units/${encodeURIComponent(unit.id)}`));
    } catch (e) {
      setError(errorText(e, t));
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
      {error && (
        <Alert
          type="error"
          showIcon
          title={t.unitSaveFailed}
          description={error}
          style={{ marginBottom: 16 }}
          data-testid="unit-error"
        />
      )}
      <Form<UnitFormValues>
        form={form}
        name="unitEdit"
        layout="vertical"
        initialValues={valuesOf(unit)}
        disabled={!canEdit || saving}
        onFinish={save}
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
