import { Flex, Typography } from "antd";
import type { CSSProperties, ReactNode } from "react";

/** The head of a console page: its title, one line saying what it is for, and its actions on the right. */
export function PageHeader({
  title,
  intro,
  children,
  style,
}: {
  title: ReactNode;
  intro?: ReactNode;
  /** The page's actions (buttons, a month picker …). */
  children?: ReactNode;
  style?: CSSProperties;
}) {
  return (
    <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16, ...style }}>
      <div style={{ maxWidth: 720 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {intro && <Typography.Text type="secondary">{intro}</Typography.Text>}
      </div>
      {children}
    </Flex>
  );
}
