import { Conflict, newId, type Tenant, type TenantExport, Unavailable, Unprocessable } from "@weiquan/domain";
import { logger } from "@weiquan/runtime/observability";
import { type ExportRecord, tenantUsage } from "@weiquan/store";
import type { AppDeps } from "../deps.ts";
import { getTenant, tenantView } from "./tenants.ts";

const log = (message: string, fields: Record<string, unknown>) => logger.error(message, fields);

/**
 * One tenant with its usage figures while its table exists (active or suspended). Bounded cost: the
 * root unit's rollup partition, one units query, one users query, DescribeTable — never the cases.
 */
export async function tenantDetail(deps: AppDeps, id: string): Promise<Tenant> {
  const t = await getTenant(deps, id);
  if (t.status !== "active" && t.status !== "suspended") return tenantView(t, deps.placement);
  const table = await deps.tenantAccess.forTenant(t.id);
  return { ...tenantView(t, deps.placement), usage: await tenantUsage(table, t.rootUnitId, deps.now()) };
}

/**
 * Records a `running` export and starts it. Locally it has finished by the time this returns; in AWS the
 * provisioner runs it. A start that fails leaves the export `failed` with the reason, never `running`.
 */
export async function startTenantExport(
  deps: AppDeps,
  id: string,
): Promise<{ exportId: string; status: TenantExport["status"] }> {
  const t = await getTenant(deps, id);
  if (t.status !== "active" && t.status !== "suspended") {
    throw Unprocessable(`租户当前状态为 ${t.status}，没有可导出的数据表`, "TENANT_NOT_EXPORTABLE", {
      status: t.status,
    });
  }
  const exportId = newId();
  const record: ExportRecord = {
    exportId,
    tenantId: t.id,
    status: "running",
    location: deps.exportLocation(t.id, exportId),
    format: "dynamodb-json-lines+gzip",
    startedAt: deps.now().toISOString(),
    completedAt: null,
    itemCount: null,
    bytes: null,
    sha256: null,
    error: null,
  };
  await deps.control.exports.create(record);
  try {
    await deps.startExport(t.id, exportId);
  } catch (e) {
    log("export failed to start", { tenantId: t.id, exportId, error: String(e) });
    await deps.control.exports.fail(t.id, exportId, `导出未能启动：${String(e)}`, deps.now().toISOString());
  }
  const now = await deps.control.exports.get(t.id, exportId);
  return { exportId, status: now?.status ?? "failed" };
}

/**
 * Deletes a tenant's data for good: only a suspended tenant (so nothing is written after its export)
 * with a completed export started after the suspension. Drops the table, frees the county code and marks
 * the tenant `offboarded`; the tenant record and its exports stay for audit. A retry finishes a deletion
 * that stopped half-way and answers the same for one that is done.
 */
export async function deleteTenant(deps: AppDeps, id: string): Promise<Tenant> {
  const t = await getTenant(deps, id);
  if (t.status === "offboarded") return tenantView(t, deps.placement);
  const latest = await deps.control.exports.latestCompletedSince(t.id, "");
  if (!latest) {
    throw Conflict("删除租户前须先完成一次完整导出", "EXPORT_REQUIRED", { tenantId: t.id });
  }
  if (t.status !== "suspended") {
    throw Conflict("只能删除已暂停的租户：请先暂停，再导出，然后删除", "TENANT_NOT_SUSPENDED", {
      status: t.status,
    });
  }
  const suspendedAt = t.suspendedAt ?? t.updatedAt;
  if (latest.startedAt < suspendedAt) {
    throw Conflict("最近一次完整导出早于暂停时间，请在暂停后重新导出再删除", "EXPORT_REQUIRED", {
      tenantId: t.id,
      suspendedAt,
      latestExport: { exportId: latest.exportId, startedAt: latest.startedAt },
    });
  }
  const now = () => deps.now().toISOString();
  if (!(await deps.control.tenants.beginDeletion(t.id, now()))) return settled(deps, t.id);
  try {
    await deps.dropTenantTable(t.id);
  } catch (e) {
    log("dropping a tenant table failed", { tenantId: t.id, error: String(e) });
    throw Unavailable("租户数据表删除未完成，已记录进度；请稍后重试同一请求以继续删除", 5);
  }
  if (!(await deps.control.tenants.finishDeletion(t, now()))) return settled(deps, t.id);
  return tenantView(await getTenant(deps, t.id), deps.placement);
}

/** A concurrent request changed the tenant: done if it was deleted, otherwise the status says why not. */
async function settled(deps: AppDeps, id: string): Promise<Tenant> {
  const t = await getTenant(deps, id);
  if (t.status === "offboarded") return tenantView(t, deps.placement);
  throw Conflict("只能删除已暂停的租户：请先暂停，再导出，然后删除", "TENANT_NOT_SUSPENDED", {
    status: t.status,
  });
}
