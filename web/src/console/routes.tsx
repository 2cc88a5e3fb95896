import type { ReactNode } from "react";
import { matchRoutes, Navigate, Route, Routes, useParams } from "react-router-dom";
import { ComingSoon, Forbidden, NotFound } from "./ComingSoon.tsx";
import { ConsoleLayout } from "./ConsoleLayout.tsx";
import { homePathFor, type NavKey, navItems } from "./nav.ts";
import { type LazyPage, pages } from "./pages.ts";
import { SECURITY_PATH } from "./paths.ts";
import { useSession } from "./session.tsx";

/** A page at a path, shown to the roles of its menu entry (`nav`); without one, to every signed-in user. */
interface PageRoute {
  path: string;
  page: LazyPage;
  nav?: NavKey;
}

/** Pages that print on their own: no console menu or header around them. */
const standalone: PageRoute[] = [
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
const inLayout: PageRoute[] = [
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

/** Menu entries with a page of their own; the others say the feature is coming. */
const builtNav: ReadonlySet<NavKey> = new Set<NavKey>([
  "home",
  ...[...standalone, ...inLayout].flatMap((r) => (r.nav ? [r.nav] : [])),
]);

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

/** Renders a page only for the roles its menu entry lists. */
function Guard({ nav, children }: { nav: NavKey; children: ReactNode }) {
  const { me } = useSession();
  const item = navItems.find((i) => i.key === nav);
  if (!item?.roles.includes(me.user.role)) return <Forbidden />;
  return children;
}

/** A point's staff have no network menu, yet print their own point's contact card (联系卡). */
function ContactCardGuard({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const { id } = useParams();
  if (me.user.role === "point_staff" && me.unit && me.unit.id === id) return children;
  return <Guard nav="network">{children}</Guard>;
}

function IndexRoute() {
  const { me } = useSession();
  const home = homePathFor(me.user.role);
  if (home !== "/") return <Navigate to={home} replace />;
  return (
    <Guard nav="home">
      <pages.home.Page />
    </Guard>
  );
}

function guarded({ path, nav, page: { Page } }: PageRoute) {
  const element = nav ? (
    <Guard nav={nav}>
      <Page />
    </Guard>
  ) : (
    <Page />
  );
  return <Route key={path} path={path} element={element} />;
}

/** The console's route table. */
export function ConsoleRoutes() {
  return (
    <Routes>
      {/* The contact card prints on its own too. */}
      <Route
        path="network/:id/card"
        element={
          <ContactCardGuard>
            <pages.contactCard.Page />
          </ContactCardGuard>
        }
      />
      {standalone.map(guarded)}
      <Route element={<ConsoleLayout />}>
        <Route index element={<IndexRoute />} />
        {inLayout.map(guarded)}
        {navItems
          .filter((item) => !builtNav.has(item.key))
          .map((item) => (
            <Route
              key={item.key}
              path={`${item.path.slice(1)}/*`}
              element={
                <Guard nav={item.key}>
                  <ComingSoon nav={item.key} />
                </Guard>
              }
            />
          ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
