import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

// Which departments and service items a window receives, and at which windows a staff member may
// serve (the home window first): hall administration edits them, the desk's sign-in checks the
// last, and the catalogue import links items to the windows its 受理窗口 column names.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("window_department")
    .addColumn("window_id", "integer", (col) => col.notNull().references("window.id"))
    .addColumn("department_id", "integer", (col) => col.notNull().references("department.id"))
    .addPrimaryKeyConstraint("window_department_pk", ["window_id", "department_id"])
    .execute();
  await db.schema
    .createTable("window_service_item")
    .addColumn("window_id", "integer", (col) => col.notNull().references("window.id"))
    .addColumn("service_item_id", "integer", (col) => col.notNull().references("service_item.id"))
    .addPrimaryKeyConstraint("window_service_item_pk", ["window_id", "service_item_id"])
    .execute();
  await db.schema
    .createIndex("window_service_item_item_index")
    .on("window_service_item")
    .column("service_item_id")
    .execute();
  await db.schema
    .createTable("staff_window")
    .addColumn("staff_id", "integer", (col) => col.notNull().references("staff.id"))
    .addColumn("window_id", "integer", (col) => col.notNull().references("window.id"))
    // 0 = the home window; the others in the order the manager listed them
    .addColumn("position", "smallint", (col) => col.notNull())
    .addPrimaryKeyConstraint("staff_window_pk", ["staff_id", "window_id"])
    .execute();
  await db.schema.createIndex("staff_window_window_index").on("staff_window").column("window_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("staff_window").execute();
  await db.schema.dropTable("window_service_item").execute();
  await db.schema.dropTable("window_department").execute();
}
