import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

const TIME = "datetime(3)";
const UTF8MB4 = sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci`;

export async function up(db: Kysely<any>): Promise<void> {
  // Evaluator pairing and health: a one-time code binds a tablet; heartbeats report its outbox.
  await db.schema
    .alterTable("evaluator_device")
    .addColumn("pairing_code_hash", "char(64)")
    .addColumn("pairing_code_expires_at", TIME)
    .addColumn("last_heartbeat_at", TIME)
    .addColumn("outbox_depth", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("app_version", "varchar(32)")
    .execute();
  await db.schema
    .createIndex("evaluator_device_pairing_code_hash_index")
    .on("evaluator_device")
    .column("pairing_code_hash")
    .execute();

  // Per-hall capture rules (SPEC §3): prompt timeout, and the provincial default rating, off by default.
  await db.schema
    .alterTable("hall")
    .addColumn("prompt_timeout_seconds", "smallint", (col) => col.notNull().defaultTo(60))
    .addColumn("default_rating_enabled", "boolean", (col) => col.notNull().defaultTo(false))
    .addColumn("default_rating_level", sql`tinyint`, (col) => col.notNull().defaultTo(5))
    .execute();

  // Misuse signals are flagged for review, never used to drop a rating.
  await db.schema
    .createTable("rating_signal")
    .addColumn("id", "bigint", (col) => col.primaryKey().autoIncrement())
    .addColumn("hall_id", "integer", (col) => col.notNull().references("hall.id"))
    .addColumn("kind", "varchar(32)", (col) => col.notNull())
    .addColumn("rating_id", "bigint", (col) => col.references("rating.id"))
    .addColumn("case_id", "bigint", (col) => col.references("case.id"))
    .addColumn("window_id", "integer", (col) => col.references("window.id"))
    .addColumn("device_id", "integer", (col) => col.references("evaluator_device.id"))
    .addColumn("detail", "varchar(500)", (col) => col.notNull().defaultTo(""))
    .addColumn("created_at", TIME, (col) => col.notNull())
    .addColumn("reviewed_by", "integer", (col) => col.references("user.id"))
    .addColumn("reviewed_at", TIME)
    .modifyEnd(UTF8MB4)
    .execute();
  await db.schema
    .createIndex("rating_signal_hall_id_created_at_index")
    .on("rating_signal")
    .columns(["hall_id", "created_at"])
    .execute();

  // Online lookup by case number + phone digits: five wrong tries lock the case for a while.
  await db.schema
    .createTable("online_lookup_lock")
    .addColumn("case_no", "varchar(40)", (col) => col.primaryKey())
    .addColumn("failures", "integer", (col) => col.notNull())
    .addColumn("locked_until", TIME)
    .addColumn("updated_at", TIME, (col) => col.notNull())
    .modifyEnd(UTF8MB4)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("online_lookup_lock").execute();
  await db.schema.dropTable("rating_signal").execute();
  await db.schema
    .alterTable("hall")
    .dropColumn("prompt_timeout_seconds")
    .dropColumn("default_rating_enabled")
    .dropColumn("default_rating_level")
    .execute();
  await db.schema.dropIndex("evaluator_device_pairing_code_hash_index").on("evaluator_device").execute();
  await db.schema
    .alterTable("evaluator_device")
    .dropColumn("pairing_code_hash")
    .dropColumn("pairing_code_expires_at")
    .dropColumn("last_heartbeat_at")
    .dropColumn("outbox_depth")
    .dropColumn("app_version")
    .execute();
}
