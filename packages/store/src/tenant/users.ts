import { GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { User } from "@weiquan/domain";
import { isTransactionCanceled } from "../client.ts";
import { T, TQ, withoutKeys } from "../keys.ts";
import type { LoginState } from "../login-state.ts";
import { queryPage } from "../query.ts";
import type { TenantTable } from "../tenant-access.ts";
import { claimTotpStep, type TotpPatch, type TotpState, updateTotpState } from "../totp-state.ts";
import { updateVersioned } from "../writes.ts";

export interface UserRecord extends User, LoginState, TotpState {
  passwordHash: string;
}

/** The public shape of a user: never the hash, never the lockout counters, never a TOTP secret. */
export function publicUser(u: UserRecord): User {
  const {
    passwordHash: _h,
    failedLogins: _f,
    lockedUntil: _l,
    totpEnabled: _te,
    totpSecret: _ts,
    totpPendingSecret: _tp,
    totpLastStep: _tl,
    ...rest
  } = u;
  return rest;
}

export class UsersRepository {
  constructor(private readonly t: TenantTable) {}

  key = (id: string) => T.user(id);

  /** Claims the username and writes the user in one transaction; false if the username is taken. */
  async create(u: UserRecord): Promise<boolean> {
    try {
      await this.t.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.t.tableName,
                Item: { ...T.username(u.username), userId: u.id },
                ConditionExpression: "attribute_not_exists(PK)",
              },
            },
            {
              Put: {
                TableName: this.t.tableName,
                Item: { ...T.user(u.id), ...T.userIndex(u.username), ...u },
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

  /**
   * Changes the given fields of a user still at `expectedVersion` (the version moves on); returns the
   * updated user, or null on a stale version. Username never changes.
   */
  async update(
    id: string,
    expectedVersion: number,
    fields: Partial<Omit<UserRecord, "id" | "username" | "version">>,
    remove: (keyof UserRecord)[] = [],
  ): Promise<UserRecord | null> {
    const out = await updateVersioned(
      this.t.doc,
      this.t.tableName,
      T.user(id),
      expectedVersion,
      fields,
      remove,
    );
    return out ? withoutKeys<UserRecord>(out) : null;
  }

  /** Users by username, a page at a time. */
  async list(limit: number, cursor?: string): Promise<{ items: UserRecord[]; nextCursor: string | null }> {
    return queryPage<UserRecord>(this.t.doc, this.t.tableName, TQ.users(), limit, cursor);
  }

  async get(id: string): Promise<UserRecord | null> {
    const out = await this.t.doc.send(
      new GetCommand({ TableName: this.t.tableName, Key: T.user(id), ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<UserRecord>(out.Item) : null;
  }

  async getByUsername(username: string): Promise<UserRecord | null> {
    const out = await this.t.doc.send(
      new GetCommand({ TableName: this.t.tableName, Key: T.username(username), ConsistentRead: true }),
    );
    return out.Item ? this.get(out.Item.userId as string) : null;
  }

  /** Sets or removes the user's TOTP attributes (pending / active secret, enabled flag). */
  setTotp = (id: string, patch: TotpPatch): Promise<void> =>
    updateTotpState(this.t.doc, this.t.tableName, T.user(id), patch);

  /** Marks a TOTP time step as used; false if it (or a later one) was used already. */
  claimTotpStep = (id: string, step: number): Promise<boolean> =>
    claimTotpStep(this.t.doc, this.t.tableName, T.user(id), step);
}
