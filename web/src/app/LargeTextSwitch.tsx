import { FontSizeOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useT } from "../i18n/messages.ts";
import { useLargeText } from "./large-text.tsx";

/** The 大字模式 toggle: a pressed/unpressed button, so screen readers announce its state. */
export function LargeTextSwitch({ dark = false }: { dark?: boolean }) {
  const { large, setLarge } = useLargeText();
  const t = useT();
  return (
    <Button
      data-testid="large-text-switch"
      type="text"
      icon={<FontSizeOutlined />}
      title={t.largeTextTitle}
      aria-pressed={large}
      style={{
        ...(dark ? { color: "rgba(255,255,255,0.92)" } : {}),
        ...(large ? { textDecoration: "underline", textUnderlineOffset: 4 } : {}),
      }}
      onClick={() => setLarge(!large)}
    >
      {t.largeText}
    </Button>
  );
}
