import type { ErrorEnvelope, FieldIssue } from "@weiquan/domain";
import { config } from "../config.ts";
import { clearToken, getToken } from "./session.ts";

/** Any failed API call: the error envelope's code, message and field issues, plus the HTTP status (0 = no answer). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const NETWORK_ERROR = "NETWORK_ERROR";

let onUnauthorized: (() => void) | null = null;

/**
 * Called when an authenticated call answers 401 (token expired or revoked). The console registers a
 * handler that routes back to the login page with "登录已过期，请重新登录".
 */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Send the stored bearer token (default true). */
  auth?: boolean;
  signal?: AbortSignal;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...opts.headers };
  const token = opts.auth === false ? null : getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers["Content-Type"] = "application/json";

  let res: Response;
  try {
    res = await fetch(`${config().apiBaseUrl}${path}`, {
      method: opts.method ?? (opts.body === undefined ? "GET" : "POST"),
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, NETWORK_ERROR, e instanceof Error ? e.message : String(e));
  }

  const text = await res.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (res.ok) return body as T;

  const error = parseEnvelope(res.status, body);
  if (res.status === 401 && token) {
    clearToken();
    onUnauthorized?.();
  }
  throw error;
}

function parseEnvelope(status: number, body: unknown): ApiError {
  const envelope = isEnvelope(body) ? body.error : null;
  const code = envelope?.code ?? `HTTP_${status}`;
  const message = envelope?.message ?? `HTTP ${status}`;
  return new ApiError(status, code, message, fieldIssues(envelope?.details));
}

function isEnvelope(body: unknown): body is ErrorEnvelope {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = body.error;
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string";
}

function fieldIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) =>
    typeof d === "object" && d !== null && "path" in d && "message" in d && typeof d.message === "string"
      ? [{ path: String(d.path), message: d.message }]
      : [],
  );
}

/** A field path from the API (`admin.username`, `/admin/username`, `admin[0]`) as an antd Form name path. */
export function namePath(path: string): (string | number)[] {
  return path
    .split(/[./[\]]+/)
    .filter((p) => p !== "")
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
