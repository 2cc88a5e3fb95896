import { type Settings, type WorkCalendar, workCalendar } from "@weiquan/domain";
import { SettingsRepository } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";

/** The tenant's working-day calendar: the national one with the tenant's overrides from settings. */
export async function tenantCalendar(scope: Pick<Scope, "table">): Promise<WorkCalendar> {
  const settings = await new SettingsRepository(scope.table).get<Settings>();
  return workCalendar(settings?.calendarOverrides ?? []);
}
