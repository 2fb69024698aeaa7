import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

const TIME = "datetime(3)";
const UTF8MB4 = sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci`;

export async function up(db: Kysely<any>): Promise<void> {
  // Everyone who handled a case, in the order the business system sent them: seq 1 is the handler
  // (also case.staff_id, which the rollups count), the rest assisted.
  await db.schema
    .createTable("case_staff")
    .addColumn("case_id", "bigint", (col) => col.notNull().references("case.id"))
    .addColumn("seq", sql`tinyint`, (col) => col.notNull())
    .addColumn("staff_id", "integer", (col) => col.notNull().references("staff.id"))
    .addPrimaryKeyConstraint("case_staff_pk", ["case_id", "seq"])
    .modifyEnd(UTF8MB4)
    .execute();

  // A CSV/XLSX import of cases: kept in the database so its progress and per-row report survive a
  // restart of the server that ran it. The rows themselves are not kept — the file is re-sent.
  await db.schema
    .createTable("case_import")
    .addColumn("id", "bigint", (col) => col.primaryKey().autoIncrement())
    .addColumn("hall_id", "integer", (col) => col.notNull().references("hall.id"))
    .addColumn("created_by", "integer", (col) => col.notNull().references("user.id"))
    .addColumn("file_name", "varchar(255)", (col) => col.notNull())
    .addColumn("format", "varchar(8)", (col) => col.notNull())
    .addColumn("mode", "varchar(16)", (col) => col.notNull())
    .addColumn("status", "varchar(16)", (col) => col.notNull())
    .addColumn("progress", sql`tinyint`, (col) => col.notNull().defaultTo(0))
    .addColumn("total_rows", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("valid_rows", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("error_rows", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("created_rows", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("updated_rows", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("error_count", "integer", (col) => col.notNull().defaultTo(0))
    // JSON array of {row, field, column, message}; capped, error_count says how many there were.
    .addColumn("errors", sql`longtext`, (col) => col.notNull())
    .addColumn("failure", "varchar(500)", (col) => col.notNull().defaultTo(""))
    .addColumn("created_at", TIME, (col) => col.notNull())
    .addColumn("updated_at", TIME, (col) => col.notNull())
    .addColumn("finished_at", TIME)
    .modifyEnd(UTF8MB4)
    .execute();
  await db.schema.createIndex("case_import_hall_id_id_index").on("case_import").columns(["hall_id", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("case_import").execute();
  await db.schema.dropTable("case_staff").execute();
}
