import { Flex } from "antd";
import type { ReactNode } from "react";

/**
 * A filter or toolbar control with a visible label above it (a placeholder is not a label: it disappears
 * while typing and fails WCAG 1.3.1 / 3.3.2). `htmlFor` is the control's `id`.
 */
export function Field({
  label,
  htmlFor,
  children,
}: {
  label: ReactNode;
  htmlFor: string;
  children: ReactNode;
}) {
  return (
    <Flex vertical gap={2}>
      <label htmlFor={htmlFor} style={{ fontSize: 12, color: "rgba(0,0,0,0.65)" }}>
        {label}
      </label>
      {children}
    </Flex>
  );
}
