import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import type { ReactNode } from "react";
import { useLang } from "../i18n/lang.tsx";

const theme = {
  token: {
    colorPrimary: "#c8102e",
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif',
  },
};

/** antd's locale, theme and message/modal context for a lazily loaded part of the app. */
export function AntdRoot({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  dayjs.locale(lang === "zh" ? "zh-cn" : "en");
  return (
    <ConfigProvider locale={lang === "zh" ? zhCN : enUS} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
