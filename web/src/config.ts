/** Runtime configuration, fetched from `/config.json` before the app renders, so one build serves every stage. */
export interface RuntimeConfig {
  /** Origin (and optional path prefix) of the API; "" means the console's own origin. */
  apiBaseUrl: string;
}

let current: RuntimeConfig = { apiBaseUrl: "" };

export async function loadConfig(): Promise<RuntimeConfig> {
  const res = await fetch("/config.json", { cache: "no-store" });
  if (!res.ok) throw new Error(`/config.json: HTTP ${res.status}`);
  const body: unknown = await res.json();
  const base =
    typeof body === "object" && body !== null && "apiBaseUrl" in body && typeof body.apiBaseUrl === "string"
      ? body.apiBaseUrl
      : "";
  current = { apiBaseUrl: base.replace(/\/+$/, "") };
  return current;
}

export function config(): RuntimeConfig {
  return current;
}
