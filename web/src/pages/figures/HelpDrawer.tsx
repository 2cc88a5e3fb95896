import { type FigureDefinition, figureDefinitions, figureNotes } from "@weiquan/domain/figures/definitions";
import { Drawer, Space, Typography } from "antd";
import type { FigureMessages } from "./messages.ts";

/** 口径说明: how every figure is counted, and what a unit's figures include. */
export function HelpDrawer({
  open,
  onClose,
  m,
  en,
  label,
}: {
  open: boolean;
  onClose: () => void;
  m: FigureMessages;
  en: boolean;
  label: (d: FigureDefinition) => string;
}) {
  return (
    <Drawer open={open} onClose={onClose} title={m.helpTitle} size={520} data-testid="figures-help-drawer">
      <Space orientation="vertical" size={12}>
        {figureDefinitions.map((d) => (
          <div key={d.key}>
            <Typography.Text strong>{label(d)}</Typography.Text>
            <br />
            <Typography.Text>{en ? d.definitionEn : d.definition}</Typography.Text>
          </div>
        ))}
        <div>
          <Typography.Text strong>{m.helpScope}</Typography.Text>
          <br />
          <Typography.Text>{en ? figureNotes.subtreeEn : figureNotes.subtree}</Typography.Text>
        </div>
      </Space>
    </Drawer>
  );
}
