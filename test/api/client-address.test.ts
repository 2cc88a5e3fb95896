import { DEMO_OPERATOR, DEMO_PASSWORD } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";

/**
 * Which address the per-source limits count (functions/api/src/http/client-address.ts), through the real
 * handler: CloudFront's viewer headers are believed only with the stage's origin secret. The public
 * intake's filing limit (10 an hour per source) shows it: invalid bodies count and write nothing.
 */
const SECRET = "origin-secret-for-this-test-only";
const county = "110102";
let api: TestApi;

beforeAll(async () => {
  api = await startApi({ originSecret: SECRET });
  const operator = await api.login("platform", DEMO_OPERATOR.username, DEMO_PASSWORD);
  const onboarded = await api.call("POST", "/v1/platform/tenants", {
    token: operator,
    body: {
      countyCode: county,
      name: "北京市西城区市场监督管理局",
      admin: { username: "admin", displayName: "管理员", password: "Riverbank@2026" },
    },
  });
  expect(onboarded.body.status).toBe("active");
});
afterAll(() => api.close());

const file = (headers: Record<string, string>) =>
  api.call("POST", `/v1/public/${county}/cases`, { body: { kind: "complaint" }, headers });
const viaCloudFront = (viewer: string, secret = SECRET) => ({
  "x-weiquan-origin-verify": secret,
  "cloudfront-viewer-address": `${viewer}:50123`,
});

describe("the client address behind CloudFront", () => {
  it("counts each viewer CloudFront names on its own, when the request carries the origin secret", async () => {
    for (let i = 0; i < 10; i++) expect((await file(viaCloudFront("198.51.100.1"))).status).toBe(400);
    expectError(await file(viaCloudFront("198.51.100.1")), 429, "RATE_LIMITED");
    // Another viewer behind the same edge is not held back by the first.
    expect((await file(viaCloudFront("198.51.100.2"))).status).toBe(400);
  });

  it("counts a direct caller by its own address, whatever viewer headers it writes", async () => {
    for (let i = 0; i < 10; i++) {
      const spoofed = {
        "cloudfront-viewer-address": `203.0.113.${i}:1`,
        "x-forwarded-for": `203.0.113.${i}`,
      };
      expect((await file(spoofed)).status).toBe(400);
    }
    expectError(await file({ "x-forwarded-for": "203.0.113.99" }), 429, "RATE_LIMITED");
    // A guessed secret is no better: still the caller's own (now limited) address.
    expectError(await file(viaCloudFront("203.0.113.100", "guessed-secret")), 429, "RATE_LIMITED");
  });
});
