import { randomUUID } from "node:crypto";
import { createReadStream, existsSync, statSync } from "node:fs";
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { securityHeaders } from "@weiquan/runtime/security-headers";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

const MAX_BODY = 6 * 1024 * 1024; // API Gateway's payload limit for Lambda

/** Turns a Node request into the API Gateway HTTP API (payload 2.0) event Lambda would receive. */
export function toEvent(req: IncomingMessage, body: Buffer): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? "/", "http://localhost");
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    if (k === "cookie") cookies.push(...String(v).split(/;\s*/));
    else headers[k] = Array.isArray(v) ? v.join(",") : v;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const isText = /json|text|xml|urlencoded|javascript/.test(headers["content-type"] ?? "json");
  const now = new Date();
  const requestId = randomUUID();
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: cookies.length ? cookies : undefined,
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      domainName: headers.host ?? "localhost",
      domainPrefix: "local",
      http: {
        method: req.method ?? "GET",
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? "127.0.0.1",
        userAgent: headers["user-agent"] ?? "",
      },
      requestId,
      routeKey: "$default",
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body.length ? (isText ? body.toString("utf8") : body.toString("base64")) : undefined,
    isBase64Encoded: body.length > 0 && !isText,
  };
}

/** The api function's timeout unless the server is told otherwise (API Gateway itself gives up at 30 s). */
export const FUNCTION_TIMEOUT_MS = 29_000;

/** A Lambda context whose remaining time counts down from the function timeout, as in AWS. */
const lambdaContext = (requestId: string, timeoutMs: number, started = Date.now()): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: "weiquan-api-local",
  functionVersion: "$LATEST",
  invokedFunctionArn: "arn:aws:lambda:local:000000000000:function:weiquan-api-local",
  memoryLimitInMB: "1024",
  awsRequestId: requestId,
  logGroupName: "/aws/lambda/weiquan-api-local",
  logStreamName: "local",
  getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - started)),
  done: () => {},
  fail: () => {},
  succeed: () => {},
});

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function writeResult(res: ServerResponse, result: APIGatewayProxyResultV2) {
  if (typeof result === "string") {
    res.writeHead(200, { "content-type": "application/json" }).end(result);
    return;
  }
  const headers: Record<string, string | string[]> = { ...(result.headers as Record<string, string>) };
  if (result.cookies?.length) headers["set-cookie"] = result.cookies;
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(result.body ? Buffer.from(result.body, result.isBase64Encoded ? "base64" : "utf8") : undefined);
}

const mime: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/**
 * The console's security headers: the very definition CloudFront's response headers policy is built
 * from, so the local console and the browser tests run under the production CSP. The local object
 * store is reached through this origin, so `connect-src 'self'` covers it.
 */
const CONSOLE_HEADERS = securityHeaders();

/** Serves the built console like CloudFront does: files, else index.html for client-side routes. */
function serveStatic(root: string, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://localhost");
  const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
  let file = join(root, rel);
  if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory())
    file = join(root, "index.html");
  const type = mime[extname(file)] ?? "application/octet-stream";
  const immutable = file.includes(`${join(root, "assets")}`);
  res.writeHead(200, {
    ...CONSOLE_HEADERS,
    "content-type": type,
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
  });
  createReadStream(file).pipe(res);
}

/**
 * Passes a request on to another local server unchanged except for its Host (a presigned URL is signed
 * for the target's host), streaming both ways: the local object store's bucket path, so the console
 * uploads to its own origin.
 */
function forward(target: string, req: IncomingMessage, res: ServerResponse) {
  const to = new URL(target);
  const upstream = httpRequest(
    {
      host: to.hostname,
      port: to.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: to.host },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
    res.end("local object store unavailable");
  });
  req.pipe(upstream);
}

const isApiPath = (path: string) =>
  path.startsWith("/v1/") || path === "/v1" || path.startsWith("/.well-known/");

/**
 * The local API server: every API request becomes a payload-2.0 event for the real Lambda handler.
 * With `staticDir` it also serves the built console (as CloudFront + S3 would), same origin; `forward`
 * passes the local object store's paths on.
 */
export function createBridgeServer(
  handler: Handler,
  opts: {
    staticDir?: string;
    /** Paths passed on to another local server (the object store's bucket: `/{bucket}/` → its endpoint). */
    forward?: { pathPrefix: string; target: string }[];
    /** The api function's timeout (FUNCTION_TIMEOUT_MS by default): the Lambda context counts down from it. */
    functionTimeoutMs?: number;
  } = {},
): Server {
  const root = opts.staticDir ? resolve(opts.staticDir) : undefined;
  return createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const passOn = opts.forward?.find((f) => path.startsWith(f.pathPrefix));
    if (passOn) return forward(passOn.target, req, res);
    if (!isApiPath(path) && root) return serveStatic(root, req, res);
    try {
      const body = await readBody(req);
      if (body === null) {
        res.writeHead(413, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "PAYLOAD_TOO_LARGE", message: "请求体过大" } }));
        return;
      }
      const event = toEvent(req, body);
      const context = lambdaContext(
        event.requestContext.requestId,
        opts.functionTimeoutMs ?? FUNCTION_TIMEOUT_MS,
      );
      writeResult(res, await handler(event, context));
    } catch (e) {
      // API Gateway answers 500 "Internal Server Error" when the function itself fails.
      console.error("handler failed", e);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "Internal Server Error" }));
    }
  });
}
