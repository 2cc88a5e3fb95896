import { api, ok } from "../../api/client.ts";

type PutBody = Parameters<typeof api.v1.settings.$put>[0]["json"];

/** PUT /v1/settings with the version it was read at (a stale one is a 409). */
export const putSettings = (body: PutBody) => ok(api.v1.settings.$put({ json: body }));
