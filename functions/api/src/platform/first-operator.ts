import { randomInt } from "node:crypto";
import { newId, Username } from "@weiquan/domain";
import type { PlatformUsersRepository } from "@weiquan/store";
import { hashPassword } from "../auth/password.ts";

/** Letters and digits without the look-alikes (0/O, 1/l/I): read from a terminal, typed into a form. */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/** A random 20-character password with letters and digits (≈ 117 bits), valid under the password rule. */
export function oneTimePassword(length = 20): string {
  for (;;) {
    const p = Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    if (/[A-Za-z]/.test(p) && /\d/.test(p)) return p;
  }
}

export interface FirstOperatorResult {
  outcome: "created" | "exists" | "reset";
  username: string;
  /** Shown once: the operator logs in with it and must replace it (and enroll TOTP) straight away. */
  oneTimePassword?: string;
}

/**
 * The first platform operator of a deployed stage, created with the deployer's credentials (the
 * `pnpm first-operator` command, docs/deploy.md § First operator). Idempotent: an existing operator is left
 * as it is, unless `reset` hands out a new one-time password (clearing TOTP and lockout — the break-glass
 * path for a lost phone). The password must be changed at the first login; TOTP enrollment follows, since
 * AWS stages require it for platform_admin.
 */
export async function ensureFirstOperator(
  operators: PlatformUsersRepository,
  input: { username: string; displayName: string; reset?: boolean },
  now: Date,
): Promise<FirstOperatorResult> {
  const username = Username.parse(input.username);
  const existing = await operators.get(username);
  if (existing && !input.reset) return { outcome: "exists", username };
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const at = now.toISOString();
  if (existing) {
    await operators.resetCredentials(username, passwordHash, at);
    return { outcome: "reset", username, oneTimePassword: password };
  }
  const created = await operators.createIfAbsent({
    id: newId(),
    username,
    displayName: input.displayName,
    role: "platform_admin",
    passwordHash,
    mustChangePassword: true,
    disabled: false,
    createdAt: at,
    updatedAt: at,
  });
  // Another run created it between our read and our write: that run printed its password.
  return created
    ? { outcome: "created", username, oneTimePassword: password }
    : { outcome: "exists", username };
}
