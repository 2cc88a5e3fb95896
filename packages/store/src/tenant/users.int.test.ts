import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { documentClient, localDynamoClient } from "../client.ts";
import { recordLoginFailure } from "../login-state.ts";
import { ensureTable } from "../provisioning/create-table.ts";
import { tenantTableDefinition } from "../table-definition.ts";
import type { TenantTable } from "../tenant-access.ts";
import { UsersRepository } from "./users.ts";

let table: TenantTable;
beforeAll(async () => {
  const client = localDynamoClient(inject("dynamoEndpoint"));
  const tableName = `users-${randomBytes(4).toString("hex")}`;
  await ensureTable(client, tableName, tenantTableDefinition);
  table = { tenantId: "t", tableName, doc: documentClient(client) };
});

const user = {
  id: "u1",
  username: "point9",
  displayName: "测试",
  role: "point_staff" as const,
  unitId: "p1",
  disabled: false,
  version: 1,
  passwordHash: "scrypt$x",
  createdAt: "2026-11-22T00:00:00.000Z",
  updatedAt: "2026-11-22T00:00:00.000Z",
};

describe("UsersRepository.update", () => {
  it("changes only the given fields, so a failed login counted meanwhile is not lost", async () => {
    const users = new UsersRepository(table);
    expect(await users.create(user)).toBe(true);
    const read = (await users.get("u1"))!;
    await recordLoginFailure(table.doc, table.tableName, users.key("u1"), new Date());
    const updated = await users.update("u1", read.version, { displayName: "改名" });
    expect(updated).toMatchObject({
      displayName: "改名",
      version: 2,
      failedLogins: 1,
      passwordHash: "scrypt$x",
    });
  });

  it("refuses a stale version and changes nothing", async () => {
    const users = new UsersRepository(table);
    expect(await users.update("u1", 1, { disabled: true })).toBeNull();
    expect((await users.get("u1"))?.disabled).toBe(false);
  });
});
