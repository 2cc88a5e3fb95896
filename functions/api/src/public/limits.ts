import { type PublicLimitName, publicChallenge, publicLimits, TooMany } from "@weiquan/domain";
import { RateLimitsRepository, withDeadline } from "@weiquan/store";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { challengeRequired, solved } from "./challenge.ts";
import type { PublicEnv } from "./tenant.ts";

const counter = (c: Context<PublicEnv>, name: PublicLimitName, by = 1, at = c.var.deps.now()) => {
  const limit = publicLimits[name];
  const who = name.endsWith("Source") ? `${name}#${c.var.source}` : name;
  return new RateLimitsRepository(c.var.county.table)
    .add(who, limit.windowSeconds, at.getTime(), by)
    .then((w) => ({ ...w, over: w.count > limit.limit, full: w.count >= limit.limit }));
};

/** Time a failed filing may take to give its counts back after its own deadline. */
const REFUND_MS = 1000;

const tooMany = (resetIn: number) =>
  TooMany(
    `请求过于频繁，请 ${resetIn >= 120 ? `${Math.ceil(resetIn / 60)} 分钟` : `${resetIn} 秒`}后再试`,
    "RATE_LIMITED",
    resetIn,
  );

/**
 * Counts a filing for the source and for the tenant; either over its limit → 429 with Retry-After. Past
 * the county's normal rate a filing must carry a solved proof-of-work challenge: without one it is not
 * counted and is answered 429 `CHALLENGE_REQUIRED` with a fresh challenge (each such answer counts as a
 * read of the source, so asking for challenges is bounded too). A filing that failed on our side (5xx:
 * nothing was written) is taken back from both counts, so a consumer who retries after a 503 is not
 * refused later for our failure.
 */
export const fileLimit = createMiddleware<PublicEnv>(async (c, next) => {
  const at = c.var.deps.now();
  const hits = await Promise.all([counter(c, "fileSource", 1, at), counter(c, "fileTenant", 1, at)]);
  const over = hits.filter((h) => h.over);
  if (over.length) throw tooMany(Math.max(...over.map((h) => h.resetIn)));
  if (hits[1]!.count > publicChallenge.normalPerHour && !(await solved(c))) {
    const [, , read] = await Promise.all([
      counter(c, "fileSource", -1, at),
      counter(c, "fileTenant", -1, at),
      counter(c, "readSource", 1, at),
    ]);
    if (read.over) throw tooMany(read.resetIn);
    throw await challengeRequired(c);
  }
  await next();
  // In the window it was counted in, with a short deadline of its own (the request's may be spent).
  if (c.res.status >= 500)
    await withDeadline({ at: Date.now() + REFUND_MS }, () =>
      Promise.all([counter(c, "fileSource", -1, at), counter(c, "fileTenant", -1, at)]),
    ).catch(() => {});
});

/**
 * Counts a read (directory, lookup, rating) for the source and the tenant. With `misses`, a source that
 * has used up its failed lookups is refused too, whatever it asks for now: guessing stops at the limit.
 */
export const readLimit = (opts: { misses?: boolean } = {}) =>
  createMiddleware<PublicEnv>(async (c, next) => {
    const hits = await Promise.all([
      counter(c, "readSource"),
      counter(c, "readTenant"),
      ...(opts.misses ? [counter(c, "missSource", 0).then((h) => ({ ...h, over: h.full }))] : []),
    ]);
    const over = hits.filter((h) => h.over);
    if (over.length) throw tooMany(Math.max(...over.map((h) => h.resetIn)));
    await next();
  });

/** Records a failed lookup (absent case or wrong code: the same). */
export const countMiss = (c: Context<PublicEnv>) => counter(c, "missSource");
