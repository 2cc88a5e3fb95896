import { z } from "zod";
import type { Scope } from "../access/scope.ts";

/** One thing waiting for the caller: what it is, where to open it, and its clock if it has one. */
export const WorkItem = z.object({
  id: z.string(),
  /** The line a person reads ("370481202611230001 冰箱不制冷"). */
  title: z.string(),
  /** A second, quieter line (the unit, the channel, the business). */
  detail: z.string().optional(),
  /** Where the console opens it (a console path, e.g. `/cases/01J…`). */
  href: z.string(),
  /** When it arrived. */
  at: z.string().optional(),
  /** When it must be done. */
  dueBy: z.string().optional(),
});
export type WorkItem = z.infer<typeof WorkItem>;

/** A group of the 工作台 (待接收, 即将到期 …): its count, the first items and the list behind them. */
export const WorkSection = z.object({
  /** Stable key (`cases.toReceive`); the console may label it in its own language. */
  key: z.string(),
  /** Chinese title, for sections the console does not know yet. */
  title: z.string(),
  /** How urgent: `danger` (overdue), `warning` (due soon), `info` (waiting). */
  tone: z.enum(["danger", "warning", "info"]),
  /** Items counted; with `more` a lower bound (counting stops after a page). */
  count: z.number().int().min(0),
  more: z.boolean(),
  /** The first few items, most urgent first. */
  items: z.array(WorkItem),
  /** The full list in the console. */
  href: z.string(),
});
export type WorkSection = z.infer<typeof WorkSection>;

export const Worklist = z.object({
  sections: z.array(WorkSection),
  /** Keys of sections that could not be read just now (the others still show). */
  unavailable: z.array(z.string()),
});
export type Worklist = z.infer<typeof Worklist>;

/**
 * A capability's contribution to the 工作台: the sections this caller should see now (none when the
 * role has nothing to do there). Each reads at most a page (bounded Query calls), never the whole tenant.
 */
export interface SectionSource {
  /** Names the source in `unavailable` when it fails. */
  key: string;
  read: (scope: Scope, now: Date) => Promise<WorkSection[]>;
}

/** How many items a section shows, and how many it counts before saying "more". */
export const SHOWN = 5;
export const COUNTED = 50;
