import { useQuery } from "@tanstack/react-query";
import type { Role, Unit } from "@weiquan/domain";
import type { Case } from "@weiquan/domain/cases/schema";
import { Space, Tag, Tooltip } from "antd";
import { useMemo } from "react";
import { unitsQuery } from "../../api/queries.ts";
import { buildTree, type UnitNode } from "../network/units.ts";
import { formatTime, statusColor } from "./format.ts";
import { type CaseMessages, useCaseT } from "./messages.ts";

/** Roles that register and handle cases (the governance office only reads, masked). */
export const handlingRoles: readonly Role[] = [
  "bureau_admin",
  "bureau_staff",
  "office_staff",
  "station_staff",
  "point_staff",
];

export function StatusTag({ status, testId }: { status: Case["status"]; testId?: string }) {
  const t = useCaseT();
  return (
    <Tag color={statusColor[status]} data-testid={testId} data-status={status}>
      {t.status[status]}
    </Tag>
  );
}

type Clock = Pick<Case, "dueBy" | "overdue" | "dueSoon" | "paused">;

/** The running deadline with a red "overdue", orange "due soon" or grey "paused" badge. */
export function Deadline({ c, testId }: { c: Clock; testId?: string }) {
  const t = useCaseT();
  const state = c.overdue ? "overdue" : c.dueSoon ? "due-soon" : c.paused ? "paused" : "ok";
  return (
    <Space size={4} wrap data-testid={testId} data-clock={state}>
      {c.dueBy && <span>{formatTime(c.dueBy)}</span>}
      {c.overdue && <Tag color="red">{t.badgeOverdue}</Tag>}
      {!c.overdue && c.dueSoon && <Tag color="orange">{t.badgeDueSoon}</Tag>}
      {c.paused && (
        <Tooltip title={t.casePaused}>
          <Tag>{t.badgePaused}</Tag>
        </Tooltip>
      )}
      {!c.dueBy && !c.paused && <span>{t.none}</span>}
    </Space>
  );
}

export interface UnitsState {
  units: Unit[];
  byId: Map<string, Unit>;
  tree: UnitNode[];
  loaded: boolean;
}

/**
 * The units the caller may see (for names, filters and pickers); empty on failure (ids show instead).
 * `enabled` false: not read yet (a page whose first paint does not need them).
 */
export function useUnits(enabled = true): UnitsState {
  const { data, isError } = useQuery({ ...unitsQuery, enabled });
  return useMemo(() => {
    const list: Unit[] = data?.items ?? [];
    return {
      units: list,
      byId: new Map(list.map((u) => [u.id, u])),
      tree: buildTree(list),
      loaded: data !== undefined || isError,
    };
  }, [data, isError]);
}

export interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: TreeOption[];
}

/** The unit tree as TreeSelect data; `selectable` decides which nodes may be chosen. */
export function treeOptions(
  nodes: readonly UnitNode[],
  selectable: (u: Unit) => boolean = () => true,
): TreeOption[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.name,
    disabled: !selectable(n),
    children: n.children ? treeOptions(n.children, selectable) : undefined,
  }));
}

/** A unit's name; a unit outside the caller's view (a case passed up) is named as such, never by its id. */
export const unitName = (units: UnitsState, id: string, outside = "—") =>
  units.byId.get(id)?.name ?? (units.loaded ? outside : "");

export function categoryOptions(t: CaseMessages, categories: readonly { code: string; group: string }[]) {
  const groups: ("goods" | "services" | "other")[] = ["goods", "services", "other"];
  return groups.map((g) => ({
    label: t.categoryGroup[g],
    title: t.categoryGroup[g],
    options: categories
      .filter((c) => c.group === g)
      .map((c) => ({ value: c.code, label: t.categoryLabel(c.code) })),
  }));
}
