import { Settings, type SubCategory, type WorkCalendar, workCalendar } from "@weiquan/domain";
import { SettingsRepository } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";
import { keepRecent } from "../recent.ts";

/** What a tenant's settings say about its cases: its working-day calendar and its own sub-categories. */
export interface TenantRules {
  cal: WorkCalendar;
  categories: readonly SubCategory[];
}

/** The part of the settings item the rules come from, parsed (an absent list is empty). */
const RulesFields = Settings.pick({ version: true, calendarOverrides: true, categories: true });

/**
 * The rules of each tenant's settings as last read, by version and write time: a version is written once (a
 * put needs the previous one), so the same version is the same rules, parsed and built once per process, not
 * per request. (The write time too: a table restored from a backup counts its versions again.)
 */
const known = new Map<string, { stamp: string; rules: TenantRules }>();
const stampOf = (item: Record<string, unknown>) => `${item.version}\n${item.updatedAt}`;
const MAX_KNOWN = 1_000;
const NATIONAL: TenantRules = { cal: workCalendar([]), categories: [] };

/** The tenant's rules from its settings item (raw as read; null when the tenant has none yet). */
function rulesOf(tableName: string, item: Record<string, unknown> | null): TenantRules {
  if (!item) return NATIONAL;
  const last = known.get(tableName);
  if (last && last.stamp === stampOf(item)) return last.rules;
  const s = RulesFields.parse(item);
  const rules = { cal: workCalendar(s.calendarOverrides), categories: s.categories };
  keepRecent(known, tableName, { stamp: stampOf(item), rules }, MAX_KNOWN);
  return rules;
}

/** The tenant's rules from one read of its settings: the national calendar with its overrides, … */
export async function tenantRules(scope: Pick<Scope, "table" | "prefetched">): Promise<TenantRules> {
  // Read in the caller check's round trip if the route asked for it there (http/alongside.ts).
  const item = scope.prefetched?.settings
    ? await scope.prefetched.settings
    : await new SettingsRepository(scope.table).get<Settings>();
  return rulesOf(scope.table.tableName, item);
}

/** The tenant's working-day calendar: the national one with the tenant's overrides from settings. */
export async function tenantCalendar(scope: Pick<Scope, "table" | "prefetched">): Promise<WorkCalendar> {
  return (await tenantRules(scope)).cal;
}
