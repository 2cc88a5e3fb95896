import { createHash, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";

/**
 * The header CloudFront adds to every origin request of the stage's distribution, carrying the stage's
 * origin secret: the proof that a request came through CloudFront (the execute-api URL stays reachable).
 */
export const ORIGIN_VERIFY_HEADER = "x-weiquan-origin-verify";

/** The event fields the address comes from (API Gateway HTTP API, payload 2.0; the local bridge fills them). */
interface AddressEnv {
  requestContext?: { http?: { sourceIp?: string } };
}

const digest = (value: string) => createHash("sha256").update(value).digest();
const sameSecret = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

/** `198.51.100.7:46532` or `2001:db8::7:46532` (CloudFront-Viewer-Address: the address, a colon, the port). */
const withoutPort = (viewerAddress: string) => viewerAddress.slice(0, viewerAddress.lastIndexOf(":"));

/**
 * The client's address, from the one source that can be trusted for this request:
 * - through CloudFront (the origin-verify header carries the stage's secret): `CloudFront-Viewer-Address`
 *   (commercial: the origin request policy forwards it), else the entry CloudFront appended to
 *   `X-Forwarded-For` (China: legacy cache behaviours cannot forward CloudFront-Viewer-Address, but CloudFront
 *   always appends the viewer to X-Forwarded-For; API Gateway's own entry, equal to `sourceIp`, is skipped);
 * - otherwise — a direct call to the execute-api URL, a wrong secret, no secret configured (local) — the
 *   peer API Gateway saw (`requestContext.http.sourceIp`). Forwarding headers are then ignored: a client
 *   writes them itself.
 */
export function clientAddress(c: Context, originSecret: string | undefined): string {
  const sourceIp = (c.env as AddressEnv | undefined)?.requestContext?.http?.sourceIp ?? "unknown";
  const proof = c.req.header(ORIGIN_VERIFY_HEADER);
  if (!originSecret || !proof || !sameSecret(proof, originSecret)) return sourceIp;
  const viewer = c.req.header("cloudfront-viewer-address");
  if (viewer?.includes(":")) return withoutPort(viewer.trim());
  const forwarded = (c.req.header("x-forwarded-for") ?? "").split(",").map((s) => s.trim());
  while (forwarded.length > 1 && forwarded.at(-1) === sourceIp) forwarded.pop();
  return forwarded.at(-1) || sourceIp;
}
