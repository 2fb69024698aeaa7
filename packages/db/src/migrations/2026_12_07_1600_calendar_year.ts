import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

const UTF8MB4 = sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci`;

// A year's holiday schedule is confirmed once, by whom and when; a year without a row here has no
// confirmed schedule, and its working days are counted Monday to Friday for now (暂按周末计算).
// The built-in notices are confirmed by the reference-data sync that runs after the migrations.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("calendar_year")
    .addColumn("year", "smallint", (col) => col.primaryKey())
    .addColumn("source", "varchar(8)", (col) => col.notNull())
    .addColumn("confirmed_by_user_id", "integer")
    .addColumn("confirmed_by_name", "varchar(64)", (col) => col.notNull())
    .addColumn("confirmed_at", "datetime(3)", (col) => col.notNull())
    .modifyEnd(UTF8MB4)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("calendar_year").execute();
}
