import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import type { TenantAccess } from "@weiquan/store";
import type { TestApi } from "./api.ts";

/**
 * A fault-injecting DynamoDB client for one running API: every tenant table it hands out answers its
 * next `times` TransactWriteItems with what DynamoDB answers when another transaction holds one of the
 * items (TransactionCanceledException, reason TransactionConflict) — which DynamoDB Local never does.
 * The failed transaction never reaches DynamoDB Local, exactly as a cancelled one writes nothing.
 * `restore()` puts the real client back.
 */
export function injectTransactionConflicts(api: TestApi, times: number) {
  const original: TenantAccess = api.deps.tenantAccess;
  const state = { left: times, injected: 0, transactions: 0 };
  api.deps.tenantAccess = {
    async forTenant(tenantId) {
      const table = await original.forTenant(tenantId);
      const doc = new Proxy(table.doc, {
        get(target, prop, receiver) {
          if (prop !== "send") return Reflect.get(target, prop, receiver);
          // biome-ignore lint/suspicious/noExplicitAny: forwards whatever command the store sends
          return async (command: any, ...rest: any[]) => {
            if (command?.constructor?.name === "TransactWriteCommand") {
              state.transactions++;
              if (state.left > 0) {
                state.left--;
                state.injected++;
                throw conflict(command.input.TransactItems.length);
              }
            }
            return target.send(command, ...rest);
          };
        },
      });
      return { ...table, doc };
    },
  };
  return {
    state,
    restore() {
      api.deps.tenantAccess = original;
    },
  };
}

/** DynamoDB's answer to a transaction that touched an item another transaction was writing. */
function conflict(items: number) {
  // The rollup or counter is typically the contended item; which index carries the reason does not matter.
  const reasons = Array.from({ length: items }, (_, i) =>
    i === items - 1
      ? { Code: "TransactionConflict", Message: "Transaction is ongoing for the item" }
      : { Code: "None" },
  );
  return new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons
      .map((r) => r.Code)
      .join(", ")}]`,
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: reasons,
  });
}
