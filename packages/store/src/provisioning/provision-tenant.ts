import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { fourOnesOf } from "@weiquan/domain";
import { documentClient } from "../client.ts";
import type { TenantRecord, TenantsRepository } from "../control/tenants.ts";
import { tenantTableDefinition } from "../table-definition.ts";
import { UnitsRepository } from "../tenant/units.ts";
import { UsersRepository } from "../tenant/users.ts";
import { configureTable, ensureTable } from "./create-table.ts";

export interface ProvisionDeps {
  /** Low-level client with rights to create and configure `{stage}-tenant-*` tables and write their items. */
  client: DynamoDBClient;
  tenants: TenantsRepository;
  now: () => Date;
}

/**
 * Brings a tenant from `provisioning` to `active`: its table (from the shared definition), the
 * table settings, the root bureau unit, the first admin. Every step is idempotent and recorded, so a
 * crashed run is finished by running this again — never a second table, root or admin.
 */
export async function provisionTenant(deps: ProvisionDeps, tenantId: string): Promise<TenantRecord> {
  const tenant = await deps.tenants.get(tenantId);
  if (!tenant) throw new Error(`tenant ${tenantId} does not exist`);
  if (tenant.status !== "provisioning") return tenant;
  const stamp = () => deps.now().toISOString();
  const tags = { "weiquan:tenant": tenant.id, "weiquan:county": tenant.countyCode };
  const table = { tenantId, tableName: tenant.tableName, doc: documentClient(deps.client) };

  try {
    const description = await ensureTable(deps.client, tenant.tableName, tenantTableDefinition, tags);
    await deps.tenants.markStepDone(tenantId, "table", stamp());

    await configureTable(deps.client, description, tenantTableDefinition, tags);
    await deps.tenants.markStepDone(tenantId, "configure", stamp());

    const at = tenant.createdAt;
    const root = { staff: undefined, plaque: true, phone: undefined, ledger: "electronic" as const };
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
      path: tenant.rootUnitId,
      createdAt: at,
      updatedAt: at,
    });
    await deps.tenants.markStepDone(tenantId, "root", stamp());

    const users = new UsersRepository(table);
    if (tenant.pendingAdmin) {
      const created = await users.create({
        id: tenant.adminUserId,
        username: tenant.pendingAdmin.username,
        displayName: tenant.pendingAdmin.displayName,
        passwordHash: tenant.pendingAdmin.passwordHash,
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
