import { GlobalOutlined } from "@ant-design/icons";
import { useLang } from "../i18n/lang.tsx";
import { useT } from "../i18n/messages.ts";
import { HeaderButton } from "./HeaderButton.tsx";

/** 中文 / English: switches the console's language. */
export function LangSwitch({ dark = false }: { dark?: boolean }) {
  const { lang, setLang } = useLang();
  const t = useT();
  return (
    <HeaderButton
      testId="lang-switch"
      icon={<GlobalOutlined />}
      title={t.langSwitchTitle}
      label={t.langSwitch}
      dark={dark}
      onClick={() => setLang(lang === "zh" ? "en" : "zh")}
    />
  );
}
