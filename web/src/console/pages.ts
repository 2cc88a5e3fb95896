import { type ComponentType, type LazyExoticComponent, lazy } from "react";

/** A page's code: loaded when first shown, or earlier by {@link preloadPage} as the console boots. */
export interface LazyPage {
  load: () => Promise<unknown>;
  Page: LazyExoticComponent<ComponentType>;
}

function page(load: () => Promise<{ default: ComponentType }>): LazyPage {
  return { load, Page: lazy(load) };
}

/** Every console page, each its own chunk. */
export const pages = {
  home: page(() => import("../pages/HomePage.tsx")),
  tenants: page(() => import("../pages/TenantsPage.tsx")),
  network: page(() => import("../pages/network/NetworkPage.tsx")),
  contactCard: page(() => import("../pages/network/ContactCardPage.tsx")),
  users: page(() => import("../pages/users/UsersPage.tsx")),
  settings: page(() => import("../pages/settings/SettingsPage.tsx")),
  security: page(() => import("../pages/AccountSecurityPage.tsx")),
  figures: page(() => import("../pages/figures/FiguresPage.tsx")),
  figuresReport: page(() => import("../pages/figures/ReportPage.tsx")),
  ledger: page(() => import("../pages/cases/LedgerPage.tsx")),
  ledgerPrint: page(() => import("../pages/cases/LedgerPrintPage.tsx")),
  intake: page(() => import("../pages/cases/IntakePage.tsx")),
  case: page(() => import("../pages/cases/CasePage.tsx")),
  caseDocument: page(() => import("../pages/cases/documents/DocumentPage.tsx")),
  batchPrint: page(() => import("../pages/cases/documents/BatchPrintPage.tsx")),
  audit: page(() => import("../pages/audit/AuditPage.tsx")),
  capacity: page(() => import("../pages/capacity/CapacityPage.tsx")),
  supervision: page(() => import("../pages/supervision/SupervisionIndex.tsx")),
  sampling: page(() => import("../pages/supervision/SamplingPage.tsx")),
  roundPrint: page(() => import("../pages/supervision/RoundPrint.tsx")),
  inspections: page(() => import("../pages/supervision/InspectionsPage.tsx")),
  assessment: page(() => import("../pages/assessment/AssessmentPage.tsx")),
  assessmentDetail: page(() => import("../pages/assessment/AssessmentDetail.tsx")),
  assessmentPrint: page(() => import("../pages/assessment/AssessmentPrint.tsx")),
  changePassword: page(() => import("../pages/ChangePasswordPage.tsx")),
  campaigns: page(() => import("../pages/campaigns/CampaignsPage.tsx")),
  campaignDetail: page(() => import("../pages/campaigns/CampaignDetail.tsx")),
  campaignReport: page(() => import("../pages/campaigns/CampaignReport.tsx")),
} satisfies Record<string, LazyPage>;
