import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

/**
 * A hall's own settings (address, opening hours with its 非工作日 handling, logo) and what a
 * department needs beyond its name and credit code: a short name, a contact, and when it was retired
 * (kept with its history, hidden from pickers). The logo is a table of its own so the hall row,
 * read on every evaluator snapshot, carries no image.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("hall")
    .addColumn("address", "varchar(200)", (col) => col.notNull().defaultTo(""))
    // JSON of the opening hours; "" = the platform's default until someone saves them
    .addColumn("opening_hours", "varchar(2000)", (col) => col.notNull().defaultTo(""))
    .execute();
  await db.schema
    .createTable("hall_logo")
    .addColumn("hall_id", "integer", (col) => col.primaryKey().references("hall.id"))
    // the re-encoded PNG, never the upload itself
    .addColumn("image", sql`mediumblob`, (col) => col.notNull())
    .addColumn("updated_at", "datetime(3)", (col) => col.notNull())
    .modifyEnd(sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci`)
    .execute();
  await db.schema
    .alterTable("department")
    .addColumn("short_name", "varchar(20)", (col) => col.notNull().defaultTo(""))
    .addColumn("contact_name", "varchar(50)", (col) => col.notNull().defaultTo(""))
    .addColumn("contact_phone", "varchar(30)", (col) => col.notNull().defaultTo(""))
    .addColumn("retired_at", "datetime(3)")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("department")
    .dropColumn("retired_at")
    .dropColumn("contact_phone")
    .dropColumn("contact_name")
    .dropColumn("short_name")
    .execute();
  await db.schema.dropTable("hall_logo").execute();
  await db.schema.alterTable("hall").dropColumn("opening_hours").dropColumn("address").execute();
}
