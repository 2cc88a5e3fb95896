import { queryOptions } from "@tanstack/react-query";
import type { MetricDefinition } from "@weiquan/domain/assessment/metrics";
import { type Answer, api, ok, signalled } from "../../api/client.ts";
import { keys } from "../../api/query.ts";
import type { PagedQuery } from "../../app/PagedTable.tsx";

export type Template = Answer<(typeof api.v1)["assessment-templates"]["$get"]>["items"][number];
export type AssessmentHeader = Answer<typeof api.v1.assessments.$get>["items"][number];
export type Assessment = Answer<(typeof api.v1.assessments)[":id"]["$get"]>;
export type Sheet = Assessment["sheets"][number];
/** A metric as `/v1/meta/assessment-metrics` answers it (its definition, without the computation). */
export type Metric = Omit<MetricDefinition, "compute">;

export const templatesQuery = (year: string): PagedQuery<Template> => ({
  queryKey: [...keys.assessment, "templates", year],
  fetchPage: (cursor, signal) =>
    ok(api.v1["assessment-templates"].$get({ query: { year, limit: "50", cursor } }, signalled(signal))),
});

export const assessmentsQuery = (year: string): PagedQuery<AssessmentHeader> => ({
  queryKey: [...keys.assessment, "list", year],
  fetchPage: (cursor, signal) =>
    ok(api.v1.assessments.$get({ query: { year, limit: "50", cursor } }, signalled(signal))),
});

/** One assessment's header (the first page of sheets comes with it, unused here). */
export const assessmentQuery = (id: string) =>
  queryOptions({
    queryKey: [...keys.assessment, "one", id],
    queryFn: ({ signal }) =>
      ok(api.v1.assessments[":id"].$get({ param: { id }, query: { limit: "1" } }, signalled(signal))),
    // While it is being made or finalized, look again until it settles.
    refetchInterval: (q) =>
      q.state.data?.status === "creating" || q.state.data?.status === "finalizing" ? 2000 : false,
  });

/** The sheets: tree order while scoring, the ranking once finalized. */
export const sheetsQuery = (id: string, order: "tree" | "rank"): PagedQuery<Sheet> => ({
  queryKey: [...keys.assessment, "one", id, "sheets", order],
  fetchPage: async (cursor, signal) => {
    const a = await ok(
      api.v1.assessments[":id"].$get(
        { param: { id }, query: { order, limit: "100", cursor } },
        signalled(signal),
      ),
    );
    return { items: a.sheets, nextCursor: a.nextCursor };
  },
});

/** Every sheet in one order (the printed ranking): page after page. */
export async function allSheets(id: string, order: "tree" | "rank", signal?: AbortSignal): Promise<Sheet[]> {
  const out: Sheet[] = [];
  let cursor: string | undefined;
  do {
    const page = await sheetsQuery(id, order).fetchPage(cursor, signal ?? new AbortController().signal);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

export const sheetQuery = (id: string, unitId: string) =>
  queryOptions({
    queryKey: [...keys.assessment, "one", id, "sheet", unitId],
    queryFn: ({ signal }) =>
      ok(api.v1.assessments[":id"].sheets[":unitId"].$get({ param: { id, unitId } }, signalled(signal))),
  });

export const metricsQuery = queryOptions({
  queryKey: [...keys.meta, "assessment-metrics"],
  queryFn: async ({ signal }) =>
    (await ok(api.v1.meta["assessment-metrics"].$get({}, signalled(signal)))).items as unknown as Metric[],
  staleTime: Number.POSITIVE_INFINITY,
});

export const assessmentPath = (id: string) => `/assessment/${id}`;
