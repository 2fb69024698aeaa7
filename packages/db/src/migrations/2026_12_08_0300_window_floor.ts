import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

// The hall's own administration of its windows: a window's place on the floor, and when it was
// retired (kept, with its cases and figures; hidden from the desk and the evaluator list).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("window")
    .addColumn("sort_order", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("window")
    .addColumn("retired_at", sql`datetime(3)`)
    .execute();
  // Existing windows keep the order their codes gave them.
  await sql`update \`window\` w join (select id, row_number() over (partition by hall_id order by code) as n from \`window\`) o on o.id = w.id set w.sort_order = o.n * 10`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("window").dropColumn("retired_at").execute();
  await db.schema.alterTable("window").dropColumn("sort_order").execute();
}
