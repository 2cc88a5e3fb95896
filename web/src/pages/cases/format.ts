import type { Case, TimelineEvent } from "@weiquan/domain/cases/schema";

export type CaseWithTimeline = Case & { timeline: TimelineEvent[] };

/** Yuan typed by a person (two decimals at most) → integer fen, the API's unit. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export { fenToYuan } from "../../app/numbers.ts";

const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const SMALL_UNITS = ["", "拾", "佰", "仟"];
const BIG_UNITS = ["", "万", "亿", "万亿"];

/** One group of four digits (0–9999) in financial capitals, with the zeros a cheque writer would write. */
function group(n: number): string {
  let out = "";
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += "零";
    zero = false;
    out += DIGITS[d] + SMALL_UNITS[i];
  }
  return out;
}

/**
 * An amount in fen as the capital figures of Chinese financial documents (人民币大写):
 * 329900 → 叁仟贰佰玖拾玖元整, 100005 → 壹仟元零伍分, 0 → 零元整.
 */
export function amountInWords(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  let words = "";
  if (yuan === 0) words = "零";
  else {
    const groups: number[] = [];
    for (let y = yuan; y > 0; y = Math.floor(y / 10_000)) groups.push(y % 10_000);
    let pendingZero = false;
    for (let i = groups.length - 1; i >= 0; i--) {
      const g = groups[i]!;
      if (g === 0) {
        pendingZero = words !== "";
        continue;
      }
      if (words && (pendingZero || g < 1000)) words += "零";
      pendingZero = false;
      words += group(g) + BIG_UNITS[i];
    }
  }
  words += "元";
  if (jiao === 0 && fenDigit === 0) return `${words}整`;
  if (jiao === 0) words += yuan === 0 ? "" : "零";
  else words += `${DIGITS[jiao]}角`;
  if (fenDigit !== 0) words += `${DIGITS[fenDigit]}分`;
  return words.replace(/^零元/, "");
}

/** "2026-11-23T10:00:00.000+08:00" → "2026-11-23 10:00" (the API's times are Shanghai local). */
export function formatTime(iso: string | undefined | null): string {
  if (!iso) return "";
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(shanghai(iso));
  return m ? `${m[1]} ${m[2]}` : iso;
}

/** "2026-11-23T…" → "2026-11-23" in Shanghai. */
export function formatDate(iso: string | undefined | null): string {
  if (!iso) return "";
  return shanghai(iso).slice(0, 10);
}

/** "2026-11-23T…" → "2026年11月23日", as documents write dates. */
export function chineseDate(iso: string | undefined | null): string {
  const d = formatDate(iso);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : "";
}

/** The same instant written with +08:00 (the API already does; a `Z` time is converted). */
function shanghai(iso: string): string {
  if (/\+08:?00$/.test(iso) || /^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** A random UUID, also where `crypto.randomUUID` is missing (plain-HTTP origins). */
export function newUuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const statusColor: Record<Case["status"], string> = {
  registered: "blue",
  accepted: "cyan",
  rejected: "default",
  mediating: "processing",
  resolved: "success",
  failed: "warning",
  terminated: "warning",
  handed_over: "purple",
  feedback: "geekblue",
  answered: "success",
  referred: "geekblue",
  escalated: "magenta",
  closed: "default",
};

export const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;
