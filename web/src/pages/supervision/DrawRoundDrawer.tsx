import { useQuery } from "@tanstack/react-query";
import { DrawRoundInput } from "@weiquan/domain";
import { Form, InputNumber, Select } from "antd";
import { settingsQuery } from "../../api/queries.ts";
import { FormDrawer } from "../../app/FormDrawer.tsx";
import { zodRule } from "../../app/form-rules.ts";
import { useSession } from "../../console/session.tsx";
import { useLang } from "../../i18n/lang.tsx";
import { useUnits } from "../cases/parts.tsx";
import { drawRound, type Round } from "./api.ts";
import type { SupervisionMessages } from "./messages.ts";
import { recentMonths } from "./period.ts";

interface Values {
  unitId: string;
  month: string;
  share: number;
  minPerUnit: number;
  maxPerUnit?: number | null;
  seed?: number | null;
}

/**
 * The scopes a round can be drawn for: the caller's own unit (the whole county for the bureau) and the
 * township-level units below it — regulation offices and stations, each with the points below it. The API
 * decides who may draw where; the picker offers only active bureau, office and station units the caller sees.
 */
function useScopes(s: SupervisionMessages) {
  const { me } = useSession();
  const units = useUnits();
  const own = me.user.unitId ?? "";
  const scopes = units.units.filter(
    (u) => u.status === "active" && u.type !== "point" && (u.id === own || u.parentId !== null),
  );
  // The caller's own unit first, then the others in the tree's order.
  scopes.sort((a, b) => (a.id === own ? -1 : b.id === own ? 1 : 0));
  return {
    own,
    options: scopes.map((u) => ({
      value: u.id,
      label: u.type === "bureau" ? s.scopeCounty(u.name) : u.name,
    })),
  };
}

/** The draw: last month by default, the tenant's sampling settings as the starting values. */
export function DrawRoundDrawer({
  open,
  s,
  month,
  onClose,
  onDrawn,
}: {
  open: boolean;
  s: SupervisionMessages;
  /** The month to start with (default last month). */
  month?: string;
  onClose: () => void;
  onDrawn: (r: Round) => void;
}) {
  const { lang } = useLang();
  const [form] = Form.useForm<Values>();
  const settings = useQuery({ ...settingsQuery, enabled: open }).data;
  const defaults = settings?.sampling ?? { share: 0.2, minPerUnit: 1, maxPerUnit: 5 };
  const months = recentMonths();
  const scopes = useScopes(s);
  return (
    <FormDrawer<Values>
      open={open}
      title={s.drawTitle}
      testId="draw"
      form={form}
      name="draw"
      initialValues={{
        unitId: scopes.own,
        month: month && months.includes(month) ? month : months[0],
        share: Math.round(defaults.share * 100),
        minPerUnit: defaults.minPerUnit,
        maxPerUnit: defaults.maxPerUnit,
      }}
      submitText={s.drawSubmit}
      errorTitle={s.drawFailed}
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await drawRound({
          ...(v.unitId && v.unitId !== scopes.own ? { unitId: v.unitId } : {}),
          month: v.month,
          share: v.share / 100,
          minPerUnit: v.minPerUnit,
          ...(v.maxPerUnit ? { maxPerUnit: v.maxPerUnit } : {}),
          ...(v.seed !== undefined && v.seed !== null ? { seed: v.seed } : {}),
        });
        onDrawn(r);
      }}
    >
      <Form.Item name="unitId" label={s.scope} extra={s.scopeHelp} rules={[{ required: true }]}>
        <Select
          showSearch={{ optionFilterProp: "label" }}
          options={scopes.options}
          data-testid="draw-scope"
        />
      </Form.Item>
      <Form.Item name="month" label={s.month} extra={s.monthHelp} rules={[{ required: true }]}>
        <Select options={months.map((m) => ({ value: m, label: m }))} data-testid="draw-month" />
      </Form.Item>
      <Form.Item name="share" label={s.share} rules={[{ required: true }]}>
        <InputNumber min={1} max={100} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="minPerUnit" label={s.minPerUnit} rules={[{ required: true }]}>
        <InputNumber min={0} max={50} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="maxPerUnit" label={s.maxPerUnit} extra={s.maxPerUnitHelp}>
        <InputNumber min={1} max={200} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="seed"
        label={s.seed}
        extra={s.seedHelp}
        rules={[zodRule(DrawRoundInput.shape.seed, s.seedHelp, lang, true)]}
      >
        <InputNumber min={0} max={999_999_999} style={{ width: 200 }} data-testid="draw-seed" />
      </Form.Item>
    </FormDrawer>
  );
}
