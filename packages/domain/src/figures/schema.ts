import { z } from "zod";
import type { CapacityFigures } from "../capacity/figures.ts";
import { PublicityKind } from "../capacity/publicity.ts";
import type { SupervisionFigures } from "../supervision/figures.ts";
import { MONTH } from "./period.ts";

/** A calendar month in Asia/Shanghai: 2026-11. */
export const Month = z.string().regex(MONTH, "月份格式为 2026-11");

/** `?from=&to=&unitId=` of every figures request (months, both inclusive). */
export const StatsQuery = z.object({
  from: Month.optional(),
  to: Month.optional(),
  unitId: z.string().min(1).max(64).optional(),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

export const CategoriesQuery = StatsQuery.extend({
  limit: z.coerce.number().int().min(1).max(50).default(10),
  kind: z.enum(["complaint", "report", "consultation"]).optional(),
});
export type CategoriesQuery = z.infer<typeof CategoriesQuery>;

/**
 * `?from=&to=` and, to read a slice of a large network, `unitId` (the slice's top unit, default the
 * caller's) and `depth` (how many levels below it: 1 = the unit and its direct children; default all).
 */
export const UnitsStatsQuery = StatsQuery.extend({
  depth: z.coerce.number().int().min(0).max(10).optional(),
});

const count = z.number().int().min(0);
const rateValue = z.number().min(0).max(1).nullable();

/** The supervision figures' schema, part of every period's figures (see `PeriodFiguresSchema`). */
export const SupervisionFiguresSchema = z.object({
  sampled: count,
  verifiedCallbacks: count,
  verifiedSatisfied: count,
  verifiedBasicallySatisfied: count,
  verifiedUnsatisfied: count,
  verifiedCallbackRate: rateValue,
  verifiedSatisfactionRate: rateValue,
  inspections: count,
  inspectionChecks: count,
  inspectionChecksPassed: count,
  inspectionPassRate: rateValue,
  findings: count,
  findingsRectified: count,
  findingsRectifiedOnTime: count,
  findingsRectifiedRate: rateValue,
}) satisfies z.ZodType<SupervisionFigures>;

/** The capacity figures' schema (trainings, publicity, warnings), part of every period's figures. */
export const CapacityFiguresSchema = z.object({
  trainingsHeld: count,
  trainingAttendances: count,
  peopleTrained: count,
  publicityEvents: count,
  peopleReached: count,
  materialsHandedOut: count,
  consumerRightsDayEvents: count,
  warningsReceived: count,
  warningsAcked: count,
  warningAckRate: rateValue,
}) satisfies z.ZodType<CapacityFigures>;

/** The figures of one period, as defined in `definitions.ts`. */
export const PeriodFiguresSchema = z
  .object({
    received: count,
    complaints: count,
    reports: count,
    consultations: count,
    accepted: count,
    rejected: count,
    decided: count,
    decidedOnTime: count,
    onTimeRate: rateValue,
    resolved: count,
    failed: count,
    terminated: count,
    resolutionRate: rateValue,
    recoveredFen: count,
    answered: count,
    handedOver: count,
    referred: count,
    closed: count,
    escalated: count,
    escalationRate: rateValue,
    callbacks: count,
    satisfied: count,
    basicallySatisfied: count,
    unsatisfied: count,
    satisfactionRate: rateValue,
  })
  .extend(SupervisionFiguresSchema.shape)
  .extend(CapacityFiguresSchema.shape);

const KindFigures = z.object({ received: count, closed: count, escalated: count });

export const StatsSummary = PeriodFiguresSchema.extend({
  unitId: z.string(),
  from: z.string(),
  to: z.string(),
  overdueNow: count,
  /** Inspection findings still open past their due date, now (the unit's subtree). */
  overdueFindingsNow: count,
  byKind: z.object({ complaint: KindFigures, report: KindFigures, consultation: KindFigures }),
  /** Publicity events per kind in the period, every kind listed (display order). */
  publicityByKind: z.array(z.object({ kind: PublicityKind, label: z.string(), events: count })),
  byMonth: z.array(PeriodFiguresSchema.extend({ month: z.string() })),
});
export type StatsSummary = z.infer<typeof StatsSummary>;

export const CategoryCount = z.object({ category: z.string(), label: z.string(), count });
export type CategoryCount = z.infer<typeof CategoryCount>;

export const UnitFiguresRow = PeriodFiguresSchema.extend({
  unitId: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  type: z.string(),
  status: z.string(),
  /** Depth below the caller's top visible unit (0 = that unit), for indenting the table. */
  depth: z.number().int().min(0),
  /** Cases received by the unit itself, not by the units below it (null when its children are outside the slice). */
  ownReceived: count.nullable(),
  overdueNow: count,
  /** Units directly below it (whether or not the slice includes them): a row to drill into. */
  childCount: count,
});
export type UnitFiguresRow = z.infer<typeof UnitFiguresRow>;
