import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { type Doc, isConditionFailure } from "../client.ts";
import { C, withoutKeys } from "../keys.ts";
import type { LoginState } from "../login-state.ts";

export interface PlatformUserRecord extends LoginState {
  id: string;
  username: string;
  displayName: string;
  role: "platform_admin";
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
}

export class PlatformUsersRepository {
  constructor(
    private readonly doc: Doc,
    readonly tableName: string,
  ) {}

  key = (username: string) => C.platformUser(username);

  async get(username: string): Promise<PlatformUserRecord | null> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: C.platformUser(username), ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<PlatformUserRecord>(out.Item) : null;
  }

  /** Creates the operator unless the username exists; returns whether it was created. */
  async createIfAbsent(u: PlatformUserRecord): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...C.platformUser(u.username), ...u },
          ConditionExpression: "attribute_not_exists(PK)",
        }),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }
}
