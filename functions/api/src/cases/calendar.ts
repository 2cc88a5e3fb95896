import { type Settings, type SubCategory, type WorkCalendar, workCalendar } from "@weiquan/domain";
import { SettingsRepository } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";

/** What a tenant's settings say about its cases: its working-day calendar and its own sub-categories. */
export interface TenantRules {
  cal: WorkCalendar;
  categories: readonly SubCategory[];
}

/** The tenant's rules from one read of its settings: the national calendar with its overrides, … */
export async function tenantRules(scope: Pick<Scope, "table" | "prefetched">): Promise<TenantRules> {
  // Read in the caller check's round trip if the route asked for it there (http/alongside.ts).
  const settings = scope.prefetched?.settings
    ? ((await scope.prefetched.settings) as Settings | null)
    : await new SettingsRepository(scope.table).get<Settings>();
  return { cal: workCalendar(settings?.calendarOverrides ?? []), categories: settings?.categories ?? [] };
}

/** The tenant's working-day calendar: the national one with the tenant's overrides from settings. */
export async function tenantCalendar(scope: Pick<Scope, "table" | "prefetched">): Promise<WorkCalendar> {
  return (await tenantRules(scope)).cal;
}
