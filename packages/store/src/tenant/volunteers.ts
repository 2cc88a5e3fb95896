import type { VolunteerRecord } from "@weiquan/domain";
import { T, TQ } from "../keys.ts";
import type { TenantTable } from "../tenant-access.ts";
import type { TransactItem } from "../writes.ts";
import { boundedPage, getRecord, putRecord } from "./records.ts";

/** The volunteer roster: one item each, on GSI1 by its unit's path, so a subtree is one query. */
export class VolunteersRepository {
  constructor(private readonly t: TenantTable) {}

  get(id: string) {
    return getRecord<VolunteerRecord & { unitPath: string }>(this.t, T.volunteer(id));
  }

  put(v: VolunteerRecord, unitPath: string, expectedVersion?: number): TransactItem {
    return putRecord(
      this.t,
      { ...T.volunteer(v.id), ...T.volunteerIndex(unitPath, v.id), ...v, unitPath },
      expectedVersion,
    );
  }

  list(q: { unitPath: string; status?: string; limit: number; cursor?: string }) {
    return boundedPage<VolunteerRecord & { unitPath: string }>(this.t, TQ.volunteers(q.unitPath), {
      limit: q.limit,
      cursor: q.cursor,
      extras: q.status
        ? {
            FilterExpression: "#status = :status",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: { ":status": q.status },
          }
        : {},
    });
  }
}
