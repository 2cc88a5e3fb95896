import { Unavailable } from "@weiquan/domain";
import type { TenantFiles } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";
import type { AppDeps } from "../deps.ts";

/** The caller's tenant's files (its own key prefix, signed with its own session in AWS). */
export function tenantFiles(deps: AppDeps, scope: Pick<Scope, "table">): TenantFiles {
  if (!deps.files) throw Unavailable("文件存储未配置", 30);
  return deps.files.forTenant(scope.table);
}
