import { z } from "zod";
import { shanghaiIso } from "./time.ts";

/**
 * The one input gate for values people type: every free-text field of every body is built from `line`
 * (one line: names, titles, places) or `text` (several lines: facts, notes). Both normalise to NFC, so
 * the same 汉字 typed on two keyboards compares equal, and refuse what no person types and what breaks
 * storage, logs or exports: NUL and other C0 controls (a multi-line text keeps line breaks and tabs), DEL
 * and lone UTF-16 surrogates (half of an emoji, which DynamoDB and JSON encoders reject or mangle).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROLS_IN_LINE = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROLS_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const noLoneSurrogate = (s: string) => !LONE_SURROGATE.test(s);
const CONTROL_MESSAGE = "含有不可见的控制字符";
const SURROGATE_MESSAGE = "含有无效的字符编码";

interface Bounds {
  /** Least length after trimming; default 1 (a required field must say something). */
  min?: number;
}

/**
 * zod schemas are immutable (every method returns a new one), so one per bound is built and shared: the
 * ≈90 text fields of the bodies would otherwise build ≈600 schema objects when the api starts.
 */
function oncePerBounds<S>(build: (max: number, min: number) => S) {
  const built = new Map<string, S>();
  return (max: number, { min = 1 }: Bounds = {}): S => {
    const key = `${max}/${min}`;
    let schema = built.get(key);
    if (!schema) {
      schema = build(max, min);
      built.set(key, schema);
    }
    return schema;
  };
}

/** One line of text, trimmed, NFC, 1…max characters (or `min`…max). */
export const line = oncePerBounds((max, min) =>
  z
    .string()
    .refine(noLoneSurrogate, SURROGATE_MESSAGE)
    .refine((s) => !CONTROLS_IN_LINE.test(s), CONTROL_MESSAGE)
    .trim()
    .normalize("NFC")
    .min(min)
    .max(max),
);

/** Several lines of text: line breaks kept (CRLF and CR become LF), tabs allowed, trimmed, NFC. */
export const text = oncePerBounds((max, min) =>
  z
    .string()
    .refine(noLoneSurrogate, SURROGATE_MESSAGE)
    .refine((s) => !CONTROLS_IN_TEXT.test(s), CONTROL_MESSAGE)
    .transform((s) => s.replace(/\r\n?/g, "\n").trim().normalize("NFC"))
    .pipe(z.string().min(min).max(max)),
);

/** A version of a mutable item: bounded, so a crafted 1e300 is a 400, never a failed write. */
export const Version = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Money in fen (分): whole, not negative, at most ¥10 billion. */
export const Fen = z.number().int().min(0).max(1_000_000_000_000);

/** A count of people, items or hours typed by a person. */
export const Count = z.number().int().min(0).max(1_000_000_000);

/** A Shanghai calendar month `2026-10`. */
export const MonthInput = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式应为 2026-10");
/** A quarter `2026-Q4`. */
export const QuarterInput = z.string().regex(/^\d{4}-Q[1-4]$/, "季度格式应为 2026-Q4");
/** A year `2026`. */
export const YearInput = z.string().regex(/^\d{4}$/, "年份格式应为 2026");

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date field of a body: an ISO date-time with offset, or a plain date meaning that day in
 * Asia/Shanghai. `at: "start"` reads a plain date as the day's first instant (when something happened),
 * `at: "end"` as its last (a due date: still on time all that day). Always returned as a Shanghai ISO
 * instant (`2026-12-01T00:00:00.000+08:00`).
 */
export function dateInput(at: "start" | "end" = "start") {
  return z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: "日期格式应为 2026-12-01 或带时区的时间",
    })
    .transform((v) => {
      const instant = PLAIN_DATE.test(v)
        ? new Date(`${v}T${at === "start" ? "00:00:00.000" : "23:59:59.999"}+08:00`)
        : new Date(v);
      return shanghaiIso(instant);
    });
}
