import type { ErrorEnvelope, FieldIssue } from "@weiquan/domain/common/errors";

/** Code of a call that got no answer (offline, DNS, reset connection, timed out). */
export const NETWORK_ERROR = "NETWORK_ERROR";

/**
 * Any failed API call, in the console and on the public page alike: the error envelope's code, message and
 * field issues, the HTTP status (0 = no answer) and, for 429 / 503, how long the API asked us to wait.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
    /** Seconds from `Retry-After`, when the API sent one. */
    readonly retryAfter: number | null = null,
    /** The envelope's `details` as sent (a 409 carries the current item there). */
    readonly data: unknown = undefined,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The field issues by path (`consumer.phone` → message), for forms that show one message per field. */
  get fields(): Record<string, string> {
    return Object.fromEntries(this.details.map((d) => [d.path, d.message]));
  }

  /** Worth sending again as it was: no answer, or the API said it was busy or stalled. */
  get transient(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

/** The ApiError a non-2xx response stands for (the envelope when there is one, the status otherwise). */
export async function errorOf(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => "");
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const envelope = isEnvelope(body) ? body.error : null;
  const seconds = Number(res.headers.get("retry-after"));
  return new ApiError(
    res.status,
    envelope?.code ?? `HTTP_${res.status}`,
    envelope?.message ?? `HTTP ${res.status}`,
    fieldIssues(envelope?.details),
    Number.isFinite(seconds) && seconds >= 0 && res.headers.has("retry-after") ? seconds : null,
    envelope?.details,
  );
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
