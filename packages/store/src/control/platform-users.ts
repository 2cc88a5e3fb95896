import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
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
  /** The password was handed out (the first-operator command): it must be changed at the next login. */
  mustChangePassword?: boolean;
  createdAt: string;
  updatedAt?: string;
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

  /**
   * Replaces the password if it is still `expectedHash` (a concurrent change wins, the caller retries);
   * `mustChangePassword` is set for a handed-out password and cleared for one the operator chose.
   */
  async setPassword(
    username: string,
    change: { expectedHash: string; passwordHash: string; mustChangePassword: boolean; at: string },
  ): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: C.platformUser(username),
          UpdateExpression: change.mustChangePassword
            ? "SET passwordHash = :hash, updatedAt = :at, mustChangePassword = :true"
            : "SET passwordHash = :hash, updatedAt = :at REMOVE mustChangePassword",
          ConditionExpression: "passwordHash = :expected",
          ExpressionAttributeValues: {
            ":hash": change.passwordHash,
            ":at": change.at,
            ":expected": change.expectedHash,
            ...(change.mustChangePassword ? { ":true": true } : {}),
          },
        }),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }

  /**
   * Break-glass reset (the first-operator command's `--reset`): a handed-out password that must be
   * changed, no second factor (enrolled afresh at the next login), no lockout; the operator is enabled.
   */
  async resetCredentials(username: string, passwordHash: string, at: string): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: C.platformUser(username),
        UpdateExpression:
          "SET passwordHash = :hash, mustChangePassword = :true, disabled = :false, updatedAt = :at " +
          "REMOVE totpEnabled, totpSecret, totpPendingSecret, totpLastStep, failedLogins, lockedUntil",
        ConditionExpression: "attribute_exists(PK)",
        ExpressionAttributeValues: { ":hash": passwordHash, ":true": true, ":false": false, ":at": at },
      }),
    );
  }

  /** Sets or removes the operator's TOTP attributes (pending / active secret, enabled flag). */
  setTotp = (username: string, patch: TotpPatch): Promise<void> =>
    updateTotpState(this.doc, this.tableName, C.platformUser(username), patch);

  /** Marks a TOTP time step as used; false if it (or a later one) was used already. */
  claimTotpStep = (username: string, step: number): Promise<boolean> =>
    claimTotpStep(this.doc, this.tableName, C.platformUser(username), step);
}
