import { Secret, TOTP } from "otpauth";

/** What authenticator apps show above the code. */
export const TOTP_ISSUER = "维权通 Weiquan";
const PERIOD = 30;
const DIGITS = 6;
const ALGORITHM = "SHA1";

const totp = (secret: string, label = "") =>
  new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });

/** A fresh random secret (160 bits, RFC 4226's recommendation), base32 as authenticator apps take it. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The `otpauth://totp/…` URI an authenticator app scans (as a QR code) to add the account. */
export const totpUri = (secret: string, label: string): string => totp(secret, label).toString();

/** The 30-second time step a moment falls in. */
export const totpStep = (at: Date): number => TOTP.counter({ period: PERIOD, timestamp: at.getTime() });

/** The code for `secret` at `at` (what an authenticator app would show then). */
export const totpCode = (secret: string, at: Date): string =>
  totp(secret).generate({ timestamp: at.getTime() });

/**
 * The time step whose code `code` is, accepting the previous and the next step as well (clock drift
 * between phone and server); null when it matches none of them.
 */
export function matchTotp(secret: string, code: string, at: Date): number | null {
  const delta = totp(secret).validate({ token: code, timestamp: at.getTime(), window: 1 });
  return delta === null ? null : totpStep(at) + delta;
}
