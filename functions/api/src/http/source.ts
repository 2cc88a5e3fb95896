import { createHash } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
import type { Context } from "hono";
import { clientAddress } from "./client-address.ts";
import type { AppEnv } from "./env.ts";

/**
 * The network one client stands for: an IPv4 address, or an IPv6 /64 — a home, an office or a phone is
 * given a whole /64, so its 2^64 addresses are one source, not 2^64 fresh ones.
 */
export function sourceNetwork(ip: string): string {
  const address = ip.replace(/%.*$/, "").toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1]!;
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return "unknown";
  // A trailing dotted quad stands for the last two groups.
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const hex = quad
    ? address.replace(
        quad[0],
        [0, 2].map((i) => ((Number(quad[1 + i]) << 8) | Number(quad[2 + i])).toString(16)).join(":"),
      )
    : address;
  const [head = "", tail] = hex.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

/**
 * The request's source for rate limits: the client's address (http/client-address.ts — CloudFront's word
 * only when the request provably came through it), widened to its network and kept only as a hash, per
 * purpose (the public intake's and the login's sources cannot be joined).
 */
export function sourceOf<E extends AppEnv>(c: Context<E>, purpose: "public" | "login"): string {
  const network = sourceNetwork(clientAddress(c, c.var.deps.originSecret));
  return createHash("sha256").update(`weiquan-${purpose}:${network}`).digest("hex").slice(0, 20);
}
