import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { clientAddress, ORIGIN_VERIFY_HEADER } from "./client-address.ts";

const SECRET = "origin-secret-0123456789";
/** What API Gateway reports as the peer: a CloudFront edge for requests through the distribution. */
const EDGE = "130.176.1.1";

const app = (secret: string | undefined) => new Hono().get("/", (c) => c.text(clientAddress(c, secret)));

const addressOf = async (headers: Record<string, string>, secret: string | null = SECRET) => {
  const res = await app(secret ?? undefined).request(
    "/",
    { headers },
    { requestContext: { http: { sourceIp: EDGE } } },
  );
  return res.text();
};

describe("the client's address", () => {
  it("is CloudFront-Viewer-Address without its port when the request carries CloudFront's secret", async () => {
    const through = { [ORIGIN_VERIFY_HEADER]: SECRET };
    expect(await addressOf({ ...through, "cloudfront-viewer-address": "198.51.100.7:46532" })).toBe(
      "198.51.100.7",
    );
    expect(await addressOf({ ...through, "cloudfront-viewer-address": "2001:db8::7:443" })).toBe(
      "2001:db8::7",
    );
  });

  it("is the entry CloudFront appended to X-Forwarded-For where it cannot forward the viewer header (China)", async () => {
    const through = { [ORIGIN_VERIFY_HEADER]: SECRET };
    // A client-written entry first, then CloudFront's, then API Gateway's own (the edge).
    expect(await addressOf({ ...through, "x-forwarded-for": `6.6.6.6, 198.51.100.9, ${EDGE}` })).toBe(
      "198.51.100.9",
    );
    expect(await addressOf({ ...through, "x-forwarded-for": "198.51.100.9" })).toBe("198.51.100.9");
    expect(await addressOf(through)).toBe(EDGE);
  });

  it("ignores every forwarding header without the right secret: direct calls count as their own peer", async () => {
    const spoofed = { "cloudfront-viewer-address": "198.51.100.7:1", "x-forwarded-for": "198.51.100.8" };
    expect(await addressOf(spoofed)).toBe(EDGE);
    expect(await addressOf({ ...spoofed, [ORIGIN_VERIFY_HEADER]: "guess" })).toBe(EDGE);
    expect(await addressOf({ ...spoofed, [ORIGIN_VERIFY_HEADER]: SECRET.slice(0, -1) })).toBe(EDGE);
    // No secret configured (local mode): the peer, whatever the headers say.
    expect(await addressOf({ ...spoofed, [ORIGIN_VERIFY_HEADER]: SECRET }, null)).toBe(EDGE);
  });
});
