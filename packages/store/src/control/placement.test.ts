import { describe, expect, it } from "vitest";
import { deploymentPlacement, foreignPlacement, placementOf } from "./placement.ts";

const here = { region: "cn-north-1", account: "111122223333" };

describe("a deployment's placement", () => {
  it("is the function's region and the account the stacks put in its environment", () => {
    expect(deploymentPlacement({ AWS_REGION: "cn-north-1", WEIQUAN_ACCOUNT_ID: "111122223333" })).toEqual(
      here,
    );
  });

  it("stops the function at start when either is missing or the account is not an account id", () => {
    expect(() => deploymentPlacement({ WEIQUAN_ACCOUNT_ID: "111122223333" })).toThrow(
      "AWS_REGION is required",
    );
    expect(() => deploymentPlacement({ AWS_REGION: "cn-north-1" })).toThrow("12-digit account id");
    expect(() =>
      deploymentPlacement({ AWS_REGION: "cn-north-1", WEIQUAN_ACCOUNT_ID: "not-an-account" }),
    ).toThrow("12-digit account id");
  });
});

describe("a tenant's placement", () => {
  it("is its own when recorded, the deployment's for a record from before placements were recorded", () => {
    const ningxia = { region: "cn-northwest-1", account: "444455556666" };
    expect(placementOf(ningxia, here)).toEqual(ningxia);
    expect(placementOf({}, here)).toEqual(here);
  });

  it("names both places when the tenant lives in another cell", () => {
    expect(foreignPlacement(here, here)).toBeNull();
    expect(foreignPlacement({}, here)).toBeNull();
    expect(foreignPlacement({ region: "cn-north-1", account: "444455556666" }, here)).toBe(
      "the tenant lives in cn-north-1 / 444455556666, not in this deployment (cn-north-1 / 111122223333)",
    );
  });
});
