import { maskName } from "../../common/mask.ts";
import { shanghaiMonth } from "../../common/time.ts";

/**
 * A complaint as a round's population sees it: written once, when the complaint is closed (closing is
 * final), under the month it was closed and the path of the unit that closed it. Personal data only
 * masked — the number to call is read from the case itself, audit-logged.
 */
export interface ClosedComplaint {
  caseId: string;
  trackingNo: string;
  unitId: string;
  unitPath: string;
  month: string;
  closedAt: string;
  subject: string;
  consumerName: string | null;
}

interface ClosingCase {
  id: string;
  trackingNo: string;
  kind: string;
  status: string;
  unitId: string;
  handlerPath: string;
  closedAt?: string;
  subject: string;
  consumer: { name?: string | null };
}

/** The population entry of a case just closed; null unless it is a closed complaint. */
export function closedComplaintOf(c: ClosingCase): ClosedComplaint | null {
  if (c.kind !== "complaint" || c.status !== "closed" || !c.closedAt) return null;
  return {
    caseId: c.id,
    trackingNo: c.trackingNo,
    unitId: c.unitId,
    unitPath: c.handlerPath,
    month: shanghaiMonth(c.closedAt),
    closedAt: c.closedAt,
    subject: c.subject,
    consumerName: c.consumer.name ? maskName(c.consumer.name) : null,
  };
}
