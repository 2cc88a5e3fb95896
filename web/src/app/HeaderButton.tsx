import { Button } from "antd";
import type { ReactNode } from "react";

/**
 * A text button of a page header (language, 大字模式): readable on the dark console header too, and a
 * toggle's state announced (`aria-pressed`) and shown (underlined) when it has one.
 */
export function HeaderButton({
  testId,
  icon,
  title,
  label,
  dark = false,
  pressed,
  onClick,
}: {
  testId: string;
  icon: ReactNode;
  title: string;
  label: string;
  dark?: boolean;
  pressed?: boolean;
  onClick: () => void;
}) {
  return (
    <Button
      data-testid={testId}
      type="text"
      icon={icon}
      title={title}
      aria-pressed={pressed}
      style={{
        ...(dark ? { color: "rgba(255,255,255,0.92)" } : {}),
        ...(pressed ? { textDecoration: "underline", textUnderlineOffset: 4 } : {}),
      }}
      onClick={onClick}
    >
      {label}
    </Button>
  );
}
