import { queryOptions } from "@tanstack/react-query";
import type { Period } from "@weiquan/domain";
import { keys } from "../../api/query.ts";
import { figures } from "./data.ts";
import { previousOf } from "./period.ts";

export { figuresScope } from "./period.ts";

const scopeKey = (period: Period, unitParam: string | undefined) =>
  [...keys.figures, period, unitParam] as const;

/** The headline figures: the period's summary and the one before it (two small reads). */
export const headlineQuery = (period: Period, unitParam: string | undefined) =>
  queryOptions({
    queryKey: [...scopeKey(period, unitParam), "summary"],
    queryFn: async ({ signal }) => {
      const [summary, previous] = await Promise.all([
        figures.summary(period, unitParam, signal),
        figures.summary(previousOf(period), unitParam, signal),
      ]);
      return { summary, previous };
    },
  });

export const categoriesQuery = (period: Period, unitParam: string | undefined) =>
  queryOptions({
    queryKey: [...scopeKey(period, unitParam), "categories"],
    queryFn: ({ signal }) => figures.categories(period, unitParam, signal),
  });

/** The chosen unit and the units directly below it: a few dozen rows, not the whole county. */
export const unitFiguresQuery = (period: Period, unitParam: string | undefined) =>
  queryOptions({
    queryKey: [...scopeKey(period, unitParam), "units"],
    queryFn: ({ signal }) => figures.units(period, signal, { unitId: unitParam, depth: 1 }),
  });
