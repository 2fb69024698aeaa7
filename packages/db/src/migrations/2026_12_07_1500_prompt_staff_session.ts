import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

const TIME = "datetime(3)";

// A prompt belongs to one staff session at one window (the window_presence row it was pushed in):
// when that session ends its open prompts are withdrawn, so an evaluator never shows another
// citizen's case to the next one. `shown_at` is when an evaluator put the prompt on screen (评价中).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("rating_prompt").addColumn("presence_id", "integer").addColumn("shown_at", TIME).execute();
  await db.schema
    .alterTable("rating_prompt")
    .addForeignKeyConstraint("rating_prompt_presence_id_fk", ["presence_id"], "window_presence", ["id"])
    .execute();
  await db.schema
    .createIndex("rating_prompt_presence_id_status_index")
    .on("rating_prompt")
    .columns(["presence_id", "status"])
    .execute();
  // Open prompts pushed during the window's current session stay open and join it; every other
  // open prompt is from a session that has ended and is withdrawn.
  await sql`
    update rating_prompt p
    join window_presence w on w.window_id = p.window_id and w.signed_out_at is null and w.signed_in_at <= p.created_at
    set p.presence_id = w.id
    where p.status = 'pending'`.execute(db);
  await sql`
    update rating_prompt set status = 'withdrawn', closed_at = utc_timestamp(3)
    where status = 'pending' and presence_id is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update rating_prompt set status = 'cancelled' where status = 'withdrawn'`.execute(db);
  await sql`alter table rating_prompt drop foreign key rating_prompt_presence_id_fk`.execute(db);
  await db.schema.dropIndex("rating_prompt_presence_id_status_index").on("rating_prompt").execute();
  await db.schema.alterTable("rating_prompt").dropColumn("presence_id").dropColumn("shown_at").execute();
}
