import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

// One county, many halls: the county (区县, 12-digit 行政区划代码) above its county centre, township
// centres and village service points. A hall without a county is a hall on its own, as before.
// A user's scope is their hall or the whole county; a county user's session remembers the hall
// they are working in (null: their own).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("county")
    .addColumn("id", "integer", (col) => col.autoIncrement().primaryKey())
    .addColumn("area_code", "char(12)", (col) => col.notNull().unique())
    .addColumn("name", "varchar(64)", (col) => col.notNull())
    .addColumn("created_at", "datetime(3)", (col) => col.notNull().defaultTo(sql`current_timestamp(3)`))
    .execute();
  await db.schema
    .alterTable("hall")
    .addColumn("county_id", "integer")
    .addColumn("kind", "varchar(16)", (col) => col.notNull().defaultTo("county_centre"))
    .addColumn("area_code", "char(12)")
    .addColumn("parent_hall_id", "integer")
    .addColumn("sort_order", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("hall")
    .addForeignKeyConstraint("hall_county_id_fk", ["county_id"], "county", ["id"])
    .execute();
  await db.schema
    .alterTable("hall")
    .addForeignKeyConstraint("hall_parent_hall_id_fk", ["parent_hall_id"], "hall", ["id"])
    .execute();
  await db.schema.createIndex("hall_county_sort_index").on("hall").columns(["county_id", "sort_order"]).execute();
  await db.schema
    .alterTable("user")
    .addColumn("scope", "varchar(8)", (col) => col.notNull().defaultTo("hall"))
    .execute();
  await db.schema.alterTable("session").addColumn("acting_hall_id", "integer").execute();
  await db.schema
    .alterTable("session")
    .addForeignKeyConstraint("session_acting_hall_id_fk", ["acting_hall_id"], "hall", ["id"])
    .onDelete("set null")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table session drop foreign key session_acting_hall_id_fk`.execute(db);
  await db.schema.alterTable("session").dropColumn("acting_hall_id").execute();
  await db.schema.alterTable("user").dropColumn("scope").execute();
  await sql`alter table hall drop foreign key hall_parent_hall_id_fk`.execute(db);
  await sql`alter table hall drop foreign key hall_county_id_fk`.execute(db);
  await db.schema.dropIndex("hall_county_sort_index").on("hall").execute();
  await db.schema
    .alterTable("hall")
    .dropColumn("sort_order")
    .dropColumn("parent_hall_id")
    .dropColumn("area_code")
    .dropColumn("kind")
    .dropColumn("county_id")
    .execute();
  await db.schema.dropTable("county").execute();
}
