import type { ReactNode } from "react";
import { Navigate, Route, Routes, useParams } from "react-router-dom";
import { ComingSoon, Forbidden, NotFound } from "./ComingSoon.tsx";
import { ConsoleLayout } from "./ConsoleLayout.tsx";
import { homePathFor, type NavKey, navItems } from "./nav.ts";
import { inLayout, type PageRoute, standalone } from "./page-routes.ts";
import { pages } from "./pages.ts";
import { useSession } from "./session.tsx";

/** Menu entries with a page of their own; the others say the feature is coming. */
const builtNav: ReadonlySet<NavKey> = new Set<NavKey>([
  "home",
  ...[...standalone, ...inLayout].flatMap((r) => (r.nav ? [r.nav] : [])),
]);

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
