import { matchRoutes } from "react-router-dom";
import type { NavKey } from "./nav.ts";
import { type LazyPage, pages } from "./pages.ts";
import { SECURITY_PATH } from "./paths.ts";

/**
 * Which page's code each console path loads. Apart from the route table (routes.tsx) so the entry can
 * start loading the opened page's code alongside the console's own, without waiting for the layout.
 */

/** A page at a path, shown to the roles of its menu entry (`nav`); without one, to every signed-in user. */
export interface PageRoute {
  path: string;
  page: LazyPage;
  nav?: NavKey;
}

/** Pages that print on their own: no console menu or header around them. */
export const standalone: PageRoute[] = [
  // The paper ledger (打印台账).
  { path: "cases/print", nav: "ledger", page: pages.ledgerPrint },
  // The documents of several cases (批量打印文书), one A4 page each.
  { path: "cases/print-documents", nav: "ledger", page: pages.batchPrint },
  // Case documents (文书).
  { path: "cases/:id/documents/:doc", nav: "ledger", page: pages.caseDocument },
  // The period report.
  { path: "figures/report", nav: "figures", page: pages.figuresReport },
  { path: "supervision/rounds/:id/print", nav: "sampling", page: pages.roundPrint },
  // The assessment's ranking and each unit's sheet.
  { path: "assessment/:id/print", nav: "assessment", page: pages.assessmentPrint },
  { path: "assessment/:id/print/:unitId", nav: "assessment", page: pages.assessmentPrint },
  { path: "campaigns/:id/report", nav: "campaigns", page: pages.campaignReport },
];

/** Pages inside the console's menu and header. */
export const inLayout: PageRoute[] = [
  { path: "figures", nav: "figures", page: pages.figures },
  { path: "cases", nav: "ledger", page: pages.ledger },
  { path: "cases/new", nav: "ledger", page: pages.intake },
  { path: "cases/:id", nav: "ledger", page: pages.case },
  { path: SECURITY_PATH.slice(1), page: pages.security },
  { path: "tenants", nav: "tenants", page: pages.tenants },
  { path: "network", nav: "network", page: pages.network },
  { path: "users", nav: "users", page: pages.users },
  { path: "settings", nav: "settings", page: pages.settings },
  { path: "audit", nav: "audit", page: pages.audit },
  { path: "supervision", nav: "supervision", page: pages.supervision },
  { path: "supervision/sampling", nav: "sampling", page: pages.sampling },
  { path: "supervision/inspections", nav: "inspections", page: pages.inspections },
  { path: "assessment", nav: "assessment", page: pages.assessment },
  { path: "assessment/:id", nav: "assessment", page: pages.assessmentDetail },
  { path: "outreach/*", nav: "outreach", page: pages.capacity },
  { path: "campaigns", nav: "campaigns", page: pages.campaigns },
  { path: "campaigns/:id", nav: "campaigns", page: pages.campaignDetail },
];

/** Starts loading the code of the page at `pathname` (as the console boots, alongside the session read). */
export function preloadPage(pathname: string): void {
  const routes = [
    { path: "/", page: pages.home },
    { path: "/network/:id/card", page: pages.contactCard },
    ...[...standalone, ...inLayout].map((r) => ({ path: `/${r.path}`, page: r.page })),
  ];
  const match = matchRoutes(routes, pathname)?.[0]?.route as { page: LazyPage } | undefined;
  void match?.page.load().catch(() => undefined);
}
