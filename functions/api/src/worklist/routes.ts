import { AppError } from "@weiquan/domain";
import { Hono } from "hono";
import { doc } from "../http/docs.ts";
import { type ScopedEnv, tenantScoped } from "../http/scope.ts";
import { Worklist } from "./section.ts";
import { sources } from "./sources.ts";

/**
 * `GET /v1/worklist` — the caller's 工作台: what needs them now, from every capability. A source whose
 * dependency stalls (503) is named in `unavailable` while the others still answer; all stalled is a 503.
 */
export const worklistRoutes = new Hono<ScopedEnv>().use("/v1/worklist", ...tenantScoped).get(
  "/v1/worklist",
  doc({
    summary: "What needs the caller now (待接收, 待受理, 即将到期, 已超期 … by capability), bounded reads",
    tags: ["worklist"],
    ok: { schema: Worklist },
  }),
  async (c) => {
    const { scope, deps } = c.var;
    const now = deps.now();
    const read = await Promise.allSettled(sources.map((s) => s.read(scope, now)));
    // A stalled dependency leaves its sections out; anything else is a fault to see, not to hide.
    for (const r of read)
      if (r.status === "rejected" && !(r.reason instanceof AppError && r.reason.kind === "unavailable"))
        throw r.reason;
    if (read.length > 0 && read.every((r) => r.status === "rejected"))
      throw (read[0] as PromiseRejectedResult).reason;
    const body: Worklist = {
      sections: read.flatMap((r) => (r.status === "fulfilled" ? r.value : [])),
      unavailable: sources.flatMap((s, i) => (read[i]!.status === "rejected" ? [s.key] : [])),
    };
    c.header("Cache-Control", "no-store");
    return c.json(body);
  },
);
