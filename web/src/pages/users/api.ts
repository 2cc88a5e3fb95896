import type { PatchUserInput } from "@weiquan/domain";
import { api, ok } from "../../api/client.ts";

/** The user writes and the single read the user pages share. */
export const getUser = (id: string) => ok(api.v1.users[":id"].$get({ param: { id } }));

export const patchUser = (id: string, body: PatchUserInput) =>
  ok(api.v1.users[":id"].$patch({ param: { id }, json: body }));
