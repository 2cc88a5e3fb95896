/**
 * The small typed set of errors every layer throws. The API maps them to HTTP in one place
 * (functions/api/src/http/errors.ts); nothing else decides status codes.
 */
export type ErrorKind =
  | "invalid"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "unprocessable"
  | "too_many"
  | "unavailable";

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds a client should wait (429 / 503). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const Invalid = (message: string, details?: FieldIssue[], code = "VALIDATION_FAILED") =>
  new AppError("invalid", code, message, details);
export const Unauthorized = (message = "请先登录（缺少或无效的令牌）", code = "UNAUTHORIZED") =>
  new AppError("unauthorized", code, message);
export const Forbidden = (message: string, code = "FORBIDDEN") => new AppError("forbidden", code, message);
export const NotFound = (what = "资源", code = "NOT_FOUND") =>
  new AppError("not_found", code, `${what}不存在`);
export const Conflict = (message: string, code = "CONFLICT", details?: unknown) =>
  new AppError("conflict", code, message, details);
export const Unprocessable = (message: string, code: string, details?: unknown) =>
  new AppError("unprocessable", code, message, details);
export const TooMany = (message: string, code: string, retryAfter: number) =>
  new AppError("too_many", code, message, undefined, retryAfter);
export const Unavailable = (message = "服务暂时不可用，请稍后重试", retryAfter = 1) =>
  new AppError("unavailable", "SERVICE_UNAVAILABLE", message, undefined, retryAfter);

export const httpStatusOf: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  too_many: 429,
  unavailable: 503,
};

export interface ErrorEnvelope {
  error: { code: string; message: string; details?: unknown };
}
