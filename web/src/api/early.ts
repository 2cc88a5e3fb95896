import { config } from "../config.ts";
import { figuresScope, previousOf } from "../pages/figures/period.ts";
import { getToken } from "./session.ts";

/**
 * Reads the entry starts before the console's code has arrived: the session and the main data of the
 * page being opened. The first typed call for the same path (same token, within a minute) takes the
 * answer over instead of asking again — on a county of 1,200 units the answers were otherwise asked for
 * only once the code had loaded and the layout rendered. Imports nothing heavy: the entry loads it.
 */
const MAX_AGE_MS = 60_000;
const early = new Map<string, { token: string; at: number; answer: Promise<Response | undefined> }>();

/** The API paths the page at `pathname` reads first (its typed calls ask for exactly these). */
export function firstReadsOf(pathname: string, search: string): string[] {
  // The units only: the compliance card's read (the same 1,200 units again, on the server) follows from
  // boot.ts, so it does not slow the tree's rows down.
  if (pathname === "/network") return ["/v1/me", "/v1/units"];
  if (pathname === "/figures") {
    const { period, unitParam } = figuresScope(new URLSearchParams(search));
    const q = (o: Record<string, string | undefined>) =>
      new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined));
    const unit = { unitId: unitParam };
    // The headline only: the categories and the unit slice (the costliest read) follow from boot.ts,
    // so they do not slow the numbers down.
    return [
      "/v1/me",
      `/v1/stats/summary?${q({ ...period, ...unit })}`,
      `/v1/stats/summary?${q({ ...previousOf(period), ...unit })}`,
    ];
  }
  return ["/v1/me"];
}

/** Starts the first reads of the page being opened (after the runtime config, before the console's code). */
export function startFirstReads(pathname: string, search: string): void {
  const token = getToken();
  if (!token) return;
  for (const path of firstReadsOf(pathname, search)) {
    const answer = fetch(`${config().apiBaseUrl}${path}`, {
      headers: { Accept: "application/json", Authorization: `Bearer ${token}` },
    }).catch(() => undefined);
    early.set(path, { token, at: Date.now(), answer });
  }
}

/** The early answer to `path` for `token`, once; undefined when none was started for them (or it is old). */
export function takeEarly(path: string, token: string | null): Promise<Response | undefined> | undefined {
  const hit = early.get(path);
  if (!hit) return undefined;
  early.delete(path);
  return hit.token === token && Date.now() - hit.at < MAX_AGE_MS ? hit.answer : undefined;
}
