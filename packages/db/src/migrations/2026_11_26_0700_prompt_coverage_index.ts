import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

// The report's coverage counts a hall's prompts of one month and those that timed out. With the
// status in the index the count reads only index entries of the month, window by window; without
// it every prompt row of the month was fetched for its status (110 k row reads at province scale).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("rating_prompt_window_id_created_at_status_index")
    .on("rating_prompt")
    .columns(["window_id", "created_at", "status"])
    .execute();
  await db.schema.dropIndex("rating_prompt_window_id_created_at_index").on("rating_prompt").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("rating_prompt_window_id_created_at_index")
    .on("rating_prompt")
    .columns(["window_id", "created_at"])
    .execute();
  await db.schema.dropIndex("rating_prompt_window_id_created_at_status_index").on("rating_prompt").execute();
}
