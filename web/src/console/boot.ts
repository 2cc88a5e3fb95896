import type { QueryClient } from "@tanstack/react-query";
import { complianceQuery, meQuery, unitsQuery } from "../api/queries.ts";
import { newQueryClient } from "../api/query.ts";
import { categoriesQuery, figuresScope, headlineQuery, unitFiguresQuery } from "../pages/figures/queries.ts";
import { preloadPage } from "./page-routes.ts";

/**
 * The console's first cache, with its first reads already on their way: the session, the opened page's
 * code and, for the two pages a county's thousand units make heavy, their data. Each would otherwise
 * start only once the one before it had answered and rendered (session → layout → page code → page
 * reads), which on a 1,200-unit county was most of the wait.
 */
export function bootQueryClient(
  location: { pathname: string; search: string },
  token: string | null,
): QueryClient {
  const client = newQueryClient();
  if (!token) return client;
  void client.prefetchQuery(meQuery(token));
  preloadPage(location.pathname);
  if (location.pathname === "/network") {
    // The compliance card's read lists the same 1,200 units on the server: it waits for the tree's, so
    // the two do not share the API's time while the rows are awaited.
    void client.prefetchQuery(unitsQuery).then(() => client.prefetchQuery(complianceQuery));
  } else if (location.pathname === "/figures") {
    const { period, unitParam } = figuresScope(new URLSearchParams(location.search));
    void client.prefetchQuery(headlineQuery(period, unitParam));
    void client.prefetchQuery(categoriesQuery(period, unitParam));
    void client.prefetchQuery(unitFiguresQuery(period, unitParam));
  }
  return client;
}
