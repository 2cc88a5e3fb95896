import type { ThemeConfig } from "antd";

const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif';

/**
 * The console's theme, WCAG 2.2 AA throughout: secondary text, status colours and badges dark enough for
 * 4.5 : 1 on white and on their own light backgrounds (antd's defaults reach 2–3.5 : 1).
 */
export function themeOf(large: boolean): ThemeConfig {
  return {
    zeroRuntime: true,
    token: {
      colorPrimary: "#c8102e",
      colorInfo: "#0958d9",
      colorSuccess: "#237804",
      colorWarning: "#ad4e00",
      colorError: "#cf1322",
      colorLink: "#c8102e",
      colorTextSecondary: "rgba(0, 0, 0, 0.7)",
      colorTextTertiary: "rgba(0, 0, 0, 0.62)",
      colorTextDescription: "rgba(0, 0, 0, 0.62)",
      colorTextPlaceholder: "rgba(0, 0, 0, 0.55)",
      borderRadius: 6,
      fontFamily,
      ...(large ? { fontSize: 18, fontSizeSM: 16, fontSizeLG: 20, controlHeight: 40, lineHeight: 1.6 } : {}),
    },
  };
}

/**
 * Preset tag colours: the 9th shade of each palette as text on the tag's light background, and as the
 * background of a solid tag under white text (antd's 7th and 6th shades reach 1.4–3.6 : 1 for several).
 */
export const tagText: Record<string, string> = {
  red: "#820014",
  volcano: "#871400",
  orange: "#873800",
  gold: "#874d00",
  yellow: "#876800",
  lime: "#3f6600",
  green: "#135200",
  cyan: "#00474f",
  blue: "#002c8c",
  geekblue: "#061178",
  purple: "#22075e",
  magenta: "#780650",
  success: "#135200",
  processing: "#002c8c",
  error: "#820014",
  warning: "#873800",
};

/**
 * What the theme tokens cannot say: readable tag text and empty-table text, and a focus ring that every focusable element shows
 * when reached by keyboard (WCAG 2.4.7 / 2.4.13), in a colour that stands out on white and on the red header.
 */
export const accessibleCss = `
${Object.entries(tagText)
  .map(
    ([c, text]) =>
      `.ant-tag.ant-tag-${c}:not(.ant-tag-solid):not(.ant-tag-disabled) { color: ${text} !important; }`,
  )
  .join("\n")}
${Object.entries(tagText)
  .map(
    ([c, dark]) =>
      `.ant-tag.ant-tag-${c}.ant-tag-solid:not(.ant-tag-disabled) { background: ${dark} !important; border-color: ${dark} !important; color: #ffffff !important; }`,
  )
  .join("\n")}
a:focus-visible, button:focus-visible, [role="button"]:focus-visible, [role="menuitem"]:focus-visible,
[role="tab"]:focus-visible, [role="radio"]:focus-visible, [role="switch"]:focus-visible,
[tabindex]:not([tabindex="-1"]):focus-visible, .ant-segmented-item-input:focus-visible + .ant-segmented-item-label {
  outline: 3px solid #0958d9 !important; outline-offset: 2px;
}
.ant-table-placeholder, .ant-table-placeholder .ant-empty-description { color: rgba(0, 0, 0, 0.62) !important; }
.ant-layout-header a:focus-visible, .ant-layout-header button:focus-visible { outline-color: #ffffff !important; }
`;
