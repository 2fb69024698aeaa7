import { sql, type Kysely } from "kysely";

// Migrations are frozen in time: they use Kysely<any> and never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

const TIME = "datetime(3)";
const UTF8MB4 = sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("hall")
    .addColumn("id", "integer", (col) => col.primaryKey().autoIncrement())
    .addColumn("code", "varchar(32)", (col) => col.notNull().unique())
    .addColumn("name", "varchar(100)", (col) => col.notNull())
    .addColumn("region_code", "char(6)", (col) => col.notNull())
    .addColumn("rating_window_days", "smallint", (col) => col.notNull().defaultTo(7))
    .modifyEnd(UTF8MB4)
    .execute();

  await db.schema
    .createTable("department")
    .addColumn("id", "integer", (col) => col.primaryKey().autoIncrement())
    .addColumn("hall_id", "integer", (col) => col.notNull().references("hall.id"))
    .addColumn("code", "varchar(32)", (col) => col.notNull().unique())
    .addColumn("name", "varchar(100)", (col) => col.notNull())
    .addColumn("sort_order", "integer", (col) => col.notNull().defaultTo(0))
    .modifyEnd(UTF8MB4)
    .execute();

  await db.schema
    .createTable("service_item")
    .addColumn("id", "integer", (col) => col.primaryKey().autoIncrement())
    .addColumn("department_id", "integer", (col) => col.notNull().references("department.id"))
    .addColumn("code", "varchar(40)", (col) => col.notNull().unique())
    .addColumn("name", "varchar(200)", (col) => col.notNull())
    .addColumn("case_type", "varchar(16)", (col) => col.notNull())
    .addColumn("promised_days", "smallint", (col) => col.notNull().defaultTo(0))
    .addColumn("active", "boolean", (col) => col.notNull().defaultTo(true))
    .modifyEnd(UTF8MB4)
    .execute();

  await db.schema
    .createTable("window")
    .addColumn("id", "integer", (col) => col.primaryKey().autoIncrement())
    .addColumn("hall_id", "integer", (col) => col.notNull().references("hall.id"))
    .addColumn("code", "varchar(16)", (col) => col.notNull())
    .addColumn("name", "varchar(100)", (col) => col.notNull())
    .addColumn("kind", "varchar(16)", (col) => col.notNull())
    .addColumn("department_id", "integer", (col) => col.references("department.id"))
    .addColumn("active", "boolean", (col) => col.notNull().defaultTo(true))
    .addUniqueConstraint("window_hall_id_code_uq", ["hall_id", "code"])
    .modifyEnd(UTF8MB4)
    .execute();

  await db.schema
    .createTable("staff")
    .addColumn("id", "integer", (col) => col.primaryKey().autoIncrement())
    .addColumn("hall_id", "integer", (col) => col.notNull().references("hall.id"))
    .addColumn("department_id", "integer", (col) => col.notNull().references("department.id"))
    .addColumn("badge_no", "varchar(32)", (col) => col.notNull().unique())
    .addColumn("name", "varchar(50)", (col) => col.notNull())
    .addColumn("photo_url", "varchar(255)", (col) => col.notNull())
    .addColumn("active", "boolean", (col) => col.notNull().defaultTo(true))
    .modifyEnd(UTF8MB4)
    .execute();

  await db.schema
    .createTable("window_presence")
    .addColumn("id", "integer", (col) => col.primaryKey().autoIncrement())
    .addColumn("window_id", "integer", (col) => col.notNull().references("window.id"))
    .addColumn("staff_id", "integer", (col) => col.notNull().references("staff.id"))
    .addColumn("signed_in_at", TIME, (col) => col.notNull())
    .addColumn("signed_out_at", TIME)
    .modifyEnd(UTF8MB4)
    .execute();
  await db.schema
    .createIndex("window_presence_window_id_signed_out_at_index")
    .on("window_presence")
    .columns(["window_id", "signed_out_at"])
    .execute();
  await db.schema
    .createIndex("window_presence_staff_id_signed_out_at_index")
    .on("window_presence")
    .columns(["staff_id", "signed_out_at"])
    .execute();

  await db.schema
    .createTable("evaluator_device")
    .addColumn("id", "integer", (col) => col.primaryKey().autoIncrement())
    .addColumn("window_id", "integer", (col) => col.unique().references("window.id"))
    .addColumn("device_code", "varchar(32)", (col) => col.notNull().unique())
    .addColumn("token_hash", "char(64)", (col) => col.unique())
    .addColumn("paired_at", TIME)
    .addColumn("last_seen_at", TIME)
    .modifyEnd(UTF8MB4)
    .execute();

  await db.schema
    .createTable("case")
    .addColumn("id", "bigint", (col) => col.primaryKey().autoIncrement())
    .addColumn("case_no", "varchar(40)", (col) => col.notNull().unique())
    .addColumn("hall_id", "integer", (col) => col.notNull().references("hall.id"))
    .addColumn("department_id", "integer", (col) => col.notNull().references("department.id"))
    .addColumn("service_item_id", "integer", (col) => col.notNull().references("service_item.id"))
    .addColumn("window_id", "integer", (col) => col.references("window.id"))
    .addColumn("staff_id", "integer", (col) => col.references("staff.id"))
    .addColumn("handling_channel", "varchar(16)", (col) => col.notNull())
    .addColumn("case_type", "varchar(16)", (col) => col.notNull())
    .addColumn("promised_days", "smallint", (col) => col.notNull().defaultTo(0))
    .addColumn("applicant_type", "varchar(8)", (col) => col.notNull())
    .addColumn("applicant_name_masked", "varchar(100)", (col) => col.notNull())
    .addColumn("applicant_contact_cipher", "varchar(255)")
    .addColumn("applicant_contact_hash", "char(64)")
    .addColumn("status", "varchar(16)", (col) => col.notNull())
    .addColumn("received_at", TIME, (col) => col.notNull())
    .addColumn("completed_at", TIME)
    .addColumn("due_date", "date")
    .modifyEnd(UTF8MB4)
    .execute();
  await db.schema
    .createIndex("case_hall_id_completed_at_index")
    .on("case")
    .columns(["hall_id", "completed_at"])
    .execute();
  await db.schema
    .createIndex("case_window_id_completed_at_index")
    .on("case")
    .columns(["window_id", "completed_at"])
    .execute();
  await db.schema
    .createIndex("case_staff_id_received_at_index")
    .on("case")
    .columns(["staff_id", "received_at"])
    .execute();
  await db.schema
    .createIndex("case_applicant_contact_hash_index")
    .on("case")
    .column("applicant_contact_hash")
    .execute();

  await db.schema
    .createTable("reason_code_version")
    .addColumn("version", "integer", (col) => col.primaryKey())
    .addColumn("name", "varchar(100)", (col) => col.notNull())
    .addColumn("is_current", "boolean", (col) => col.notNull().defaultTo(false))
    .modifyEnd(UTF8MB4)
    .execute();

  await db.schema
    .createTable("reason_code")
    .addColumn("version", "integer", (col) => col.notNull().references("reason_code_version.version"))
    .addColumn("code", "char(3)", (col) => col.notNull())
    .addColumn("level", sql`tinyint`, (col) => col.notNull())
    .addColumn("label", "varchar(100)", (col) => col.notNull())
    .addPrimaryKeyConstraint("reason_code_pk", ["version", "code"])
    .modifyEnd(UTF8MB4)
    .execute();

  await db.schema
    .createTable("rating_prompt")
    .addColumn("id", "bigint", (col) => col.primaryKey().autoIncrement())
    .addColumn("case_id", "bigint", (col) => col.notNull().references("case.id"))
    .addColumn("window_id", "integer", (col) => col.notNull().references("window.id"))
    .addColumn("staff_id", "integer", (col) => col.references("staff.id"))
    .addColumn("status", "varchar(16)", (col) => col.notNull())
    .addColumn("created_at", TIME, (col) => col.notNull())
    .addColumn("closed_at", TIME)
    .modifyEnd(UTF8MB4)
    .execute();
  await db.schema
    .createIndex("rating_prompt_window_id_id_index")
    .on("rating_prompt")
    .columns(["window_id", "id"])
    .execute();
  await db.schema.createIndex("rating_prompt_case_id_index").on("rating_prompt").column("case_id").execute();

  await db.schema
    .createTable("rating")
    .addColumn("id", "bigint", (col) => col.primaryKey().autoIncrement())
    .addColumn("case_id", "bigint", (col) => col.notNull().references("case.id"))
    .addColumn("seq", sql`tinyint`, (col) => col.notNull())
    .addColumn("level", sql`tinyint`, (col) => col.notNull())
    .addColumn("channel", sql`tinyint`, (col) => col.notNull())
    .addColumn("is_default", "boolean", (col) => col.notNull().defaultTo(false))
    .addColumn("comment", "varchar(500)", (col) => col.notNull().defaultTo(""))
    .addColumn("reason_version", "integer", (col) => col.notNull())
    .addColumn("hall_id", "integer", (col) => col.notNull().references("hall.id"))
    .addColumn("department_id", "integer", (col) => col.notNull().references("department.id"))
    .addColumn("service_item_id", "integer", (col) => col.notNull().references("service_item.id"))
    .addColumn("window_id", "integer", (col) => col.references("window.id"))
    .addColumn("staff_id", "integer", (col) => col.references("staff.id"))
    .addColumn("prompt_id", "bigint", (col) => col.references("rating_prompt.id"))
    .addColumn("idempotency_key", "char(36)", (col) => col.notNull().unique())
    .addColumn("rated_at", TIME, (col) => col.notNull())
    .addColumn("received_at", TIME, (col) => col.notNull())
    // 一次一评: one first rating and at most one follow-up per case, whatever the channel.
    .addUniqueConstraint("rating_case_id_seq_uq", ["case_id", "seq"])
    .addCheckConstraint("rating_level_check", sql`level between 1 and 5`)
    .addCheckConstraint("rating_seq_check", sql`seq in (1, 2)`)
    .modifyEnd(UTF8MB4)
    .execute();
  await db.schema.createIndex("rating_hall_id_rated_at_index").on("rating").columns(["hall_id", "rated_at"]).execute();
  await db.schema
    .createIndex("rating_window_id_rated_at_index")
    .on("rating")
    .columns(["window_id", "rated_at"])
    .execute();

  await db.schema
    .createTable("rating_reason")
    .addColumn("rating_id", "bigint", (col) => col.notNull().references("rating.id"))
    .addColumn("reason_code", "char(3)", (col) => col.notNull())
    .addPrimaryKeyConstraint("rating_reason_pk", ["rating_id", "reason_code"])
    .modifyEnd(UTF8MB4)
    .execute();

  await db.schema
    .createTable("role")
    .addColumn("key", "varchar(24)", (col) => col.primaryKey())
    .addColumn("label", "varchar(32)", (col) => col.notNull())
    .modifyEnd(UTF8MB4)
    .execute();

  await db.schema
    .createTable("user")
    .addColumn("id", "integer", (col) => col.primaryKey().autoIncrement())
    .addColumn("username", "varchar(64)", (col) => col.notNull().unique())
    .addColumn("password_hash", "varchar(255)", (col) => col.notNull())
    .addColumn("display_name", "varchar(64)", (col) => col.notNull())
    .addColumn("role", "varchar(24)", (col) => col.notNull().references("role.key"))
    .addColumn("hall_id", "integer", (col) => col.notNull().references("hall.id"))
    .addColumn("department_id", "integer", (col) => col.references("department.id"))
    .addColumn("staff_id", "integer", (col) => col.unique().references("staff.id"))
    .addColumn("active", "boolean", (col) => col.notNull().defaultTo(true))
    .addColumn("created_at", TIME, (col) => col.notNull())
    .modifyEnd(UTF8MB4)
    .execute();

  await db.schema
    .createTable("rating_exclusion")
    .addColumn("id", "integer", (col) => col.primaryKey().autoIncrement())
    .addColumn("rating_id", "bigint", (col) => col.notNull().unique().references("rating.id"))
    .addColumn("reason", "varchar(16)", (col) => col.notNull())
    .addColumn("note", "varchar(500)", (col) => col.notNull())
    .addColumn("approved_by", "integer", (col) => col.notNull().references("user.id"))
    .addColumn("created_at", TIME, (col) => col.notNull())
    .modifyEnd(UTF8MB4)
    .execute();

  await db.schema
    .createTable("session")
    .addColumn("id", "char(64)", (col) => col.primaryKey())
    .addColumn("user_id", "integer", (col) => col.notNull().references("user.id"))
    .addColumn("created_at", TIME, (col) => col.notNull())
    .addColumn("expires_at", TIME, (col) => col.notNull())
    .addColumn("last_seen_at", TIME, (col) => col.notNull())
    .modifyEnd(UTF8MB4)
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigint", (col) => col.primaryKey().autoIncrement())
    .addColumn("actor_user_id", "integer", (col) => col.references("user.id"))
    .addColumn("action", "varchar(64)", (col) => col.notNull())
    .addColumn("entity", "varchar(32)", (col) => col.notNull())
    .addColumn("entity_id", "varchar(64)", (col) => col.notNull())
    .addColumn("detail", "text", (col) => col.notNull())
    .addColumn("created_at", TIME, (col) => col.notNull())
    .modifyEnd(UTF8MB4)
    .execute();
  await db.schema
    .createIndex("audit_log_entity_entity_id_index")
    .on("audit_log")
    .columns(["entity", "entity_id"])
    .execute();

  // A portable named sequence (MariaDB, MySQL, TiDB): `value = last_insert_id(value + 1)`.
  await db.schema
    .createTable("counter")
    .addColumn("name", "varchar(64)", (col) => col.primaryKey())
    .addColumn("value", "bigint", (col) => col.notNull())
    .modifyEnd(UTF8MB4)
    .execute();

  await db.schema
    .createTable("calendar_day")
    .addColumn("date", "date", (col) => col.primaryKey())
    .addColumn("kind", "varchar(8)", (col) => col.notNull())
    .addColumn("name", "varchar(32)", (col) => col.notNull())
    .modifyEnd(UTF8MB4)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "calendar_day",
    "counter",
    "audit_log",
    "session",
    "rating_exclusion",
    "user",
    "role",
    "rating_reason",
    "rating",
    "rating_prompt",
    "reason_code",
    "reason_code_version",
    "case",
    "evaluator_device",
    "window_presence",
    "staff",
    "window",
    "service_item",
    "department",
    "hall",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
