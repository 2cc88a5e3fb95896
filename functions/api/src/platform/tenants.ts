import {
  Conflict,
  NotFound,
  newId,
  type OnboardTenantInput,
  type Tenant,
  Unavailable,
  Unprocessable,
} from "@weiquan/domain";
import { logger } from "@weiquan/runtime/observability";
import {
  type Placement,
  placementOf,
  provisioningStepsOf,
  type TenantRecord,
  tenantTableName,
} from "@weiquan/store";
import { hashPassword } from "../auth/password.ts";
import { assertStrongPassword } from "../auth/password-policy.ts";
import type { AppDeps } from "../deps.ts";

/** @deprecated import `newId` from `@weiquan/domain` (the shared ids module); kept for in-flight branches. */
export { newId };

/**
 * The public view of a tenant: where it lives, progress of provisioning, never the pending admin's hash.
 * `here` is this deployment's placement (a record from before placements were recorded lives here).
 */
export function tenantView(t: TenantRecord, here: Placement): Tenant {
  return {
    id: t.id,
    countyCode: t.countyCode,
    name: t.name,
    status: t.status,
    tableName: t.tableName,
    ...placementOf(t, here),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    ...(t.suspendedAt ? { suspendedAt: t.suspendedAt } : {}),
    ...(t.deletedAt ? { deletedAt: t.deletedAt } : {}),
    provisioning: { steps: provisioningStepsOf(t), done: t.provisioning.done, error: t.provisioning.error },
  };
}

/**
 * Onboarding claims the county code and records everything provisioning needs (ids included), then
 * provisions. A second call for a county whose tenant is still `provisioning` resumes that tenant
 * instead of making another: a crashed or retried onboarding converges on one table and one admin.
 */
export async function onboardTenant(
  deps: AppDeps,
  input: OnboardTenantInput,
): Promise<{ created: boolean; tenant: Tenant }> {
  // The county code list loads only here (onboarding), not on every cold start of the api.
  const { hasCountyDivisions } = await import("@weiquan/divisions");
  if (input.prepopulate && !hasCountyDivisions(input.countyCode)) {
    throw Unprocessable(
      `行政区划数据中没有代码为 ${input.countyCode} 的县级区划，无法预置服务站/服务点；请核对代码，或不勾选“预置”开通租户`,
      "PREPOPULATE_UNAVAILABLE",
      { countyCode: input.countyCode },
    );
  }
  const existing = await deps.control.tenants.getByCountyCode(input.countyCode);
  if (existing) return { created: false, tenant: await resume(deps, existing) };

  await assertStrongPassword(
    input.admin.password,
    { ...input.admin, countyCode: input.countyCode },
    "admin.password",
  );
  const now = deps.now().toISOString();
  const id = newId();
  const record: TenantRecord = {
    id,
    countyCode: input.countyCode,
    name: input.name,
    status: "provisioning",
    tableName: tenantTableName(deps.stage, id),
    ...deps.placement,
    createdAt: now,
    updatedAt: now,
    version: 1,
    rootUnitId: newId(),
    adminUserId: newId(),
    prepopulate: input.prepopulate ?? false,
    pendingAdmin: {
      username: input.admin.username.toLowerCase(),
      displayName: input.admin.displayName,
      passwordHash: await hashPassword(input.admin.password),
    },
    provisioning: { done: [], error: null },
  };
  if (!(await deps.control.tenants.create(record))) {
    // Lost a race for the county code: the winner's tenant is the answer.
    const winner = await deps.control.tenants.getByCountyCode(input.countyCode);
    if (!winner) throw Unavailable();
    return { created: false, tenant: await resume(deps, winner) };
  }
  return { created: true, tenant: await provision(deps, record.id) };
}

async function resume(deps: AppDeps, t: TenantRecord): Promise<Tenant> {
  if (t.status !== "provisioning") {
    throw Conflict(`行政区划代码 ${t.countyCode} 已开通租户「${t.name}」`, "TENANT_EXISTS", {
      tenantId: t.id,
    });
  }
  return provision(deps, t.id);
}

async function provision(deps: AppDeps, id: string): Promise<Tenant> {
  try {
    await deps.startProvisioning(id);
  } catch (e) {
    logger.error("provisioning failed", { tenantId: id, error: e as Error });
    throw Unavailable("租户开通未完成，已记录进度；请稍后重试同一请求以继续开通", 5);
  }
  return tenantView((await deps.control.tenants.get(id))!, deps.placement);
}

export async function getTenant(deps: AppDeps, id: string): Promise<TenantRecord> {
  const t = await deps.control.tenants.get(id);
  if (!t) throw NotFound("租户");
  return t;
}

/** suspend: active → suspended; resume: suspended → active. Data is kept either way. */
export async function setTenantSuspended(deps: AppDeps, id: string, suspended: boolean): Promise<Tenant> {
  const t = await getTenant(deps, id);
  const [from, to] = suspended ? (["active", "suspended"] as const) : (["suspended", "active"] as const);
  const changed = await deps.control.tenants.changeStatus(id, [from], to, deps.now().toISOString());
  if (!changed) {
    throw Unprocessable(
      `租户当前状态为 ${t.status}，不能${suspended ? "暂停" : "恢复"}`,
      "ILLEGAL_TENANT_TRANSITION",
      { status: t.status },
    );
  }
  return tenantView(changed, deps.placement);
}
