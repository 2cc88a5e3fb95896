import { QueryClient } from "@tanstack/react-query";
import { isTransient } from "./retry.ts";

/**
 * One cache for the console. Reads are retried twice when the failure is transient (no answer, 503);
 * a 4xx is an answer and shown at once. Writes are never retried here: a create that may be repeated
 * safely says so itself (sendOnce with its Idempotency-Key).
 */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 2 && isTransient(error),
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * Query keys, by capability. A write invalidates its capability's prefix (`keys.cases`), which covers
 * every list, item and count below it.
 */
export const keys = {
  me: ["me"] as const,
  units: ["units"] as const,
  compliance: ["units", "compliance"] as const,
  settings: ["settings"] as const,
  meta: ["meta"] as const,
  cases: ["cases"] as const,
  case: (id: string) => ["cases", "one", id] as const,
  notices: ["notices"] as const,
  users: ["users"] as const,
  tenants: ["tenants"] as const,
  figures: ["figures"] as const,
  audit: ["audit"] as const,
  worklist: ["worklist"] as const,
  supervision: ["supervision"] as const,
  assessment: ["assessment"] as const,
  campaigns: ["campaigns"] as const,
};
