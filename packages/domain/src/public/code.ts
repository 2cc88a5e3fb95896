/**
 * Query codes: 10 characters from a 32-letter alphabet without look-alikes (no 0/O, 1/I), so 50 bits of
 * randomness — guessing one at the lookup rate limit would take longer than the case lives. The consumer
 * may type it in lower case, with spaces or a dash; `normalizeQueryCode` undoes that.
 */
export const QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const QUERY_CODE_LENGTH = 10;
export const QUERY_CODE = /^[2-9A-HJ-NP-Z]{10}$/;

/** A fresh code from the platform's CSPRNG (256 is a multiple of 32, so every letter is equally likely). */
export function newQueryCode(): string {
  const bytes = new Uint8Array(QUERY_CODE_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => QUERY_CODE_ALPHABET[b & 31]).join("");
}

export const normalizeQueryCode = (s: string) => s.replace(/[\s-]/g, "").toUpperCase();

/** "ABCDE23456" → "ABCDE-23456": easier to read aloud and copy by hand. */
export const formatQueryCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;
