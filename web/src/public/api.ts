import { config } from "../config.ts";

/** The public API with plain fetch: the page carries no client library. */
export interface PublicUnit {
  id: string;
  name: string;
  type: "station" | "point";
  parentId: string | null;
  address?: string;
  phone?: string;
  hours?: string;
}
export interface Directory {
  name: string;
  countyCode: string;
  consentNotice: string;
  units: PublicUnit[];
}
export interface PublicStatus {
  trackingNo: string;
  kind: "complaint" | "report" | "consultation";
  status: string;
  receivedAt: string;
  timeline: { at: string; action: string }[];
  rating: { result: string; at: string } | null;
  canRate: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${config().apiBaseUrl}/v1/public/${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "NETWORK", "网络连接失败，请检查网络后重试");
  }
  const data = await res.json().catch(() => null);
  if (res.ok) return data as T;
  const err = data?.error ?? {};
  const fields: Record<string, string> = {};
  for (const d of Array.isArray(err.details) ? err.details : []) if (d?.path) fields[d.path] = d.message;
  let message: string = err.message ?? `请求失败（${res.status}）`;
  if (res.status === 429) message = `${message}`;
  throw new ApiError(res.status, err.code ?? "HTTP", message, fields);
}

export const publicApi = {
  directory: (county: string) => call<Directory>("GET", county),
  file: (county: string, body: unknown) =>
    call<{ trackingNo: string; queryCode: string }>("POST", `${county}/cases`, body),
  status: (county: string, trackingNo: string, code: string) =>
    call<PublicStatus>("GET", `${county}/cases/${trackingNo}?code=${encodeURIComponent(code)}`),
  rate: (county: string, trackingNo: string, code: string, body: { result: string; note?: string }) =>
    call<PublicStatus>("POST", `${county}/cases/${trackingNo}/rating?code=${encodeURIComponent(code)}`, body),
};
