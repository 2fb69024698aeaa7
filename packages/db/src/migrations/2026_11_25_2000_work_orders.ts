import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

const TIME = "datetime(3)";
const UTF8MB4 = sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci`;

export async function up(db: Kysely<any>): Promise<void> {
  // Deadlines per hall, in working days (SPEC §5 defaults: contact 1, rectification 15).
  await db.schema
    .alterTable("hall")
    .addColumn("contact_due_days", "smallint", (col) => col.notNull().defaultTo(1))
    .addColumn("rectify_due_days", "smallint", (col) => col.notNull().defaultTo(15))
    .execute();

  // Days a hall serves outside the working calendar (延时/预约/节假日 service).
  await db.schema
    .createTable("hall_service_day")
    .addColumn("hall_id", "integer", (col) => col.notNull().references("hall.id"))
    .addColumn("date", "date", (col) => col.notNull())
    .addColumn("note", "varchar(100)", (col) => col.notNull().defaultTo(""))
    .addPrimaryKeyConstraint("hall_service_day_pk", ["hall_id", "date"])
    .modifyEnd(UTF8MB4)
    .execute();

  await db.schema
    .createTable("work_order")
    .addColumn("id", "bigint", (col) => col.primaryKey().autoIncrement())
    // One order per bad rating, opened in the rating's own transaction.
    .addColumn("rating_id", "bigint", (col) => col.notNull().unique().references("rating.id"))
    .addColumn("case_id", "bigint", (col) => col.notNull().references("case.id"))
    .addColumn("hall_id", "integer", (col) => col.notNull().references("hall.id"))
    .addColumn("department_id", "integer", (col) => col.notNull().references("department.id"))
    .addColumn("window_id", "integer", (col) => col.references("window.id"))
    .addColumn("staff_id", "integer", (col) => col.references("staff.id"))
    .addColumn("state", "varchar(32)", (col) => col.notNull())
    .addColumn("state_before_appeal", "varchar(32)")
    .addColumn("extension", "varchar(16)", (col) => col.notNull().defaultTo("none"))
    .addColumn("extension_days", "smallint", (col) => col.notNull().defaultTo(0))
    .addColumn("created_at", TIME, (col) => col.notNull())
    .addColumn("contact_due", "date", (col) => col.notNull())
    .addColumn("rectify_due", "date", (col) => col.notNull())
    .addColumn("contacted_at", TIME)
    .addColumn("rectified_at", TIME)
    .addColumn("replied_at", TIME)
    .addColumn("closed_at", TIME)
    .addColumn("reply", "varchar(1000)", (col) => col.notNull().defaultTo(""))
    .addColumn("escalation", sql`tinyint`, (col) => col.notNull().defaultTo(0))
    // Optimistic lock: two people acting at once — one wins, the other is told.
    .addColumn("version", "integer", (col) => col.notNull().defaultTo(0))
    .modifyEnd(UTF8MB4)
    .execute();
  await db.schema
    .createIndex("work_order_hall_id_state_index")
    .on("work_order")
    .columns(["hall_id", "state"])
    .execute();
  await db.schema
    .createIndex("work_order_department_id_state_index")
    .on("work_order")
    .columns(["department_id", "state"])
    .execute();
  await db.schema
    .createIndex("work_order_hall_id_created_at_index")
    .on("work_order")
    .columns(["hall_id", "created_at"])
    .execute();

  await db.schema
    .createTable("work_order_event")
    .addColumn("id", "bigint", (col) => col.primaryKey().autoIncrement())
    .addColumn("work_order_id", "bigint", (col) => col.notNull().references("work_order.id"))
    .addColumn("action", "varchar(32)", (col) => col.notNull())
    .addColumn("actor_user_id", "integer", (col) => col.references("user.id"))
    .addColumn("actor_role", "varchar(24)", (col) => col.notNull())
    .addColumn("from_state", "varchar(32)")
    .addColumn("to_state", "varchar(32)", (col) => col.notNull())
    .addColumn("note", "varchar(1000)", (col) => col.notNull().defaultTo(""))
    .addColumn("detail", "text", (col) => col.notNull())
    .addColumn("created_at", TIME, (col) => col.notNull())
    .modifyEnd(UTF8MB4)
    .execute();
  await db.schema
    .createIndex("work_order_event_work_order_id_id_index")
    .on("work_order_event")
    .columns(["work_order_id", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("work_order_event").execute();
  await db.schema.dropTable("work_order").execute();
  await db.schema.dropTable("hall_service_day").execute();
  await db.schema.alterTable("hall").dropColumn("contact_due_days").dropColumn("rectify_due_days").execute();
}
