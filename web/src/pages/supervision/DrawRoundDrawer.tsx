import { useQuery } from "@tanstack/react-query";
import { DrawRoundInput } from "@weiquan/domain";
import { Form, InputNumber, Select } from "antd";
import { settingsQuery } from "../../api/queries.ts";
import { FormDrawer } from "../../app/FormDrawer.tsx";
import { zodRule } from "../../app/form-rules.ts";
import { useLang } from "../../i18n/lang.tsx";
import { drawRound, type Round } from "./api.ts";
import type { SupervisionMessages } from "./messages.ts";
import { recentMonths } from "./period.ts";

interface Values {
  month: string;
  share: number;
  minPerUnit: number;
  maxPerUnit?: number | null;
  seed?: number | null;
}

/** The draw: last month by default, the tenant's sampling settings as the starting values. */
export function DrawRoundDrawer({
  open,
  s,
  onClose,
  onDrawn,
}: {
  open: boolean;
  s: SupervisionMessages;
  onClose: () => void;
  onDrawn: (r: Round) => void;
}) {
  const { lang } = useLang();
  const [form] = Form.useForm<Values>();
  const settings = useQuery({ ...settingsQuery, enabled: open }).data;
  const defaults = settings?.sampling ?? { share: 0.2, minPerUnit: 1, maxPerUnit: 5 };
  const months = recentMonths();
  return (
    <FormDrawer<Values>
      open={open}
      title={s.drawTitle}
      testId="draw"
      form={form}
      name="draw"
      initialValues={{
        month: months[0],
        share: Math.round(defaults.share * 100),
        minPerUnit: defaults.minPerUnit,
        maxPerUnit: defaults.maxPerUnit,
      }}
      submitText={s.drawSubmit}
      errorTitle={s.drawFailed}
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await drawRound({
          month: v.month,
          share: v.share / 100,
          minPerUnit: v.minPerUnit,
          ...(v.maxPerUnit ? { maxPerUnit: v.maxPerUnit } : {}),
          ...(v.seed !== undefined && v.seed !== null ? { seed: v.seed } : {}),
        });
        onDrawn(r);
      }}
    >
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
