import type { TrainingRecord } from "@weiquan/domain";
import { T, TQ } from "../keys.ts";
import type { TenantTable } from "../tenant-access.ts";
import type { TransactItem } from "../writes.ts";
import { boundedPage, deleteRecord, getRecord, putRecord } from "./records.ts";

/** Trainings: one item each, listed by date on GSI1; what a unit sees is filtered by `scopeUnits`. */
export class TrainingsRepository {
  constructor(private readonly t: TenantTable) {}

  get(id: string) {
    return getRecord<TrainingRecord>(this.t, T.training(id));
  }

  put(r: TrainingRecord, expectedVersion?: number): TransactItem {
    return putRecord(
      this.t,
      { ...T.training(r.id), ...T.trainingIndex(r.heldAt, r.id), ...r },
      expectedVersion,
    );
  }

  delete(r: TrainingRecord): TransactItem {
    return deleteRecord(this.t, T.training(r.id), r.version);
  }

  /** Newest first between two instants; only those listed by `unitId` when given. */
  list(q: { from: string; to: string; unitId?: string; limit: number; cursor?: string }) {
    return boundedPage<TrainingRecord>(this.t, TQ.trainings(q.from, `${q.to}~`), {
      limit: q.limit,
      cursor: q.cursor,
      extras: {
        ScanIndexForward: false,
        ...(q.unitId && {
          FilterExpression: "contains(scopeUnits, :unit)",
          ExpressionAttributeValues: { ":unit": q.unitId },
        }),
      },
    });
  }
}
