import { ApiError, NETWORK_ERROR } from "../api/client.ts";
import type { Messages } from "../i18n/messages.ts";

/** What to tell a person about a failed call: the API's own (Chinese) message, or ours when there was no answer. */
export function errorText(e: unknown, t: Messages): string {
  if (e instanceof ApiError) return e.code === NETWORK_ERROR ? t.networkError : e.message;
  return e instanceof Error ? e.message : String(e);
}
