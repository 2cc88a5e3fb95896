import { T } from "./keys.ts";

/**
 * The narrower data-access session of the paths nobody has signed in to yet — login and the public
 * complaint page (`tenantAccess.forTenant(id, "public")`). In AWS it is a role of its own whose policy
 * allows the tenant's table only for items whose partition key matches these patterns
 * (`dynamodb:LeadingKeys`, IAM's StringLike: `*` any run, `?` one character); locally the same rule is
 * checked on every command (`guardPublicSession`), so the API tests fail when either path starts to touch
 * an item outside it. Of the indexes, only PUBLIC_SESSION_INDEX may be queried, for reading.
 */
export const PUBLIC_SESSION_PARTITIONS = {
  /**
   * Read only: the county's settings and its units (which unit takes a public complaint), the units also
   * as the list on GSI1 (for an index query the condition is on the index's partition key).
   */
  read: [T.settings().PK, T.unit("*").PK, T.unitIndex("*").GSI1PK],
  /** Read and written. */
  write: [
    // login: the account by name, the account (failures, lockout, TOTP steps), the failure count of a
    // name no account has
    T.username("*").PK,
    T.user("*").PK,
    T.loginGuard("*").PK,
    // public intake: the case and its timeline, tracking number (voided ones too) and the public's access
    // code, the day's counter, the unit's ledger, monthly figures and notices
    T.case("*").PK,
    T.tracking("*").PK,
    T.caseCounter("*").PK,
    T.ledgerEntry("*", "*", "*").PK,
    T.rollup("*", "*").PK,
    T.notice("*", "*", "*").PK,
    T.noticeUnread("*").PK,
    // both: per-source rate windows
    T.rateWindow("*", 0).PK,
  ],
} as const;

/** The one index the public session may query (the units' list). */
export const PUBLIC_SESSION_INDEX = "GSI1";

/** Whether a partition key value matches one IAM StringLike pattern (`*` any run, `?` one character). */
export function matchesLike(pattern: string, value: string): boolean {
  const source = pattern
    .split("")
    .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`, "s").test(value);
}

/** Whether the public session may touch an item of this partition, for reading or for writing. */
export function publicSessionAllows(partition: string, access: "read" | "write"): boolean {
  const patterns =
    access === "read"
      ? [...PUBLIC_SESSION_PARTITIONS.read, ...PUBLIC_SESSION_PARTITIONS.write]
      : PUBLIC_SESSION_PARTITIONS.write;
  return patterns.some((p) => matchesLike(p, partition));
}

type Access = "read" | "write";
type Item = Record<string, unknown>;

/** The partition keys a document-client command touches, each with the access it needs. */
function touches(command: { constructor: { name: string }; input: Item }): Array<[string, Access]> {
  const input = command.input;
  const name = command.constructor.name;
  if (input.IndexName !== undefined && input.IndexName !== PUBLIC_SESSION_INDEX) {
    return [[`index ${String(input.IndexName)}`, "write"]];
  }
  if (name === "ScanCommand") return [["(scan)", "write"]];
  const pk = (key: unknown) => String((key as Item | undefined)?.PK);
  if (name === "GetCommand") return [[pk(input.Key), "read"]];
  if (name === "PutCommand") return [[pk(input.Item), "write"]];
  if (name === "UpdateCommand" || name === "DeleteCommand") return [[pk(input.Key), "write"]];
  if (name === "QueryCommand") {
    const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
    const values = (input.ExpressionAttributeValues ?? {}) as Item;
    for (const [, attr, value] of String(input.KeyConditionExpression).matchAll(/(#?\w+)\s*=\s*(:\w+)/g)) {
      const key = input.IndexName === undefined ? "PK" : `${String(input.IndexName)}PK`;
      if ((names[attr!] ?? attr) === key) return [[String(values[value!]), "read"]];
    }
    return [["(query without a partition)", "write"]];
  }
  if (name === "TransactWriteCommand" || name === "TransactGetCommand") {
    return (input.TransactItems as Item[]).map((t): [string, Access] => {
      const [kind, op] = Object.entries(t)[0] as [string, Item];
      return [pk(op.Key ?? op.Item), kind === "Get" || kind === "ConditionCheck" ? "read" : "write"];
    });
  }
  if (name === "BatchGetCommand") {
    return Object.values(input.RequestItems as Record<string, { Keys: Item[] }>).flatMap((r) =>
      r.Keys.map((k): [string, Access] => [pk(k), "read"]),
    );
  }
  if (name === "BatchWriteCommand") {
    return Object.values(input.RequestItems as Record<string, Item[]>).flatMap((rs) =>
      rs.map((r): [string, Access] => [
        pk((r.PutRequest as Item)?.Item ?? (r.DeleteRequest as Item)?.Key),
        "write",
      ]),
    );
  }
  return [[`(${name})`, "write"]];
}

/**
 * Locally (DynamoDB Local checks no IAM): the tenant's document client as the public session sees it —
 * every command outside PUBLIC_SESSION_PARTITIONS fails with AccessDeniedException, as it would in AWS.
 */
export function guardPublicSession<D extends { send: (...args: never[]) => unknown }>(doc: D): D {
  return new Proxy(doc, {
    get(target, prop, receiver) {
      if (prop !== "send") return Reflect.get(target, prop, receiver);
      return (command: { constructor: { name: string }; input: Item }, ...rest: unknown[]) => {
        for (const [partition, access] of touches(command)) {
          if (!publicSessionAllows(partition, access)) {
            const denied = new Error(
              `public session: not allowed to ${access} ${partition} (${command.constructor.name}; ` +
                "packages/store/src/public-session.ts)",
            );
            denied.name = "AccessDeniedException";
            return Promise.reject(denied);
          }
        }
        return (target.send as (...a: unknown[]) => unknown)(command, ...rest);
      };
    },
  });
}
