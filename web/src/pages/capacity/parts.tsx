import { ReloadOutlined } from "@ant-design/icons";
import { useIsFetching, useQueryClient } from "@tanstack/react-query";
import { Button, Select, TreeSelect } from "antd";
import { keys } from "../../api/query.ts";
import { Field } from "../../app/Field.tsx";
import { treeOptions, useUnits } from "../cases/parts.tsx";
import { capacityKey, thisYear } from "./api.ts";
import { useCapacityT } from "./messages.ts";

/** The refresh button of a tab: re-reads every list of 培训宣传. */
export function RefreshButton() {
  const t = useCapacityT();
  const queryClient = useQueryClient();
  const fetching = useIsFetching({ queryKey: capacityKey }) > 0;
  return (
    <Button
      icon={<ReloadOutlined />}
      loading={fetching}
      onClick={() => void queryClient.invalidateQueries({ queryKey: capacityKey })}
      aria-label={t.refresh}
    />
  );
}

/** The year filter (this year and the four before). */
export function YearSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (y: string) => void;
}) {
  const t = useCapacityT();
  const now = Number(thisYear());
  return (
    <Field label={t.year} htmlFor={id}>
      <Select
        id={id}
        value={value}
        onChange={onChange}
        style={{ width: 110 }}
        options={[0, 1, 2, 3, 4].map((d) => ({ value: String(now - d), label: String(now - d) }))}
      />
    </Field>
  );
}

/** `2026-11-18T00:00:00.000+08:00` → `2026-11-18`. */
export const day = (iso: string) => iso.slice(0, 10);

/** Labels of a `{ zh, en }` record as Select options. */
export function optionsOf<K extends string>(
  labels: Record<K, { zh: string; en: string }>,
  lang: "zh" | "en",
) {
  return (Object.keys(labels) as K[]).map((k) => ({ value: k, label: labels[k][lang] }));
}

/** After a write here: every list of 培训宣传 and the figures (which count these records) are stale. */
export function useAfterWrite() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: capacityKey });
    void queryClient.invalidateQueries({ queryKey: keys.figures });
    void queryClient.invalidateQueries({ queryKey: keys.worklist });
    void queryClient.invalidateQueries({ queryKey: keys.notices });
  };
}

/** The unit filter of a list: any unit the caller may see (its subtree included), or all. */
export function UnitFilter({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string | undefined;
  onChange: (unitId: string | undefined) => void;
}) {
  const t = useCapacityT();
  const units = useUnits();
  return (
    <Field label={t.unit} htmlFor={id}>
      <TreeSelect
        id={id}
        allowClear
        style={{ minWidth: 240 }}
        value={value}
        onChange={onChange}
        treeData={treeOptions(units.tree)}
        showSearch={{ treeNodeFilterProp: "title" }}
      />
    </Field>
  );
}
