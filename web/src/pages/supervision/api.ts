import type { CallbackInput, CreateInspectionInput, RectifyInput, VerifyInput } from "@weiquan/domain";
import { type Answer, api, ok, signalled } from "../../api/client.ts";
import { keys } from "../../api/query.ts";
import type { PagedQuery } from "../../app/PagedTable.tsx";

/** The supervision pages' reads and writes, over the typed client. */
export type RoundSummary = Answer<typeof api.v1.sampling.rounds.$get>["items"][number];
export type Round = Answer<(typeof api.v1.sampling.rounds)[":id"]["$get"]>;
export type RoundItem = Round["items"][number];
export type FollowUp = Answer<(typeof api.v1.sampling)["follow-ups"]["$get"]>["items"][number];
export type InspectionHeader = Answer<typeof api.v1.inspections.$get>["items"][number];
export type Inspection = Answer<(typeof api.v1.inspections)[":id"]["$get"]>;
export type Finding = Inspection["findings"][number];
export type Coverage = Answer<typeof api.v1.inspections.coverage.$get>;

export const roundsQuery = (year: string): PagedQuery<RoundSummary> => ({
  queryKey: [...keys.supervision, "rounds", year],
  fetchPage: (cursor, signal) =>
    ok(api.v1.sampling.rounds.$get({ query: { year, limit: "50", cursor } }, signalled(signal))),
});

export const roundQuery = (id: string) => ({
  queryKey: [...keys.supervision, "round", id],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    ok(api.v1.sampling.rounds[":id"].$get({ param: { id } }, signalled(signal))),
});

export const followUpsQuery = (status: "open" | "closed"): PagedQuery<FollowUp> => ({
  queryKey: [...keys.supervision, "follow-ups", status],
  fetchPage: (cursor, signal) =>
    ok(api.v1.sampling["follow-ups"].$get({ query: { status, limit: "50", cursor } }, signalled(signal))),
});

export const inspectionsQuery = (quarter: string): PagedQuery<InspectionHeader> => ({
  queryKey: [...keys.supervision, "inspections", quarter],
  fetchPage: (cursor, signal) =>
    ok(api.v1.inspections.$get({ query: { quarter, limit: "50", cursor } }, signalled(signal))),
});

export const inspectionQuery = (id: string) => ({
  queryKey: [...keys.supervision, "inspection", id],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    ok(api.v1.inspections[":id"].$get({ param: { id } }, signalled(signal))),
});

export const findingsQuery = (
  status: "open" | "rectified" | "verified",
  overdue: boolean,
): PagedQuery<Finding> => ({
  queryKey: [...keys.supervision, "findings", status, overdue],
  fetchPage: (cursor, signal) =>
    ok(
      api.v1.inspections.findings.$get(
        { query: { status, limit: "50", cursor, ...(overdue ? { overdue: "true" as const } : {}) } },
        signalled(signal),
      ),
    ),
});

export const coverageQuery = (quarter: string) => ({
  queryKey: [...keys.supervision, "coverage", quarter],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    ok(api.v1.inspections.coverage.$get({ query: { quarter } }, signalled(signal))),
});

export const drawRound = (body: Parameters<typeof api.v1.sampling.rounds.$post>[0]["json"]) =>
  ok(api.v1.sampling.rounds.$post({ json: body }));

export const consumerContact = (id: string, caseId: string) =>
  ok(api.v1.sampling.rounds[":id"].items[":caseId"].contact.$get({ param: { id, caseId } }));

export const recordCallback = (id: string, caseId: string, body: CallbackInput) =>
  ok(api.v1.sampling.rounds[":id"].items[":caseId"].callback.$post({ param: { id, caseId }, json: body }));

export const closeFollowUp = (id: string, version: number, note: string) =>
  ok(api.v1.sampling["follow-ups"][":id"].close.$post({ param: { id }, json: { version, note } }));

export const createInspection = (body: CreateInspectionInput) => ok(api.v1.inspections.$post({ json: body }));

export const rectifyFinding = (id: string, findingId: string, body: RectifyInput) =>
  ok(
    api.v1.inspections[":id"].findings[":findingId"].rectify.$post({ param: { id, findingId }, json: body }),
  );

export const verifyFinding = (id: string, findingId: string, body: VerifyInput) =>
  ok(api.v1.inspections[":id"].findings[":findingId"].verify.$post({ param: { id, findingId }, json: body }));
