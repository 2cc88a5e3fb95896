/**
 * A number with its thousands grouped as zh-CN writes them (1,234,567.80), without `Intl`: a page's
 * first `Intl` formatter loads the locale's data, ≈0.1 s before the figures page's headline could paint.
 */
export function grouped(x: number, fractionDigits = 0): string {
  const [whole, fraction] = Math.abs(x).toFixed(fractionDigits).split(".");
  const digits = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${x < 0 ? "-" : ""}${digits}${fraction ? `.${fraction}` : ""}`;
}

/** Integer fen as yuan with two decimals: 329900 → "3,299.00" (exact: no division of the fen). */
export function fenToYuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? "-" : ""}${grouped(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, "0")}`;
}
