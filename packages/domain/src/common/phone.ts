/**
 * A phone number as one string of digits, whatever way it was typed: spaces, dashes and the country
 * prefix (+86 / 86) go, so `022-2924 1234`, `022 29241234` and `02229241234` are one number. A mobile
 * starts with 1 and a fixed line with its area code's 0, so digits starting with 86 carry the prefix.
 */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.startsWith("86") ? digits.slice(2) : digits;
}
