/** The content type of an Excel workbook. */
export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** `attachment` with an ASCII fallback name and the Chinese one (RFC 6266 / 5987). */
export const attachment = (ascii: string, chinese: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;
