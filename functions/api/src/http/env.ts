import type { Role } from "@weiquan/domain";
import type { TenantRecord, TenantTable, UnitRecord } from "@weiquan/store";
import type { AppDeps } from "../deps.ts";
import type { Alongside } from "./alongside.ts";

/** The verified caller of a request. Tenant, user and role come only from the token (and the stores). */
export interface Caller {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  /** Whether the account has a confirmed TOTP second factor. */
  totpEnabled: boolean;
  /** The token only allows TOTP enrollment (see `enrollmentAllowed`). */
  enrollmentOnly: boolean;
  /** The session only allows changing the password (see `passwordChangeAllowed`). */
  passwordChangeOnly: boolean;
  /** Null for platform operators. */
  unitId: string | null;
  /** The caller's unit when it was read with the account (the token's unit hint); else the scope reads it. */
  unit: UnitRecord | null;
  tenantId: string;
  tenant: TenantRecord | null;
  /** The caller's tenant table; absent for platform operators. */
  table: TenantTable | null;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    caller: Caller;
    /** Set when the route's reads run alongside the caller check (http/alongside.ts). */
    alongside?: Alongside;
  };
}
