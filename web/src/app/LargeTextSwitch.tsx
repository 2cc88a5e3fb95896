import { FontSizeOutlined } from "@ant-design/icons";
import { useT } from "../i18n/messages.ts";
import { HeaderButton } from "./HeaderButton.tsx";
import { useLargeText } from "./large-text.tsx";

/** The 大字模式 toggle: a pressed/unpressed button, so screen readers announce its state. */
export function LargeTextSwitch({ dark = false }: { dark?: boolean }) {
  const { large, setLarge } = useLargeText();
  const t = useT();
  return (
    <HeaderButton
      testId="large-text-switch"
      icon={<FontSizeOutlined />}
      title={t.largeTextTitle}
      label={t.largeText}
      dark={dark}
      pressed={large}
      onClick={() => setLarge(!large)}
    />
  );
}
