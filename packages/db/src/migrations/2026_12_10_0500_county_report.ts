import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

// The county monthly report's archive: the hall reports' columns, keyed by the county instead of
// the hall. Immutable snapshots, one row per version; (county_id, month, version) settles races.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("county_report")
    .addColumn("id", "bigint", (col) => col.primaryKey().autoIncrement())
    .addColumn("county_id", "integer", (col) => col.notNull().references("county.id"))
    .addColumn("month", "char(7)", (col) => col.notNull())
    .addColumn("version", "integer", (col) => col.notNull())
    .addColumn("definitions_version", "varchar(16)", (col) => col.notNull())
    .addColumn("status", "varchar(16)", (col) => col.notNull())
    .addColumn("progress", sql`tinyint`, (col) => col.notNull().defaultTo(0))
    .addColumn("body", sql`longtext`)
    .addColumn("error", "varchar(500)", (col) => col.notNull().defaultTo(""))
    .addColumn("created_by", "integer", (col) => col.references("user.id"))
    .addColumn("created_at", sql`datetime(3)`, (col) => col.notNull())
    .addColumn("finished_at", sql`datetime(3)`)
    .addUniqueConstraint("county_report_county_id_month_version_uq", ["county_id", "month", "version"])
    .modifyEnd(sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("county_report").execute();
}
