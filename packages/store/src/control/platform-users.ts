import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { type Doc, isConditionFailure } from "../client.ts";
import { C, withoutKeys } from "../keys.ts";
import type { LoginState } from "../login-state.ts";
import { claimTotpStep, type TotpPatch, type TotpState, updateTotpState } from "../totp-state.ts";

export interface PlatformUserRecord extends LoginState, TotpState {
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

  /** Sets or removes the operator's TOTP attributes (pending / active secret, enabled flag). */
  setTotp = (username: string, patch: TotpPatch): Promise<void> =>
    updateTotpState(this.doc, this.tableName, C.platformUser(username), patch);

  /** Marks a TOTP time step as used; false if it (or a later one) was used already. */
  claimTotpStep = (username: string, step: number): Promise<boolean> =>
    claimTotpStep(this.doc, this.tableName, C.platformUser(username), step);
}
