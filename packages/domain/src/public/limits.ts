/**
 * Rate limits of the public intake, as fixed windows counted in the tenant's table. API Gateway's HTTP
 * APIs throttle only stage-wide, so per-source and per-tenant limits live here.
 *
 * Sizes: a busy county receives a few thousand complaints a year — tens a day, a few hundred on 3·15 —
 * so 300 filings an hour for the whole tenant is about ten times its busiest hour. One source (an IP
 * address, which a village or a mobile carrier's NAT may share) files at most 10 an hour: a family or a
 * station helping villagers file stays well below it, a script does not. A consumer checks progress a
 * few times a week; 120 reads (directory, lookups, ratings) per 10 minutes per source leave room for a
 * household behind one address, and 10 failed lookups an hour per source make guessing tracking numbers
 * or codes pointless (50-bit codes at 10 guesses an hour).
 */
export interface WindowLimit {
  limit: number;
  windowSeconds: number;
}

export const publicLimits = {
  fileSource: { limit: 10, windowSeconds: 3600 },
  /** The hard ceiling: ten times the normal rate, every filing past the normal rate with a proof of work. */
  fileTenant: { limit: 3000, windowSeconds: 3600 },
  readSource: { limit: 120, windowSeconds: 600 },
  readTenant: { limit: 6000, windowSeconds: 600 },
  missSource: { limit: 10, windowSeconds: 3600 },
} as const satisfies Record<string, WindowLimit>;

export type PublicLimitName = keyof typeof publicLimits;

/**
 * Largest request body the public endpoints accept: a complaint at every field's maximum (5,000 characters
 * of facts at 3 bytes each in UTF-8, 1,000 of request, addresses, names) is about 21 KB of JSON.
 */
export const PUBLIC_MAX_BODY_BYTES = 32 * 1024;

/**
 * Past a county's normal rate (300 filings in its hour, ten times its busiest hour) the intake stays open,
 * but each filing must carry a solved proof-of-work challenge (public/challenge.ts): SHA-256 of the
 * challenge's salt and a number below `maxNumber`, found by trying — about `maxNumber / 2` hashes, a
 * second or two in a phone's browser, and the same cost again for every further filing a script wants.
 * A challenge is good for `ttlSeconds` and for one filing.
 */
export const publicChallenge = { normalPerHour: 300, maxNumber: 100_000, ttlSeconds: 600 } as const;
