import { belowPrefix, type ClosedComplaint } from "@weiquan/domain";
import { TQ, withoutKeys } from "../../keys.ts";
import { queryOf, queryPages } from "../../query.ts";
import type { TenantTable } from "../../tenant-access.ts";
import type { ReadCost } from "../rollups.ts";

/**
 * The population of sampling rounds: one small item per closed complaint, written by the transaction
 * that closes it (the case decision's `sampling` effect, see CasesRepository.write), in the partition of
 * the month it was closed, sorted by the closing unit's path.
 * A round's population is then one query — the scope's prefix of one month — whatever the tenant's size.
 */
export class ClosedComplaintsRepository {
  constructor(
    private readonly t: TenantTable,
    private readonly cost: ReadCost = { capacityUnits: 0, items: 0 },
  ) {}

  get consumed(): ReadCost {
    return this.cost;
  }

  /** Every complaint closed in `month` by the unit at `scopePath` or a unit below it. */
  async population(month: string, scopePath: string): Promise<ClosedComplaint[]> {
    const out: ClosedComplaint[] = [];
    for await (const page of queryPages(
      this.t.doc,
      queryOf(this.t.tableName, TQ.closedComplaints(month, belowPrefix(scopePath)), {
        ConsistentRead: true,
        ReturnConsumedCapacity: "TOTAL",
      }),
    )) {
      this.cost.capacityUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
      for (const item of page.Items ?? []) {
        this.cost.items++;
        out.push(withoutKeys<ClosedComplaint>(item));
      }
    }
    return out;
  }
}
