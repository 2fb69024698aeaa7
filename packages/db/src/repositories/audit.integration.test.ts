import { sql } from "kysely";
import { describe, expect, test } from "vitest";

import { useTestDb } from "../testing/test-db";
import { insertAudit, listAudit, verifyAuditChain } from "./audit";

const getDb = useTestDb();
const NOW = new Date("2026-11-26T03:00:00.123Z");

async function appendSome(count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    await insertAudit(getDb(), {
      actorUserId: null,
      actorRole: "system",
      action: "catalog.updateItem",
      entity: "service_item",
      entityId: index + 1,
      before: { name: `事项${index}`, promisedDays: 5 },
      after: { name: `事项${index}`, promisedDays: 3 },
      detail: { note: "测试" },
      now: NOW,
    });
  }
}

describe("audit chain", () => {
  test("records chain by hash from the genesis and verify", async () => {
    await appendSome(3);
    const rows = await getDb().selectFrom("audit_log").selectAll().orderBy("id").execute();
    expect(rows.map((row) => Number(row.id))).toEqual([1, 2, 3]);
    expect(rows[0]?.prev_hash).toBe("0".repeat(64));
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(rows[2]?.prev_hash).toBe(rows[1]?.hash);
    expect(JSON.parse(rows[0]?.after_json ?? "null")).toEqual({ name: "事项0", promisedDays: 3 });
    expect(await verifyAuditChain(getDb())).toEqual({ ok: true, checked: 3, lastId: 3 });
    const [newest] = await listAudit(getDb(), { limit: 1 });
    expect(newest).toMatchObject({
      id: 3,
      actorRole: "system",
      before: { promisedDays: 5 },
      after: { promisedDays: 3 },
      createdAt: NOW.toISOString(),
    });
  });

  test("an empty trail verifies", async () => {
    expect(await verifyAuditChain(getDb())).toEqual({ ok: true, checked: 0, lastId: 0 });
  });

  test("concurrent appends on many connections never fork the chain", async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        insertAudit(getDb(), {
          actorUserId: null,
          actorRole: "system",
          action: "test.concurrent",
          entity: "test",
          entityId: index,
          now: NOW,
        }),
      ),
    );
    const rows = await getDb().selectFrom("audit_log").select(["id", "prev_hash"]).orderBy("id").execute();
    expect(rows.map((row) => Number(row.id))).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    expect(new Set(rows.map((row) => row.prev_hash)).size).toBe(40);
    expect(await verifyAuditChain(getDb(), { pageSize: 7 })).toEqual({ ok: true, checked: 40, lastId: 40 });
  });

  test("a record appended in a transaction that rolls back leaves no trace and no gap", async () => {
    await appendSome(1);
    await expect(
      getDb()
        .transaction()
        .execute(async (trx) => {
          await insertAudit(trx, {
            actorUserId: null,
            action: "test.rolledBack",
            entity: "test",
            entityId: 1,
            now: NOW,
          });
          throw new Error("the change failed");
        }),
    ).rejects.toThrow("the change failed");
    await appendSome(1);
    expect(await verifyAuditChain(getDb())).toEqual({ ok: true, checked: 2, lastId: 2 });
  });

  test("a row edited behind the platform's back fails verification at that row", async () => {
    await appendSome(5);
    await sql`update audit_log set after_json = ${JSON.stringify({ name: "事项2", promisedDays: 30 })} where id = 3`.execute(
      getDb(),
    );
    const result = await verifyAuditChain(getDb(), { pageSize: 2 });
    expect(result).toMatchObject({ ok: false, checked: 2, brokenAt: { id: 3, problem: "hash" } });
  });

  test("re-hashing an edited row does not help: the next row's link breaks", async () => {
    await appendSome(4);
    await sql`update audit_log set actor_role = 'admin', hash = ${"f".repeat(64)} where id = 2`.execute(getDb());
    expect(await verifyAuditChain(getDb())).toMatchObject({ ok: false, brokenAt: { id: 2, problem: "hash" } });
  });

  test("a deleted row fails verification where it was", async () => {
    await appendSome(5);
    await sql`delete from audit_log where id = 3`.execute(getDb());
    expect(await verifyAuditChain(getDb())).toMatchObject({
      ok: false,
      checked: 2,
      brokenAt: { id: 3, problem: "missing" },
    });
  });

  test("the last row deleted fails verification against the chain head", async () => {
    await appendSome(3);
    await sql`delete from audit_log where id = 3`.execute(getDb());
    expect(await verifyAuditChain(getDb())).toMatchObject({
      ok: false,
      checked: 2,
      brokenAt: { id: 3, problem: "head" },
    });
  });
});
