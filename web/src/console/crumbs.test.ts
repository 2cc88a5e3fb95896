import { describe, expect, it } from "vitest";
import { crumbsOf } from "./crumbs.ts";
import { SECURITY_PATH } from "./paths.ts";

describe("the breadcrumb trail", () => {
  it("is empty on the home page", () => {
    expect(crumbsOf("/")).toEqual([]);
  });

  it("names a menu page after 首页, not linked to itself", () => {
    expect(crumbsOf("/cases")).toEqual([{ label: "navHome", path: "/" }, { label: "navLedger" }]);
  });

  it("links back to the ledger from a case and from the intake", () => {
    expect(crumbsOf("/cases/01JABC")).toEqual([
      { label: "navHome", path: "/" },
      { label: "navLedger", path: "/cases" },
      { label: "crumbCase" },
    ]);
    expect(crumbsOf("/cases/new").at(-1)).toEqual({ label: "crumbIntake" });
  });

  it("names the menu group of a grouped page", () => {
    expect(crumbsOf("/assessment/42")).toEqual([
      { label: "navHome", path: "/" },
      { label: "navSupervision" },
      { label: "navAssessment", path: "/assessment" },
      { label: "crumbDetail" },
    ]);
    expect(crumbsOf("/supervision/sampling")).toEqual([
      { label: "navHome", path: "/" },
      { label: "navSupervision" },
      { label: "navSampling" },
    ]);
  });

  it("treats the outreach tabs as one page, and knows the security page", () => {
    expect(crumbsOf("/outreach/trainings")).toEqual([
      { label: "navHome", path: "/" },
      { label: "navOutreach" },
    ]);
    expect(crumbsOf(SECURITY_PATH)).toEqual([{ label: "navHome", path: "/" }, { label: "crumbSecurity" }]);
  });
});
