import { createHash } from "node:crypto";

import canonicalize from "canonicalize";
import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

const UTF8MB4 = sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci`;
const GENESIS = "0".repeat(64);

/**
 * The audit trail becomes a hash chain: each record carries who (user and role), what (before and
 * after) and the hash of the record before it, so an edited or deleted row breaks the chain. A
 * one-row chain head, locked by every append, keeps concurrent appends from forking it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("audit_log")
    .addColumn("actor_role", "varchar(32)", (col) => col.notNull().defaultTo(""))
    .addColumn("before_json", sql`longtext`)
    .addColumn("after_json", sql`longtext`)
    .addColumn("prev_hash", "char(64)", (col) => col.notNull().defaultTo(""))
    .addColumn("hash", "char(64)", (col) => col.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("audit_log_created_at_index").on("audit_log").column("created_at").execute();

  await db.schema
    .createTable("audit_chain_head")
    .addColumn("id", "integer", (col) => col.primaryKey())
    .addColumn("last_id", "bigint", (col) => col.notNull())
    .addColumn("last_hash", "char(64)", (col) => col.notNull())
    .modifyEnd(UTF8MB4)
    .execute();

  // Seal the records written before the chain existed, in id order (the record layout of that day).
  const rows = await db.selectFrom("audit_log").selectAll().orderBy("id").execute();
  let prev = GENESIS;
  let lastId = 0;
  for (const row of rows as {
    id: number | string;
    actor_user_id: number | null;
    action: string;
    entity: string;
    entity_id: string;
    detail: string;
    created_at: Date;
  }[]) {
    const id = Number(row.id);
    const record = {
      id,
      actorUserId: row.actor_user_id,
      actorRole: "",
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      detail: parseOrText(row.detail),
      before: null,
      after: null,
      createdAt: row.created_at.toISOString(),
    };
    const hash = createHash("sha256")
      .update(prev + (canonicalize(record) ?? ""))
      .digest("hex");
    await db.updateTable("audit_log").set({ prev_hash: prev, hash }).where("id", "=", id).execute();
    prev = hash;
    lastId = id;
  }
  await db.insertInto("audit_chain_head").values({ id: 1, last_id: lastId, last_hash: prev }).execute();
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("audit_chain_head").execute();
  await db.schema.dropIndex("audit_log_created_at_index").on("audit_log").execute();
  await db.schema
    .alterTable("audit_log")
    .dropColumn("actor_role")
    .dropColumn("before_json")
    .dropColumn("after_json")
    .dropColumn("prev_hash")
    .dropColumn("hash")
    .execute();
}
