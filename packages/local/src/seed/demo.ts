import { AppError, fourOnesOf } from "@weiquan/domain";
import { type AppDeps, hashPassword, onboardTenant } from "@weiquan/fn-api";
import { type UnitRecord, UnitsRepository, UsersRepository } from "@weiquan/store";
import { DEMO_ADMIN, DEMO_COUNTY, DEMO_PASSWORD, demoUnits, demoUsers } from "./demo-network.ts";

/**
 * Seeds the demo tenant through the real onboarding path, then its network and users. Ids are derived
 * from the tenant id and the demo keys, so a second run (or a run after a crash) adds only what is
 * missing. Returns false when the tenant existed already.
 */
export async function seedDemoTenant(deps: AppDeps): Promise<boolean> {
  let created = true;
  try {
    await onboardTenant(deps, {
      countyCode: DEMO_COUNTY.countyCode,
      name: DEMO_COUNTY.name,
      admin: { ...DEMO_ADMIN, password: DEMO_PASSWORD },
    });
  } catch (e) {
    if (!(e instanceof AppError && e.code === "TENANT_EXISTS")) throw e;
    created = false;
  }
  const tenant = (await deps.control.tenants.getByCountyCode(DEMO_COUNTY.countyCode))!;
  const table = await deps.tenantAccess.forTenant(tenant.id);
  const units = new UnitsRepository(table);
  const users = new UsersRepository(table);
  const at = tenant.createdAt;

  const idOf = (key: string) => (key === "root" ? tenant.rootUnitId : `${tenant.id}-${key}`);
  const pathOf = new Map<string, string>([["root", tenant.rootUnitId]]);
  for (const u of demoUnits) {
    const path = `${pathOf.get(u.parent)}/${idOf(u.key)}`;
    pathOf.set(u.key, path);
    const facts = { staff: u.staff, plaque: u.plaque, phone: u.phone, ledger: u.ledger };
    const unit: UnitRecord = {
      id: idOf(u.key),
      parentId: idOf(u.parent),
      type: u.type,
      name: u.name,
      address: u.address,
      ...facts,
      status: "active",
      version: 1,
      standards: fourOnesOf(facts),
      path,
      createdAt: at,
      updatedAt: at,
    };
    await units.createIfAbsent(unit);
  }

  // The demo's published password is the demo's own: the first admin need not replace it at login.
  const admin = await users.getByUsername(DEMO_ADMIN.username);
  if (admin?.mustChangePassword)
    await users.update(admin.id, admin.version, { updatedAt: at }, ["mustChangePassword"]);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of demoUsers) {
    if (await users.getByUsername(u.username)) continue;
    await users.create({
      id: `${tenant.id}-user-${u.username}`,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      unitId: idOf(u.unit),
      passwordHash,
      disabled: false,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
  }
  return created;
}
