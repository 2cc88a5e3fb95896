import { Conflict, Forbidden, NotFound } from "@weiquan/domain";
import type { TenantRecord } from "@weiquan/store";

/** A tenant that may serve requests now; otherwise the clear error its users see. */
export function assertTenantServing(t: TenantRecord | null): asserts t is TenantRecord {
  if (!t || t.status === "offboarded") throw NotFound("租户");
  if (t.status === "suspended") {
    throw Forbidden(
      `「${t.name}」的账户已被平台暂停使用，数据已保留。请联系平台运维恢复。`,
      "TENANT_SUSPENDED",
    );
  }
  if (t.status === "provisioning") {
    throw Conflict(`「${t.name}」正在开通中，请稍后再试。`, "TENANT_PROVISIONING");
  }
}
