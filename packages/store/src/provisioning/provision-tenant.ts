import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { loadCountyDivisions } from "@weiquan/divisions";
import { defaultTemplates, fourOnesOf, type Settings } from "@weiquan/domain";
import { documentClient } from "../client.ts";
import { foreignPlacement, type Placement } from "../control/placement.ts";
import type { TenantRecord, TenantsRepository } from "../control/tenants.ts";
import { tenantTableDefinition } from "../table-definition.ts";
import { SettingsRepository } from "../tenant/settings.ts";
import { UnitsRepository } from "../tenant/units.ts";
import { UsersRepository } from "../tenant/users.ts";
import { configureTable, ensureTable } from "./create-table.ts";
import { divisionUnits, writeUnitsInBatches } from "./prepopulate.ts";

export interface ProvisionDeps {
  /** Low-level client with rights to create and configure `{stage}-tenant-*` tables and write their items. */
  client: DynamoDBClient;
  tenants: TenantsRepository;
  now: () => Date;
  /** The county's division data (the county files by default; tests may pass their own). */
  divisions?: typeof loadCountyDivisions;
  /**
   * This deployment's region and account (AWS): a tenant recorded in another cell is refused, never given
   * a table here. Locally there is one place and no check.
   */
  placement?: Placement;
}

/** The tags every tenant table carries (set at onboarding, checked by the conformance check). */
export const tenantTableTags = (tenant: Pick<TenantRecord, "id" | "countyCode">) => ({
  "weiquan:tenant": tenant.id,
  "weiquan:county": tenant.countyCode,
});

/**
 * Brings a tenant from `provisioning` to `active`: its table (from the shared definition), the
 * table settings, the root bureau unit, the county's planned stations and points when onboarding asked
 * for them, the first admin. Every step is idempotent and recorded, so a crashed run is finished by
 * running this again — never a second table, root, unit or admin.
 */
export async function provisionTenant(deps: ProvisionDeps, tenantId: string): Promise<TenantRecord> {
  const tenant = await deps.tenants.get(tenantId);
  if (!tenant) throw new Error(`tenant ${tenantId} does not exist`);
  if (tenant.status !== "provisioning") return tenant;
  const stamp = () => deps.now().toISOString();
  const tags = tenantTableTags(tenant);
  const table = { tenantId, tableName: tenant.tableName, doc: documentClient(deps.client) };

  try {
    const foreign = deps.placement && foreignPlacement(tenant, deps.placement);
    if (foreign) throw new Error(`not provisioned here: ${foreign}`);
    const description = await ensureTable(deps.client, tenant.tableName, tenantTableDefinition, tags);
    await deps.tenants.markStepDone(tenantId, "table", stamp());

    await configureTable(deps.client, description, tenantTableDefinition, tags);
    await deps.tenants.markStepDone(tenantId, "configure", stamp());

    const at = tenant.createdAt;
    const root = { staff: undefined, plaque: true, phone: undefined, ledger: "electronic" as const };
    const rootPath = tenant.rootUnitId;
    await new UnitsRepository(table).createIfAbsent({
      id: tenant.rootUnitId,
      parentId: null,
      type: "bureau",
      name: tenant.name,
      code: tenant.countyCode,
      ...root,
      status: "active",
      version: 1,
      standards: fourOnesOf(root),
      path: rootPath,
      createdAt: at,
      updatedAt: at,
    });
    await deps.tenants.markStepDone(tenantId, "root", stamp());

    if (tenant.prepopulate && !tenant.provisioning.done.includes("prepopulate")) {
      // Loaded here only: a static import would put the county list in the api's cold start too.
      const load = deps.divisions ?? (await import("@weiquan/divisions")).loadCountyDivisions;
      const divisions = await load(tenant.countyCode);
      if (!divisions) throw new Error(`no division data for county ${tenant.countyCode}`);
      const settings = await new SettingsRepository(table).get<Settings>();
      const templates = settings?.templates ?? defaultTemplates;
      const root = { id: tenant.rootUnitId, path: rootPath };
      const units = divisionUnits(tenant.id, root, divisions, at, templates);
      await writeUnitsInBatches(table, units);
      await deps.tenants.markStepDone(tenantId, "prepopulate", stamp());
    }

    const users = new UsersRepository(table);
    if (tenant.pendingAdmin) {
      const created = await users.create({
        id: tenant.adminUserId,
        username: tenant.pendingAdmin.username,
        displayName: tenant.pendingAdmin.displayName,
        passwordHash: tenant.pendingAdmin.passwordHash,
        // The operator chose it at onboarding: the bureau's admin replaces it at the first login.
        mustChangePassword: true,
        role: "bureau_admin",
        unitId: tenant.rootUnitId,
        disabled: false,
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
      if (!created && (await users.get(tenant.adminUserId)) === null) {
        throw new Error(`username ${tenant.pendingAdmin.username} is taken by another user`);
      }
    }
    await deps.tenants.markStepDone(tenantId, "admin", stamp());

    await deps.tenants.activate(tenantId, stamp());
    await deps.tenants.markStepDone(tenantId, "activate", stamp());
  } catch (e) {
    await deps.tenants.recordProvisioningError(tenantId, e instanceof Error ? e.message : String(e), stamp());
    throw e;
  }
  return (await deps.tenants.get(tenantId))!;
}
