import { sql, type CreateTableBuilder, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

const TIME = "datetime(3)";
const UTF8MB4 = sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci`;

/** The additive counters every rollup row and every queued change carries. */
const COUNTERS = [
  "completed",
  "rated",
  "rated_default",
  "promised",
  "promised_on_time",
  "handling_seconds",
  "l1",
  "l2",
  "l3",
  "l4",
  "l5",
  "d1",
  "d2",
  "d3",
  "d4",
  "d5",
] as const;

function withCounters(builder: CreateTableBuilder<any, any>): CreateTableBuilder<any, any> {
  let table = builder;
  for (const counter of COUNTERS) {
    // handling_seconds sums a year of cases: beyond 2^31 at province scale.
    const type = counter === "handling_seconds" ? "bigint" : "integer";
    table = table.addColumn(counter, type, (col) => col.notNull().defaultTo(0));
  }
  return table;
}

/** The hall-local date of a UTC time: Asia/Shanghai has no daylight saving. */
const localDay = (column: string) => `date(${column} + interval 8 hour)`;

export async function up(db: Kysely<any>): Promise<void> {
  // Changes waiting to be folded into the rollups: written by triggers in the writer's own
  // transaction, so no code path (service, import, seed, a test's fixture) can bypass them.
  await withCounters(
    db.schema
      .createTable("rollup_change")
      .addColumn("id", "bigint", (col) => col.primaryKey().autoIncrement())
      .addColumn("hall_id", "integer", (col) => col.notNull())
      .addColumn("day", "date", (col) => col.notNull())
      .addColumn("window_id", "integer", (col) => col.notNull())
      .addColumn("staff_id", "integer", (col) => col.notNull())
      .addColumn("department_id", "integer", (col) => col.notNull())
      .addColumn("service_item_id", "integer", (col) => col.notNull())
      .addColumn("channel", sql`tinyint`, (col) => col.notNull()),
  )
    .modifyEnd(UTF8MB4)
    .execute();

  // Window × staff × department per hall-local day: overview, window ranking, department views.
  await withCounters(
    db.schema
      .createTable("rollup_window_day")
      .addColumn("hall_id", "integer", (col) => col.notNull())
      .addColumn("day", "date", (col) => col.notNull())
      .addColumn("window_id", "integer", (col) => col.notNull())
      .addColumn("staff_id", "integer", (col) => col.notNull())
      .addColumn("department_id", "integer", (col) => col.notNull())
      .addPrimaryKeyConstraint("rollup_window_day_pk", ["hall_id", "day", "window_id", "staff_id", "department_id"]),
  )
    .modifyEnd(UTF8MB4)
    .execute();

  // Service item per day: item and department views, top items.
  await withCounters(
    db.schema
      .createTable("rollup_item_day")
      .addColumn("hall_id", "integer", (col) => col.notNull())
      .addColumn("day", "date", (col) => col.notNull())
      .addColumn("department_id", "integer", (col) => col.notNull())
      .addColumn("service_item_id", "integer", (col) => col.notNull())
      .addPrimaryKeyConstraint("rollup_item_day_pk", ["hall_id", "day", "department_id", "service_item_id"]),
  )
    .modifyEnd(UTF8MB4)
    .execute();

  // Rating channel per day: ratings by channel (case counters stay 0 here).
  await withCounters(
    db.schema
      .createTable("rollup_channel_day")
      .addColumn("hall_id", "integer", (col) => col.notNull())
      .addColumn("day", "date", (col) => col.notNull())
      .addColumn("department_id", "integer", (col) => col.notNull())
      .addColumn("channel", sql`tinyint`, (col) => col.notNull())
      .addPrimaryKeyConstraint("rollup_channel_day_pk", ["hall_id", "day", "department_id", "channel"]),
  )
    .modifyEnd(UTF8MB4)
    .execute();

  const counterList = COUNTERS.join(", ");

  // A bulk load (the demo seed, a benchmark) sets @rollup_bulk_load on its own connection and
  // rebuilds the rollups from the raw rows afterwards: queueing millions of changes one by one
  // would triple its time. Every other writer leaves the variable unset.

  // A first rating's two contributions: its level on the day it was given, and "rated" on the day
  // its case was completed. p_sign is 1 when it starts counting, -1 when an exclusion removes it.
  await sql
    .raw(
      `create procedure rollup_rating_change(in p_rating_id bigint, in p_sign int)
       proc: begin
         if @rollup_bulk_load is not null then leave proc; end if;
         insert into rollup_change (hall_id, day, window_id, staff_id, department_id, service_item_id, channel, ${counterList})
         select r.hall_id, ${localDay("r.rated_at")}, coalesce(r.window_id, 0), coalesce(r.staff_id, 0),
                r.department_id, r.service_item_id, r.channel, 0, 0, 0, 0, 0, 0,
                p_sign * (r.level = 1), p_sign * (r.level = 2), p_sign * (r.level = 3), p_sign * (r.level = 4), p_sign * (r.level = 5),
                p_sign * (r.level = 1 and r.is_default), p_sign * (r.level = 2 and r.is_default), p_sign * (r.level = 3 and r.is_default),
                p_sign * (r.level = 4 and r.is_default), p_sign * (r.level = 5 and r.is_default)
         from rating r where r.id = p_rating_id and r.seq = 1;
         insert into rollup_change (hall_id, day, window_id, staff_id, department_id, service_item_id, channel, ${counterList})
         select c.hall_id, ${localDay("c.completed_at")}, coalesce(c.window_id, 0), coalesce(c.staff_id, 0),
                c.department_id, c.service_item_id, 0, 0, p_sign, p_sign * r.is_default, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
         from rating r join \`case\` c on c.id = r.case_id
         where r.id = p_rating_id and r.seq = 1 and c.completed_at is not null;
       end`,
    )
    .execute(db);

  // A completed case's contribution, from the values the trigger passes (OLD ones to take it back).
  await sql
    .raw(
      `create procedure rollup_case_change(
         in p_case_id bigint, in p_hall_id int, in p_window_id int, in p_staff_id int, in p_department_id int,
         in p_service_item_id int, in p_case_type varchar(16), in p_due_date date,
         in p_received_at datetime(3), in p_completed_at datetime(3), in p_sign int)
       proc: begin
         declare v_rated int default 0;
         declare v_rated_default int default 0;
         if @rollup_bulk_load is not null then leave proc; end if;
         select count(*), coalesce(sum(r.is_default), 0) into v_rated, v_rated_default
         from rating r left join rating_exclusion x on x.rating_id = r.id
         where r.case_id = p_case_id and r.seq = 1 and x.id is null;
         insert into rollup_change (hall_id, day, window_id, staff_id, department_id, service_item_id, channel, ${counterList})
         values (p_hall_id, ${localDay("p_completed_at")}, coalesce(p_window_id, 0), coalesce(p_staff_id, 0), p_department_id,
                 p_service_item_id, 0, p_sign, p_sign * v_rated, p_sign * v_rated_default,
                 p_sign * (p_case_type = 'promised'),
                 p_sign * (p_case_type = 'promised' and coalesce(${localDay("p_completed_at")} <= p_due_date, 0)),
                 p_sign * greatest(timestampdiff(second, p_received_at, p_completed_at), 0),
                 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
       end`,
    )
    .execute(db);

  const caseArgs = (row: "new" | "old") =>
    [
      "id",
      "hall_id",
      "window_id",
      "staff_id",
      "department_id",
      "service_item_id",
      "case_type",
      "due_date",
      "received_at",
      "completed_at",
    ]
      .map((column) => `${row}.${column}`)
      .join(", ");
  const caseChanged = [
    "hall_id",
    "window_id",
    "staff_id",
    "department_id",
    "service_item_id",
    "case_type",
    "due_date",
    "received_at",
    "completed_at",
  ]
    .map((column) => `not (old.${column} <=> new.${column})`)
    .join(" or ");

  await sql
    .raw(
      `create trigger case_rollup_insert after insert on \`case\` for each row
       begin
         if new.completed_at is not null then call rollup_case_change(${caseArgs("new")}, 1); end if;
       end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger case_rollup_update after update on \`case\` for each row
       begin
         if ${caseChanged} then
           if old.completed_at is not null then call rollup_case_change(${caseArgs("old")}, -1); end if;
           if new.completed_at is not null then call rollup_case_change(${caseArgs("new")}, 1); end if;
         end if;
       end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger case_rollup_delete after delete on \`case\` for each row
       begin
         if old.completed_at is not null then call rollup_case_change(${caseArgs("old")}, -1); end if;
       end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger rating_rollup_insert after insert on rating for each row begin call rollup_rating_change(new.id, 1); end`,
    )
    .execute(db);
  // Ratings are immutable and never deleted by the platform; a row removed behind its back must
  // still leave the rollups right, so the contribution is taken back from the OLD values.
  await sql
    .raw(
      `create trigger rating_rollup_delete before delete on rating for each row
       begin
         if not exists (select 1 from rating_exclusion x where x.rating_id = old.id) then
           call rollup_rating_change(old.id, -1);
         end if;
       end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger rating_exclusion_rollup_insert after insert on rating_exclusion for each row
       begin call rollup_rating_change(new.rating_id, -1); end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger rating_exclusion_rollup_delete after delete on rating_exclusion for each row
       begin call rollup_rating_change(old.rating_id, 1); end`,
    )
    .execute(db);

  // Ranking settings a hall manager tunes (SPEC §6): weights as JSON, minimum sample of ratings.
  await db.schema
    .alterTable("hall")
    .addColumn("ranking_weights", "varchar(500)", (col) => col.notNull().defaultTo(""))
    .addColumn("ranking_min_sample", "integer", (col) => col.notNull().defaultTo(30))
    .execute();

  // Monthly satisfaction reports: immutable snapshots, one row per version.
  await db.schema
    .createTable("monthly_report")
    .addColumn("id", "bigint", (col) => col.primaryKey().autoIncrement())
    .addColumn("hall_id", "integer", (col) => col.notNull().references("hall.id"))
    .addColumn("month", "char(7)", (col) => col.notNull())
    .addColumn("version", "integer", (col) => col.notNull())
    .addColumn("definitions_version", "varchar(16)", (col) => col.notNull())
    .addColumn("status", "varchar(16)", (col) => col.notNull())
    .addColumn("progress", sql`tinyint`, (col) => col.notNull().defaultTo(0))
    .addColumn("body", sql`longtext`)
    .addColumn("error", "varchar(500)", (col) => col.notNull().defaultTo(""))
    .addColumn("created_by", "integer", (col) => col.references("user.id"))
    .addColumn("created_at", TIME, (col) => col.notNull())
    .addColumn("finished_at", TIME)
    .addUniqueConstraint("monthly_report_hall_id_month_version_uq", ["hall_id", "month", "version"])
    .modifyEnd(UTF8MB4)
    .execute();

  // Raw-row reads the rollups do not cover: drill-down to cases and ratings of a staff member.
  await db.schema
    .createIndex("rating_staff_id_rated_at_index")
    .on("rating")
    .columns(["staff_id", "rated_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("rating_staff_id_rated_at_index").on("rating").execute();
  await db.schema.dropTable("monthly_report").execute();
  await db.schema.alterTable("hall").dropColumn("ranking_weights").dropColumn("ranking_min_sample").execute();
  for (const trigger of [
    "rating_exclusion_rollup_delete",
    "rating_exclusion_rollup_insert",
    "rating_rollup_delete",
    "rating_rollup_insert",
    "case_rollup_delete",
    "case_rollup_update",
    "case_rollup_insert",
  ]) {
    await sql.raw(`drop trigger if exists ${trigger}`).execute(db);
  }
  await sql.raw("drop procedure if exists rollup_case_change").execute(db);
  await sql.raw("drop procedure if exists rollup_rating_change").execute(db);
  for (const table of ["rollup_channel_day", "rollup_item_day", "rollup_window_day", "rollup_change"]) {
    await db.schema.dropTable(table).execute();
  }
}
