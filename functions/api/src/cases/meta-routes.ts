import {
  callbackResultLabels,
  caseActionLabels,
  caseKindLabels,
  caseStatusLabels,
  channelLabels,
  legalBasis,
  metricDefinitions,
  nationalCategories,
  natureLabels,
  pauseReasonLabels,
  rejectReasonLabels,
  requestTypeLabels,
  ruleSets,
  statusesOf,
  terminateReasonLabels,
} from "@weiquan/domain";
import { Hono } from "hono";
import { z } from "zod";
import { authenticated } from "../http/caller.ts";
import { doc } from "../http/docs.ts";
import type { AppEnv } from "../http/env.ts";

const Category = z.object({ code: z.string(), label: z.string(), group: z.string(), groupLabel: z.string() });

/** The vocabularies of the ledger with their Chinese labels, and the rule table behind every clock. */
export const metaRoutes = new Hono<AppEnv>()
  .use("/v1/meta/*", authenticated)
  .get(
    "/v1/meta/categories",
    doc({
      summary: "Complaint categories (China Consumers' Association classes) with Chinese labels",
      tags: ["meta"],
      ok: { schema: z.object({ items: z.array(Category) }) },
    }),
    (c) => c.json({ items: nationalCategories }),
  )
  .get(
    "/v1/meta/case-vocabulary",
    doc({
      summary: "Kinds, channels, statuses, actions, natures, requests and legal grounds with Chinese labels",
      tags: ["meta"],
      ok: { schema: z.record(z.string(), z.unknown()) },
    }),
    (c) =>
      c.json({
        kinds: caseKindLabels,
        channels: channelLabels,
        statuses: caseStatusLabels,
        statusesOf,
        actions: caseActionLabels,
        natures: natureLabels,
        requestTypes: requestTypeLabels,
        rejectReasons: rejectReasonLabels,
        terminateReasons: terminateReasonLabels,
        callbackResults: callbackResultLabels,
        pauseReasons: pauseReasonLabels,
        legalBasis,
      }),
  )
  .get(
    "/v1/meta/rule-sets",
    doc({
      summary: "The dated time-limit rules: which regulation applies from when, every limit and its basis",
      tags: ["meta"],
      ok: { schema: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) },
    }),
    (c) => c.json({ items: ruleSets }),
  )
  .get(
    "/v1/meta/assessment-metrics",
    doc({
      summary:
        "The metrics an assessment template's auto items can score, with Chinese labels, definitions, unit (rate / count), source and whether their data is recorded yet",
      tags: ["meta", "assessment"],
      ok: { schema: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) },
    }),
    (c) => c.json({ items: metricDefinitions.map(({ compute: _compute, ...m }) => m) }),
  );
