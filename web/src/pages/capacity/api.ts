import { queryOptions } from "@tanstack/react-query";
import { type Answer, api, ok, signalled } from "../../api/client.ts";

/** 培训宣传's reads: one key prefix, invalidated after every write here. */
export const capacityKey = ["capacity"] as const;

export type Training = Answer<typeof api.v1.trainings.$get>["items"][number];
export type Publicity = Answer<typeof api.v1.publicity.$get>["items"][number];
export type Volunteer = Answer<typeof api.v1.volunteers.$get>["items"][number];
export type WarningRow = Answer<typeof api.v1.warnings.$get>["items"][number];
export type WarningDetail = Answer<(typeof api.v1.warnings)[":id"]["$get"]>;

const limit = "50";

export const trainingsPage = (year: string, unitId: string | undefined) => ({
  queryKey: [...capacityKey, "trainings", year, unitId],
  fetchPage: (cursor: string | undefined, signal: AbortSignal) =>
    ok(api.v1.trainings.$get({ query: { year, unitId, limit, cursor } }, signalled(signal))),
});

export const publicityPage = (year: string, unitId: string | undefined, kind: string | undefined) => ({
  queryKey: [...capacityKey, "publicity", year, unitId, kind],
  fetchPage: (cursor: string | undefined, signal: AbortSignal) =>
    ok(
      api.v1.publicity.$get(
        {
          query: {
            from: `${year}-01`,
            to: `${year}-12`,
            unitId,
            kind: kind as never,
            limit,
            cursor,
          },
        },
        signalled(signal),
      ),
    ),
});

export const warningsPage = (box: "inbox" | "sent", unacked: boolean) => ({
  queryKey: [...capacityKey, "warnings", box, unacked],
  fetchPage: (cursor: string | undefined, signal: AbortSignal) =>
    ok(
      api.v1.warnings.$get(
        { query: { box, status: unacked ? "unacked" : undefined, limit, cursor } },
        signalled(signal),
      ),
    ),
});

export const volunteersPage = (unitId: string | undefined) => ({
  queryKey: [...capacityKey, "volunteers", unitId],
  fetchPage: (cursor: string | undefined, signal: AbortSignal) =>
    ok(api.v1.volunteers.$get({ query: { unitId, limit, cursor } }, signalled(signal))),
});

export const coverageQuery = (year: string) =>
  queryOptions({
    queryKey: [...capacityKey, "coverage", year],
    queryFn: ({ signal }) => ok(api.v1.trainings.coverage.$get({ query: { year } }, signalled(signal))),
  });

export const warningQuery = (id: string) =>
  queryOptions({
    queryKey: [...capacityKey, "warning", id],
    queryFn: ({ signal }) => ok(api.v1.warnings[":id"].$get({ param: { id } }, signalled(signal))),
  });

/** The current year in China (the records' dates are Asia/Shanghai). */
export const thisYear = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4);
