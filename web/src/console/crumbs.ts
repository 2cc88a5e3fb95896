import type { Messages } from "../i18n/messages.ts";
import { navItems, navKeyOf } from "./nav.ts";
import { SECURITY_PATH } from "./paths.ts";

type Label = {
  [K in keyof Messages]: Messages[K] extends string
    ? K extends `nav${string}` | `crumb${string}`
      ? K
      : never
    : never;
}[keyof Messages];

/** One step of the breadcrumb trail; `path` when it leads somewhere other than the page shown. */
export interface Crumb {
  label: Label;
  path?: string;
}

/** What a page below a menu entry is called (a case, a new case, an assessment …). */
function detailOf(pathname: string): Label {
  if (pathname === "/cases/new") return "crumbIntake";
  if (pathname.startsWith("/cases/")) return "crumbCase";
  return "crumbDetail";
}

/**
 * The trail from 首页 to the page at `pathname`: the menu group, the menu entry, and a detail step for a
 * page below it. Empty on the home page itself and on paths outside the menu.
 */
export function crumbsOf(pathname: string): Crumb[] {
  if (pathname === "/") return [];
  const home: Crumb = { label: "navHome", path: "/" };
  if (pathname === SECURITY_PATH) return [home, { label: "crumbSecurity" }];
  const key = navKeyOf(pathname);
  const item = navItems.find((i) => i.key === key);
  if (!item || item.path === "/") return [];
  const trail: Crumb[] = [home];
  const group = item.group && navItems.find((i) => i.key === item.group);
  // A group's own path only redirects to its first entry: named, not linked.
  if (group) trail.push({ label: group.label });
  // (the outreach page's tabs live in its own address; they are one page)
  const below = pathname !== item.path && item.key !== "outreach";
  trail.push({ label: item.label, path: below ? item.path : undefined });
  if (below) trail.push({ label: detailOf(pathname) });
  return trail;
}
