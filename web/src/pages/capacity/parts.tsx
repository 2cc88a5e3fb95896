import { DownloadOutlined, ReloadOutlined } from "@ant-design/icons";
import { useIsFetching, useQueryClient } from "@tanstack/react-query";
import { App, Button, Select, TreeSelect } from "antd";
import { useState } from "react";
import { download } from "../../api/download.ts";
import { keys } from "../../api/query.ts";
import { errorText } from "../../app/errors.ts";
import { Field } from "../../app/Field.tsx";
import { useT } from "../../i18n/messages.ts";
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

/** An edit's attachments: the record's own and those just uploaded (undefined when none were added). */
export const withAdded = (kept: { id: string }[], added: string[] | undefined) =>
  added?.length ? [...kept.map((a) => a.id), ...added] : undefined;

/** 导出 Excel of a list: the API's workbook for the same filters (`path` with its query string). */
export function ExportButton({ path, fileName, testId }: { path: string; fileName: string; testId: string }) {
  const t = useCapacityT();
  const common = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      data-testid={testId}
      onClick={() => {
        setBusy(true);
        download(path, fileName)
          .catch((e: unknown) => message.error(`${t.exportFailed}：${errorText(e, common)}`))
          .finally(() => setBusy(false));
      }}
    >
      {t.exportXlsx}
    </Button>
  );
}

/** A query string of the filters that are set. */
export const queryOf = (q: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => !!e[1])).toString();

/** The 操作 column of a list whose rows the caller may edit (`canEdit`), opening the edit drawer. */
export function editColumn<R extends { id: string }>(
  t: { edit: string; actions: string },
  testId: string,
  canEdit: (r: R) => boolean,
  edit: (r: R) => void,
) {
  return {
    title: t.actions,
    key: "actions",
    width: 80,
    render: (_: unknown, r: R) =>
      canEdit(r) ? (
        <Button type="link" size="small" onClick={() => edit(r)} data-testid={`${testId}-edit-${r.id}`}>
          {t.edit}
        </Button>
      ) : null,
  };
}
