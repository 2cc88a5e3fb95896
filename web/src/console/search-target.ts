import { TRACKING_NO } from "@weiquan/domain/cases/identifiers";
import { PhoneNumber } from "@weiquan/domain/cases/schema";

/** What the header's search box was given: a tracking number, a consumer's phone, or words of the ledger. */
export type SearchTarget =
  | { kind: "tracking"; trackingNo: string }
  | { kind: "phone"; phone: string }
  | { kind: "text"; q: string };

export function searchTarget(input: string): SearchTarget | null {
  const text = input.trim();
  if (!text) return null;
  const compact = text.replaceAll(/\s/g, "");
  if (TRACKING_NO.test(compact)) return { kind: "tracking", trackingNo: compact };
  // Written as the case's own phone field accepts it (mobile, or a landline with its area code).
  if (PhoneNumber.safeParse(text).success) return { kind: "phone", phone: text };
  return { kind: "text", q: text };
}
