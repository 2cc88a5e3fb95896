import { GetCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Tenant, TenantStatus } from "@weiquan/domain";
import { type Doc, isTransactionCanceled } from "../client.ts";
import { C, CQ, withoutKeys } from "../keys.ts";
import { queryPage } from "../query.ts";
import { ifConditionHolds } from "../writes.ts";

export const provisioningSteps = ["table", "configure", "root", "prepopulate", "admin", "activate"] as const;
export type ProvisioningStep = (typeof provisioningSteps)[number];

/** The steps this tenant goes through: `prepopulate` only when onboarding asked for it. */
export function provisioningStepsOf(t: Pick<TenantRecord, "prepopulate">): ProvisioningStep[] {
  return provisioningSteps.filter((s) => s !== "prepopulate" || t.prepopulate);
}

/** A tenant as stored: the public shape plus what provisioning needs to finish after a crash. */
export interface TenantRecord extends Omit<Tenant, "provisioning" | "usage" | "region" | "account"> {
  version: number;
  rootUnitId: string;
  adminUserId: string;
  /** Onboarding asked for the county's townships and villages as planned stations and points. */
  prepopulate: boolean;
  /** Kept only until the admin user exists; the hash never leaves the store. */
  pendingAdmin?: { username: string; displayName: string; passwordHash: string };
  provisioning: { done: ProvisioningStep[]; error: string | null };
  /** Set when deletion began: from then on no status change but the deletion's own (no resume). */
  deletingAt?: string;
  /**
   * Where the tenant's table lives (placement.ts), recorded at onboarding; absent on records from before
   * it was recorded (those live where the control table does).
   */
  region?: string;
  account?: string;
}

export class TenantsRepository {
  constructor(
    private readonly doc: Doc,
    private readonly tableName: string,
  ) {}

  /** Claims the county code and writes the tenant in one transaction; false if the code is taken. */
  async create(t: TenantRecord): Promise<boolean> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...C.county(t.countyCode), tenantId: t.id },
                ConditionExpression: "attribute_not_exists(PK)",
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...C.tenant(t.id), ...C.tenantIndex(t.createdAt, t.id), ...t },
                ConditionExpression: "attribute_not_exists(PK)",
              },
            },
          ],
        }),
      );
      return true;
    } catch (e) {
      if (isTransactionCanceled(e)) return false;
      throw e;
    }
  }

  async get(id: string): Promise<TenantRecord | null> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: C.tenant(id), ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<TenantRecord>(out.Item) : null;
  }

  async getByCountyCode(countyCode: string): Promise<TenantRecord | null> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: C.county(countyCode), ConsistentRead: true }),
    );
    return out.Item ? this.get(out.Item.tenantId as string) : null;
  }

  async list(limit: number, cursor?: string): Promise<{ items: TenantRecord[]; nextCursor: string | null }> {
    return queryPage<TenantRecord>(this.doc, this.tableName, CQ.tenants(), limit, cursor, {
      ScanIndexForward: false,
    });
  }

  /** Records a finished provisioning step (idempotent: a step is listed once). */
  async markStepDone(id: string, step: ProvisioningStep, now: string): Promise<void> {
    const t = await this.get(id);
    if (!t || t.provisioning.done.includes(step)) return;
    await ifConditionHolds(
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: C.tenant(id),
          UpdateExpression:
            "SET #prov.done = list_append(#prov.done, :step), #prov.#err = :null, updatedAt = :now",
          ConditionExpression: "NOT contains(#prov.done, :name)",
          ExpressionAttributeNames: { "#err": "error", "#prov": "provisioning" },
          ExpressionAttributeValues: { ":step": [step], ":name": step, ":null": null, ":now": now },
        }),
      ),
    );
  }

  async recordProvisioningError(id: string, message: string, now: string): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: C.tenant(id),
        UpdateExpression: "SET #prov.#err = :msg, updatedAt = :now",
        ExpressionAttributeNames: { "#err": "error", "#prov": "provisioning" },
        ExpressionAttributeValues: { ":msg": message.slice(0, 500), ":now": now },
      }),
    );
  }

  /** provisioning → active, dropping the pending admin's password hash. */
  async activate(id: string, now: string): Promise<void> {
    await ifConditionHolds(
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: C.tenant(id),
          UpdateExpression:
            "SET #s = :active, updatedAt = :now, version = version + :one REMOVE pendingAdmin",
          ConditionExpression: "#s = :provisioning",
          ExpressionAttributeNames: { "#s": "status" },
          ExpressionAttributeValues: {
            ":active": "active",
            ":provisioning": "provisioning",
            ":now": now,
            ":one": 1,
          },
        }),
      ),
    );
  }

  /** Moves status from one of `from` to `to`; returns the updated tenant or null if it was not in `from`. */
  async changeStatus(
    id: string,
    from: TenantStatus[],
    to: TenantStatus,
    now: string,
  ): Promise<TenantRecord | null> {
    const values: Record<string, unknown> = { ":to": to, ":now": now, ":one": 1 };
    from.forEach((s, i) => {
      values[`:f${i}`] = s;
    });
    // The time of the suspension is what a deletion's export must be newer than.
    const suspendedAt = to === "suspended" ? ", suspendedAt = :now" : "";
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: C.tenant(id),
          UpdateExpression: `SET #s = :to, updatedAt = :now, version = version + :one${suspendedAt}`,
          ConditionExpression: `#s IN (${from.map((_, i) => `:f${i}`).join(", ")}) AND attribute_not_exists(deletingAt)`,
          ExpressionAttributeNames: { "#s": "status" },
          ExpressionAttributeValues: values,
          ReturnValues: "ALL_NEW",
        }),
      );
      return withoutKeys<TenantRecord>(out.Attributes!);
    } catch (e) {
      if (e instanceof Error && e.name === "ConditionalCheckFailedException") return null;
      throw e;
    }
  }

  /**
   * Marks a suspended tenant as being deleted (kept on retry); from then on `changeStatus` refuses, so
   * nobody resumes a tenant whose table is going. Returns the tenant, or null if it is not suspended.
   */
  async beginDeletion(id: string, now: string): Promise<TenantRecord | null> {
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: C.tenant(id),
          UpdateExpression: "SET deletingAt = if_not_exists(deletingAt, :now)",
          ConditionExpression: "#s = :suspended",
          ExpressionAttributeNames: { "#s": "status" },
          ExpressionAttributeValues: { ":now": now, ":suspended": "suspended" },
          ReturnValues: "ALL_NEW",
        }),
      );
      return withoutKeys<TenantRecord>(out.Attributes!);
    } catch (e) {
      if (e instanceof Error && e.name === "ConditionalCheckFailedException") return null;
      throw e;
    }
  }

  /**
   * After the table is gone, in one transaction: frees the county code (only if it still names this
   * tenant) and marks the tenant `offboarded`, keeping its record. False if it was not being deleted.
   */
  async finishDeletion(t: Pick<TenantRecord, "id" | "countyCode">, now: string): Promise<boolean> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.tableName,
                Key: C.county(t.countyCode),
                ConditionExpression: "attribute_not_exists(PK) OR tenantId = :id",
                ExpressionAttributeValues: { ":id": t.id },
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: C.tenant(t.id),
                UpdateExpression:
                  "SET #s = :offboarded, deletedAt = :now, updatedAt = :now, version = version + :one",
                ConditionExpression: "#s = :suspended AND attribute_exists(deletingAt)",
                ExpressionAttributeNames: { "#s": "status" },
                ExpressionAttributeValues: {
                  ":offboarded": "offboarded",
                  ":suspended": "suspended",
                  ":now": now,
                  ":one": 1,
                },
              },
            },
          ],
        }),
      );
      return true;
    } catch (e) {
      if (isTransactionCanceled(e)) return false;
      throw e;
    }
  }
}
