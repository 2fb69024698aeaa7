import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

// Coverage counts a hall's prompts of one month window by window; without this index each window's
// whole history was read to keep one month of it (seconds at province scale).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("rating_prompt_window_id_created_at_index")
    .on("rating_prompt")
    .columns(["window_id", "created_at"])
    .execute();
  // The report's bad reviews by reason read a hall's bad first ratings of a month: about 1 % of its
  // ratings, found through this index instead of reading every rating of the month.
  await db.schema
    .createIndex("rating_hall_id_seq_level_rated_at_index")
    .on("rating")
    .columns(["hall_id", "seq", "level", "rated_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("rating_hall_id_seq_level_rated_at_index").on("rating").execute();
  await db.schema.dropIndex("rating_prompt_window_id_created_at_index").on("rating_prompt").execute();
}
