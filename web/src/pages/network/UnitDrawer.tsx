import { IdcardOutlined, NodeIndexOutlined, PlusOutlined } from "@ant-design/icons";
import { allowedChildren, type Unit } from "@weiquan/domain";
import { Button, Drawer, Flex, Space, Tag } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useLang } from "../../i18n/lang.tsx";
import { useT } from "../../i18n/messages.ts";
import { FourOnesBadge, MissingList } from "./FourOnes.tsx";
import { MoveUnitModal } from "./MoveUnitModal.tsx";
import { UnitEditForm } from "./UnitEditForm.tsx";
import { hasFourOnes, statusColor, typeColor } from "./units.ts";

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
