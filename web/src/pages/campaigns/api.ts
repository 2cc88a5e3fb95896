import { queryOptions } from "@tanstack/react-query";
import { type Answer, api, ok, signalled } from "../../api/client.ts";
import { keys } from "../../api/query.ts";
import type { PagedQuery } from "../../app/PagedTable.tsx";

export type Campaign = Answer<typeof api.v1.campaigns.$get>["items"][number];
export type CampaignWithProgress = Answer<(typeof api.v1.campaigns)[":id"]["$get"]>;
export type ProgressRow = CampaignWithProgress["progress"]["total"];
export type CampaignUnit = Answer<(typeof api.v1.campaigns)[":id"]["units"]["$get"]>["items"][number];

export const campaignsQuery = (year: string): PagedQuery<Campaign> => ({
  queryKey: [...keys.campaigns, "list", year],
  fetchPage: (cursor, signal) =>
    ok(api.v1.campaigns.$get({ query: { year, limit: "50", cursor } }, signalled(signal))),
});

export const campaignQuery = (id: string) =>
  queryOptions({
    queryKey: [...keys.campaigns, "one", id],
    queryFn: ({ signal }) => ok(api.v1.campaigns[":id"].$get({ param: { id } }, signalled(signal))),
  });

export const unitsQuery = (id: string, sampled: boolean): PagedQuery<CampaignUnit> => ({
  queryKey: [...keys.campaigns, "one", id, "units", sampled],
  fetchPage: (cursor, signal) =>
    ok(
      api.v1.campaigns[":id"].units.$get(
        { param: { id }, query: { limit: "100", cursor, ...(sampled ? { sampled: "true" as const } : {}) } },
        signalled(signal),
      ),
    ),
});

/** Every drawn unit (the printed report): page after page. */
export async function allSampled(id: string, signal: AbortSignal): Promise<CampaignUnit[]> {
  const out: CampaignUnit[] = [];
  let cursor: string | undefined;
  do {
    const page = await unitsQuery(id, true).fetchPage(cursor, signal);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

export const campaignPath = (id: string) => `/campaigns/${id}`;
/** A rate as a whole percentage, "—" while its denominator is 0. */
export const percent = (r: number | null) => (r === null ? "—" : `${Math.round(r * 1000) / 10}%`);
