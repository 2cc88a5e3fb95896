import { mkdtempSync, writeFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { securityHeaders } from "@weiquan/runtime/security-headers";
import { describe, expect, it } from "vitest";
import { createBridgeServer, toEvent } from "./bridge.ts";

const request = (o: Partial<IncomingMessage> & { headers: Record<string, string> }) =>
  ({ httpVersion: "1.1", socket: { remoteAddress: "127.0.0.1" }, ...o }) as unknown as IncomingMessage;

describe("API Gateway payload 2.0 bridge", () => {
  it("turns a request into the event API Gateway would send", () => {
    const body = Buffer.from('{"a":1}');
    const e = toEvent(
      request({
        method: "POST",
        url: "/v1/cases?status=registered&kind=complaint",
        headers: { "content-type": "application/json", cookie: "a=1; b=2", host: "localhost:3000" },
      }),
      body,
    );
    expect(e).toMatchObject({
      version: "2.0",
      routeKey: "$default",
      rawPath: "/v1/cases",
      rawQueryString: "status=registered&kind=complaint",
      queryStringParameters: { status: "registered", kind: "complaint" },
      cookies: ["a=1", "b=2"],
      body: '{"a":1}',
      isBase64Encoded: false,
      requestContext: { http: { method: "POST", path: "/v1/cases", sourceIp: "127.0.0.1" } },
    });
    expect(e.headers).not.toHaveProperty("cookie");
  });

  it("base64-encodes binary bodies and joins repeated query parameters with commas", () => {
    const e = toEvent(
      request({ method: "PUT", url: "/v1/x?tag=a&tag=b", headers: { "content-type": "image/png" } }),
      Buffer.from([0xff, 0x00]),
    );
    expect(e.isBase64Encoded).toBe(true);
    expect(e.body).toBe("/wA=");
    expect(e.queryStringParameters).toEqual({ tag: "a,b" });
  });
});

describe("the local console", () => {
  it("is served with the security headers CloudFront sets, from the same definition", async () => {
    const root = mkdtempSync(join(tmpdir(), "console-"));
    writeFileSync(join(root, "index.html"), "<!doctype html><title>x</title>");
    const server = createBridgeServer(async () => ({ statusCode: 204 }), { staticDir: root });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    try {
      const { port } = server.address() as { port: number };
      for (const path of ["/", "/cases/123"]) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        expect(res.status).toBe(200);
        for (const [name, value] of Object.entries(securityHeaders()))
          expect(res.headers.get(name)).toBe(value);
      }
    } finally {
      server.close();
    }
  });
});
