import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

// The misuse checks count a window's ratings by server receive time on every rating; without this
// index each rating scanned the whole table.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("rating_window_id_received_at_index")
    .on("rating")
    .columns(["window_id", "received_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("rating_window_id_received_at_index").on("rating").execute();
}
