import type { PatchUnitInput } from "@weiquan/domain";
import { api, ok } from "../../api/client.ts";

/** The unit writes and the single read the network pages share (lists come from `unitsQuery`). */
export const getUnit = (id: string) => ok(api.v1.units[":id"].$get({ param: { id } }));

export const patchUnit = (id: string, body: PatchUnitInput) =>
  ok(api.v1.units[":id"].$patch({ param: { id }, json: body }));
