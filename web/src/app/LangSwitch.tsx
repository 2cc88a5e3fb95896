import { GlobalOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useLang } from "../i18n/lang.tsx";
import { useT } from "../i18n/messages.ts";

export function LangSwitch({ dark = false }: { dark?: boolean }) {
  const { lang, setLang } = useLang();
  const t = useT();
  return (
    <Button
      data-testid="lang-switch"
      type="text"
      icon={<GlobalOutlined />}
      title={t.langSwitchTitle}
      style={dark ? { color: "rgba(255,255,255,0.85)" } : undefined}
      onClick={() => setLang(lang === "zh" ? "en" : "zh")}
    >
      {t.langSwitch}
    </Button>
  );
}
