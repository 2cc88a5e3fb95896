import { Flex } from "antd";
import type { ReactNode } from "react";
import { useSmallFont } from "./large-text.tsx";

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
  const small = useSmallFont();
  return (
    <Flex vertical gap={2}>
      <label htmlFor={htmlFor} style={{ fontSize: small, color: "rgba(0,0,0,0.65)" }}>
        {label}
      </label>
      {children}
    </Flex>
  );
}
