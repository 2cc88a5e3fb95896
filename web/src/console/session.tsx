import type { MeResponse } from "@weiquan/domain";
import { createContext, useContext } from "react";

export interface Session {
  me: MeResponse;
  logout: () => void;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user, their unit and tenant (from GET /v1/me). Only used below ConsoleApp. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside ConsoleApp");
  return session;
}
