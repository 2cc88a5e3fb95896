import { App as AntApp, ConfigProvider } from "antd";
import "antd/dist/antd.css";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { type ReactNode, useMemo } from "react";
import { useLang } from "../i18n/lang.tsx";
import { useLargeText } from "./large-text.tsx";
import { accessibleCss, themeOf } from "./theme.ts";

/** antd's locale, theme (大字模式 included) and message/modal context for a lazily loaded part of the app. */
export function AntdRoot({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  const { large } = useLargeText();
  const theme = useMemo(() => themeOf(large), [large]);
  dayjs.locale(lang === "zh" ? "zh-cn" : "en");
  return (
    <ConfigProvider locale={lang === "zh" ? zhCN : enUS} theme={theme}>
      <style>{accessibleCss}</style>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
