import { type Role, tenantRoles } from "@weiquan/domain/auth/roles";
import type { Messages } from "../i18n/messages.ts";

export type NavKey =
  | "home"
  | "ledger"
  | "network"
  | "users"
  | "figures"
  | "supervision"
  | "sampling"
  | "inspections"
  | "assessment"
  | "campaigns"
  | "outreach"
  | "settings"
  | "audit"
  | "tenants";

type LabelKey = {
  [K in keyof Messages]: Messages[K] extends string ? (K extends `nav${string}` ? K : never) : never;
}[keyof Messages];

export interface NavItem {
  key: NavKey;
  path: string;
  label: LabelKey;
  /** Who sees it in the menu and may open it (product.md § Roles). */
  roles: readonly Role[];
  /** The menu group it sits in (the group's own entry opens and closes; its path only redirects). */
  group?: NavKey;
}

const allTenantRoles = tenantRoles;

/** The console's pages, in menu order. The route guard and the menu read the same list. */
export const navItems: readonly NavItem[] = [
  { key: "home", path: "/", label: "navHome", roles: allTenantRoles },
  {
    key: "ledger",
    path: "/cases",
    label: "navLedger",
    // The governance office reads the ledger too, with personal data masked and no actions.
    roles: [
      "bureau_admin",
      "bureau_staff",
      "office_staff",
      "station_staff",
      "point_staff",
      "governance_viewer",
    ],
  },
  {
    key: "network",
    path: "/network",
    label: "navNetwork",
    roles: ["bureau_admin", "bureau_staff", "office_staff", "station_staff"],
  },
  { key: "users", path: "/users", label: "navUsers", roles: ["bureau_admin"] },
  { key: "figures", path: "/figures", label: "navFigures", roles: allTenantRoles },
  // 监督检查: a group. Stations and points answer here (follow-ups, rectifications); the governance office reads.
  { key: "supervision", path: "/supervision", label: "navSupervision", roles: allTenantRoles },
  {
    key: "sampling",
    path: "/supervision/sampling",
    label: "navSampling",
    roles: allTenantRoles,
    group: "supervision",
  },
  {
    key: "inspections",
    path: "/supervision/inspections",
    label: "navInspections",
    roles: allTenantRoles,
    group: "supervision",
  },
  {
    key: "assessment",
    path: "/assessment",
    label: "navAssessment",
    roles: allTenantRoles,
    group: "supervision",
  },
  {
    key: "campaigns",
    path: "/campaigns",
    label: "navCampaigns",
    roles: allTenantRoles,
    group: "supervision",
  },
  {
    key: "outreach",
    path: "/outreach",
    label: "navOutreach",
    roles: ["bureau_admin", "bureau_staff", "office_staff", "station_staff", "point_staff"],
  },
  { key: "settings", path: "/settings", label: "navSettings", roles: ["bureau_admin"] },
  { key: "audit", path: "/audit", label: "navAudit", roles: ["bureau_admin"] },
  { key: "tenants", path: "/tenants", label: "navTenants", roles: ["platform_admin"] },
];

export function navFor(role: Role): NavItem[] {
  return navItems.filter((item) => item.roles.includes(role));
}

/** Where someone lands after login. */
export function homePathFor(role: Role): string {
  return role === "platform_admin" ? "/tenants" : "/";
}

/** The menu entry a location belongs to (longest matching path). */
export function navKeyOf(pathname: string): NavKey | undefined {
  let best: NavItem | undefined;
  for (const item of navItems) {
    const matches =
      item.path === "/" ? pathname === "/" : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (matches && (!best || item.path.length > best.path.length)) best = item;
  }
  return best?.key;
}
