import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

const UTF8MB4 = sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci`;

// The catalogue as the province exports it: an item's 法定时限 (working days, null where the
// province states none) and whether it is handled in the hall (是否进驻大厅). Every change of an
// item — imported or made by hand — appends its state to service_item_version; an item changed for
// the first time first gets the state it had until then (valid_from null: since it was created),
// so items loaded before this table need no back-fill. Cases copy promised_days at receipt, so a
// version is history to read, never a rule to recount old cases by.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("service_item")
    .addColumn("legal_days", "smallint")
    .addColumn("in_hall", "boolean", (col) => col.notNull().defaultTo(true))
    .execute();
  await db.schema
    .createTable("service_item_version")
    .addColumn("id", "integer", (col) => col.primaryKey().autoIncrement())
    .addColumn("service_item_id", "integer", (col) => col.notNull().references("service_item.id"))
    .addColumn("version", "integer", (col) => col.notNull())
    .addColumn("valid_from", "datetime(3)")
    .addColumn("department_id", "integer", (col) => col.notNull())
    .addColumn("name", "varchar(200)", (col) => col.notNull())
    .addColumn("case_type", "varchar(16)", (col) => col.notNull())
    .addColumn("promised_days", "smallint", (col) => col.notNull())
    .addColumn("legal_days", "smallint")
    .addColumn("in_hall", "boolean", (col) => col.notNull())
    .addColumn("active", "boolean", (col) => col.notNull())
    // the windows that accept it, as a JSON array of window ids
    .addColumn("window_ids", "text", (col) => col.notNull())
    // import | manual | earlier (the state before the first recorded change)
    .addColumn("source", "varchar(16)", (col) => col.notNull())
    .addColumn("changed_by_user_id", "integer")
    .addUniqueConstraint("service_item_version_item_version", ["service_item_id", "version"])
    .modifyEnd(UTF8MB4)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("service_item_version").execute();
  await db.schema.alterTable("service_item").dropColumn("in_hall").dropColumn("legal_days").execute();
}
