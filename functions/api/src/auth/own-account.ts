import { NotFound } from "@weiquan/domain";
import {
  type LoginState,
  recordLoginFailure,
  type TotpPatch,
  type TotpState,
  UsersRepository,
} from "@weiquan/store";
import type { AppDeps } from "../deps.ts";
import type { Caller } from "../http/env.ts";

/** The caller's own account, tenant user or platform operator alike: what the `/v1/me/*` routes change. */
export interface OwnAccount {
  state: TotpState & LoginState & { passwordHash: string };
  setTotp: (patch: TotpPatch) => Promise<void>;
  claimTotpStep: (step: number) => Promise<boolean>;
  recordFailure: (now: Date) => Promise<string | null>;
  /** Sets a password the owner chose (clearing `mustChangePassword`); false if the account changed since read. */
  setOwnPassword: (passwordHash: string, at: Date) => Promise<boolean>;
}

export async function ownAccount(deps: AppDeps, caller: Caller): Promise<OwnAccount> {
  if (!caller.table) {
    const repo = deps.control.platformUsers;
    const user = await repo.get(caller.username);
    if (!user) throw NotFound("账户");
    return {
      state: user,
      setTotp: (patch) => repo.setTotp(caller.username, patch),
      claimTotpStep: (step) => repo.claimTotpStep(caller.username, step),
      recordFailure: (now) =>
        recordLoginFailure(deps.control.doc, repo.tableName, repo.key(caller.username), now),
      setOwnPassword: (passwordHash, at) =>
        repo.setPassword(caller.username, {
          expectedHash: user.passwordHash,
          passwordHash,
          mustChangePassword: false,
          at: at.toISOString(),
        }),
    };
  }
  const repo = new UsersRepository(caller.table);
  const user = await repo.get(caller.userId);
  if (!user) throw NotFound("账户");
  const { doc, tableName } = caller.table;
  return {
    state: user,
    setTotp: (patch) => repo.setTotp(caller.userId, patch),
    claimTotpStep: (step) => repo.claimTotpStep(caller.userId, step),
    recordFailure: (now) => recordLoginFailure(doc, tableName, repo.key(caller.userId), now),
    setOwnPassword: async (passwordHash, at) =>
      (await repo.update(user.id, user.version, { passwordHash, updatedAt: at.toISOString() }, [
        "mustChangePassword",
      ])) !== null,
  };
}
