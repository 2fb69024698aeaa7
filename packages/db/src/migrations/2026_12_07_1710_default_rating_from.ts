import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

// When the hall's default-rating rule took effect: a province's rule applies to cases completed
// from then on, never to the years of unrated cases before it. Null while the rule is off. A hall
// that already had it on has had it applied to every case, so its rule counts from its first case.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("hall").addColumn("default_rating_from", "datetime(3)").execute();
  await sql`update hall set default_rating_from = coalesce(
      (select min(c.completed_at) from \`case\` c where c.hall_id = hall.id), utc_timestamp(3))
    where default_rating_enabled`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("hall").dropColumn("default_rating_from").execute();
}
