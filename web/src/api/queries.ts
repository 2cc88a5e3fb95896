import { queryOptions } from "@tanstack/react-query";
import { api, ok, signalled } from "./client.ts";
import { keys } from "./query.ts";

/** Reads many pages share. Each page file may add its own next to it; these are fetched once and cached. */

/** The signed-in user, their unit and tenant: read once per token. */
export const meQuery = (token: string) =>
  queryOptions({
    queryKey: [...keys.me, token],
    queryFn: ({ signal }) => ok(api.v1.me.$get({}, signalled(signal))),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** The units the caller may see: one request per session, refreshed after a unit is written. */
export const unitsQuery = queryOptions({
  queryKey: keys.units,
  queryFn: ({ signal }) => ok(api.v1.units.$get({}, signalled(signal))),
  staleTime: 10 * 60_000,
});

export const complianceQuery = queryOptions({
  queryKey: keys.compliance,
  queryFn: ({ signal }) => ok(api.v1.units.compliance.$get({}, signalled(signal))),
});

export const settingsQuery = queryOptions({
  queryKey: keys.settings,
  queryFn: ({ signal }) => ok(api.v1.settings.$get({}, signalled(signal))),
});
