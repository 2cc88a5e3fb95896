import { theme } from "antd";
import { describe, expect, it } from "vitest";
import { accessibleCss, tagText, themeOf } from "./theme.ts";

/** WCAG 2.x contrast ratio of two opaque #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const n = Number.parseInt(hex.slice(1), 16);
    return [n >> 16, (n >> 8) & 255, n & 255]
      .map((v) => v / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** rgba(0, 0, 0, a) over white as #rrggbb. */
function overWhite(rgba: string): string {
  const alpha = Number(/rgba\(0, 0, 0, ([\d.]+)\)/.exec(rgba)?.[1]);
  const v = Math.round(255 * (1 - alpha));
  return `#${v.toString(16).padStart(2, "0").repeat(3)}`;
}

const token = theme.getDesignToken(themeOf(false));
const presets = Object.keys(tagText).filter(
  (c) => !["success", "processing", "error", "warning"].includes(c),
);
const statusBg: Record<string, string> = {
  success: token.colorSuccessBg,
  processing: token.colorInfoBg,
  error: token.colorErrorBg,
  warning: token.colorWarningBg,
};

describe("the console theme meets WCAG 2.2 AA contrast (4.5 : 1 for text)", () => {
  it.each(presets)("a %s tag's text on its light background", (c) => {
    const bg = (token as unknown as Record<string, string>)[`${c}1`];
    expect(contrast(tagText[c], bg)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.keys(statusBg))("a %s status tag's text on its light background", (s) => {
    expect(contrast(tagText[s], statusBg[s])).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.keys(tagText))(
    "white text on a solid %s tag (the header's county tag is solid gold)",
    (c) => {
      expect(contrast("#ffffff", tagText[c])).toBeGreaterThanOrEqual(4.5);
      expect(accessibleCss).toContain(`.ant-tag.ant-tag-${c}.ant-tag-solid`);
    },
  );

  it("secondary, tertiary and description text on white", () => {
    for (const colour of [token.colorTextSecondary, token.colorTextTertiary, token.colorTextDescription]) {
      expect(contrast(overWhite(colour), "#ffffff")).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("status colours used as text (links, warnings, errors, success) on white", () => {
    for (const colour of [
      token.colorLink,
      token.colorError,
      token.colorWarning,
      token.colorSuccess,
      token.colorInfo,
    ]) {
      expect(contrast(colour, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("大字模式 sets body text at 18 px and taller controls", () => {
    const large = theme.getDesignToken(themeOf(true));
    expect(large.fontSize).toBeGreaterThanOrEqual(18);
    expect(large.controlHeight).toBeGreaterThan(token.controlHeight);
    expect(token.fontSize).toBe(14);
  });
});
