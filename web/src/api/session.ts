/** The stored session: the bearer token and its expiry. Kept tiny because the entry chunk imports it. */
const TOKEN_KEY = "weiquan.token";
const EXPIRES_KEY = "weiquan.tokenExpiresAt";
const LAST_TENANT_KEY = "weiquan.lastTenant";

export function getToken(): string | null {
  const token = localStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  const expiresAt = localStorage.getItem(EXPIRES_KEY);
  if (expiresAt && Date.parse(expiresAt) <= Date.now()) return null;
  return token;
}

/** True when a token is stored but its expiry has passed: the login page says "expired" rather than nothing. */
export function hasExpiredToken(): boolean {
  return localStorage.getItem(TOKEN_KEY) !== null && getToken() === null;
}

export function setToken(token: string, expiresAt: string): void {
  localStorage.setItem(TOKEN_KEY, token);
  localStorage.setItem(EXPIRES_KEY, expiresAt);
}

export function clearToken(): void {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(EXPIRES_KEY);
}

export function getLastTenant(): string {
  return localStorage.getItem(LAST_TENANT_KEY) ?? "";
}

export function setLastTenant(tenant: string): void {
  localStorage.setItem(LAST_TENANT_KEY, tenant);
}
