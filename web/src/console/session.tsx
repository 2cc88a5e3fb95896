import type { MeResponse } from "@weiquan/domain";
import { createContext, useContext } from "react";

export interface Session {
  me: MeResponse;
  logout: (reason?: "logged_out" | "totp_enrolled") => void;
  /** Loads /v1/me again (after the user changed something about their own account). */
  refresh: () => void;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user, their unit and tenant (from GET /v1/me). Only used below ConsoleApp. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside ConsoleApp");
  return session;
}
