import type { Unit } from "@weiquan/domain";
import { Alert, Form, Modal, TreeSelect, Typography } from "antd";
import { useMemo, useState } from "react";
import { ApiError } from "../../api/client.ts";
import { errorText } from "../../app/errors.ts";
import { useT } from "../../i18n/messages.ts";
import { getUnit, patchUnit } from "./api.ts";
import { buildTree, type UnitNode } from "./units.ts";

interface TreeOption {
  value: string;
  title: string;
  disabled: boolean;
  children?: TreeOption[];
}

/** "调整上级": pick a new parent in the tree; only the allowed parents can be chosen. */
export function MoveUnitModal({
  unit,
  units,
  targets,
  onClose,
  onMoved,
  onConflict,
}: {
  unit: Unit | null;
  units: readonly Unit[];
  targets: readonly Unit[];
  onClose: () => void;
  onMoved: (unit: Unit) => void;
  /** The unit changed meanwhile: here it is, reloaded. */
  onConflict: (fresh: Unit) => void;
}) {
  const t = useT();
  const [parentId, setParentId] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const treeData = useMemo(() => {
    const allowed = new Set(targets.map((u) => u.id));
    const toOption = (n: UnitNode): TreeOption => ({
      value: n.id,
      title: `${n.name}（${t.unitType[n.type]}）`,
      disabled: !allowed.has(n.id),
      children: n.children?.map(toOption),
    });
    return buildTree(units).map(toOption);
  }, [units, targets, t]);

  function close() {
    setParentId(undefined);
    setError(null);
    onClose();
  }

  async function submit() {
    if (!unit) return;
    if (!parentId) {
      setError(t.unitMoveRequired);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const moved = await patchUnit(unit.id, { version: unit.version, parentId });
      setParentId(undefined);
      onMoved(moved);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        try {
          onConflict(await getUnit(unit.id));
        } catch {
          // The drawer's own reload button cures it.
        }
      }
      setError(errorText(e, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={unit !== null}
      title={unit ? t.unitMoveTitle(unit.name) : ""}
      okText={t.unitMove}
      cancelText={t.cancel}
      confirmLoading={saving}
      onOk={submit}
      onCancel={close}
      okButtonProps={{ disabled: targets.length === 0, "data-testid": "unit-move-submit" }}
      data-testid="unit-move-modal"
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t.unitMoveHelp}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="unit-move-error"
        />
      )}
      <Form layout="vertical">
        <Form.Item label={t.unitMoveTarget} required>
          <TreeSelect<string>
            value={parentId}
            onChange={setParentId}
            treeData={treeData}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: "title" }}
            placeholder={targets.length ? t.unitMoveTarget : t.unitMoveNoTargets}
            style={{ width: "100%" }}
            data-testid="unit-move-parent"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
