/** The only place item keys are built. `C` = control table, `T` = a tenant table. */
export const C = {
  tenant: (id: string) => ({ PK: `TENANT#${id}`, SK: "TENANT" }),
  tenantIndex: (createdAt: string, id: string) => ({ GSI1PK: "TENANTS", GSI1SK: `${createdAt}#${id}` }),
  county: (countyCode: string) => ({ PK: `COUNTY#${countyCode}`, SK: "COUNTY" }),
  platformUser: (username: string) => ({ PK: `PUSER#${username}`, SK: "PUSER" }),
};

export const T = {
  meta: () => ({ PK: "META", SK: "TENANT" }),
  settings: () => ({ PK: "META", SK: "SETTINGS" }),
  unit: (id: string) => ({ PK: `UNIT#${id}`, SK: "UNIT" }),
  /** Units sort by their materialized path, so a subtree is one begins_with query. */
  unitIndex: (path: string) => ({ GSI1PK: "UNITS", GSI1SK: path }),
  user: (id: string) => ({ PK: `USER#${id}`, SK: "USER" }),
  userIndex: (username: string) => ({ GSI1PK: "USERS", GSI1SK: username }),
  username: (username: string) => ({ PK: `USERNAME#${username}`, SK: "USERNAME" }),
};

/** Attributes that are keys, not data: stripped before an item leaves the store. */
const keyAttributes = new Set(["PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK", "ttl"]);
export function withoutKeys<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !keyAttributes.has(k))) as T;
}
