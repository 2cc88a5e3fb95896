import { GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { User } from "@weiquan/domain";
import { isTransactionCanceled } from "../client.ts";
import { T, withoutKeys } from "../keys.ts";
import type { LoginState } from "../login-state.ts";
import type { TenantTable } from "../tenant-access.ts";

export interface UserRecord extends User, LoginState {
  passwordHash: string;
}

/** The public shape of a user: never the hash, never the lockout counters. */
export function publicUser(u: UserRecord): User {
  const { passwordHash: _h, failedLogins: _f, lockedUntil: _l, ...rest } = u;
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
}
