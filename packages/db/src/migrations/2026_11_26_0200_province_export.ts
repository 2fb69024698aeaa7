import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

const TIME = "datetime(3)";
const UTF8MB4 = sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci`;

export async function up(db: Kysely<any>): Promise<void> {
  // Where and how a hall reports to the provincial 好差评 system. Off until an administrator sets it.
  await db.schema
    .createTable("province_export_config")
    .addColumn("hall_id", "integer", (col) => col.primaryKey().references("hall.id"))
    .addColumn("enabled", "boolean", (col) => col.notNull().defaultTo(false))
    .addColumn("endpoint", "varchar(500)", (col) => col.notNull().defaultTo(""))
    // The province's codes for our channels 6 (phone) and 7 (SMS): provinces differ (research §3.2).
    .addColumn("channel_map", "varchar(200)", (col) => col.notNull().defaultTo(""))
    // "national": 5 = 非常满意 (the 好差评 interface); "gbt39046": the reversed A.8 coding, 1 = 非常满意.
    .addColumn("level_coding", "varchar(16)", (col) => col.notNull().defaultTo("national"))
    .addColumn("data_source", "varchar(8)", (col) => col.notNull().defaultTo(""))
    .addColumn("timeout_ms", "integer", (col) => col.notNull().defaultTo(10_000))
    .addColumn("updated_at", TIME, (col) => col.notNull())
    .modifyEnd(UTF8MB4)
    .execute();

  // One row per record the province must receive, written by triggers in the writer's transaction.
  await db.schema
    .createTable("province_outbox")
    .addColumn("id", "bigint", (col) => col.primaryKey().autoIncrement())
    .addColumn("hall_id", "integer", (col) => col.notNull())
    .addColumn("kind", "varchar(24)", (col) => col.notNull())
    .addColumn("ref_id", "bigint", (col) => col.notNull())
    .addColumn("status", "varchar(16)", (col) => col.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("next_attempt_at", TIME, (col) => col.notNull())
    .addColumn("last_error", "varchar(500)", (col) => col.notNull().defaultTo(""))
    .addColumn("created_at", TIME, (col) => col.notNull())
    .addColumn("sent_at", TIME)
    .addColumn("settled_at", TIME)
    // 一条记录只报一次: the same change is never queued twice.
    .addUniqueConstraint("province_outbox_kind_ref_id_uq", ["kind", "ref_id"])
    .modifyEnd(UTF8MB4)
    .execute();
  await db.schema
    .createIndex("province_outbox_status_next_attempt_at_index")
    .on("province_outbox")
    .columns(["status", "next_attempt_at"])
    .execute();
  await db.schema
    .createIndex("province_outbox_hall_id_created_at_index")
    .on("province_outbox")
    .columns(["hall_id", "created_at"])
    .execute();

  const queue = (hall: string, kind: string, ref: string) =>
    `insert ignore into province_outbox (hall_id, kind, ref_id, status, next_attempt_at, created_at)
     values (${hall}, ${kind}, ${ref}, 'pending', utc_timestamp(3), utc_timestamp(3))`;

  // A bulk load (@rollup_bulk_load, see the rollups migration) is history, not news for the province.
  await sql
    .raw(
      `create trigger rating_province_insert after insert on rating for each row
       begin
         if @rollup_bulk_load is null then
           ${queue("new.hall_id", "if(new.seq = 1, 'rating', 'follow_up')", "new.id")};
         end if;
       end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger rating_exclusion_province_insert after insert on rating_exclusion for each row
       begin
         if @rollup_bulk_load is null then
           ${queue("(select r.hall_id from rating r where r.id = new.rating_id)", "'exclusion'", "new.id")};
         end if;
       end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger work_order_province_closed after update on work_order for each row
       begin
         if @rollup_bulk_load is null and new.state = 'closed' and not (old.state <=> 'closed') then
           ${queue("new.hall_id", "'work_order_closed'", "new.id")};
         end if;
       end`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of ["work_order_province_closed", "rating_exclusion_province_insert", "rating_province_insert"]) {
    await sql.raw(`drop trigger if exists ${trigger}`).execute(db);
  }
  await db.schema.dropTable("province_outbox").execute();
  await db.schema.dropTable("province_export_config").execute();
}
