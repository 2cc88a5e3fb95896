import { queryOptions } from "@tanstack/react-query";
import { api, ok, signalled } from "../../api/client.ts";
import { keys } from "../../api/query.ts";

/** One case with its timeline (cached: the documents page reads the same entry). */
export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: keys.case(id),
    queryFn: ({ signal }) => ok(api.v1.cases[":id"].$get({ param: { id } }, signalled(signal))),
  });
