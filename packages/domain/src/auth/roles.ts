import { z } from "zod";

export const tenantRoles = [
  "bureau_admin",
  "bureau_staff",
  "office_staff",
  "station_staff",
  "point_staff",
  "governance_viewer",
] as const;
export const roles = ["platform_admin", ...tenantRoles] as const;

/**
 * The roles that see the whole tenant (product.md § Roles): the bureau's admin and staff, and the
 * governance office (read only). Every other tenant role sees its own unit's subtree. The one list.
 */
export const wholeTenantRoles = ["bureau_admin", "bureau_staff", "governance_viewer"] as const;
export const seesWholeTenant = (role: string): boolean =>
  (wholeTenantRoles as readonly string[]).includes(role);

export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;
export const TenantRole = z.enum(tenantRoles);
export type TenantRole = z.infer<typeof TenantRole>;

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  platform_admin: { zh: "平台运维", en: "Platform operator" },
  bureau_admin: { zh: "县局管理员", en: "Bureau administrator" },
  bureau_staff: { zh: "县局工作人员", en: "Bureau staff" },
  office_staff: { zh: "监管所工作人员", en: "Office staff" },
  station_staff: { zh: "服务站工作人员", en: "Station staff" },
  point_staff: { zh: "服务点工作人员", en: "Point staff" },
  governance_viewer: { zh: "综治办（只读）", en: "Governance viewer (read-only)" },
};
