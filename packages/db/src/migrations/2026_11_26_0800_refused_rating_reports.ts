import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

// An evaluator reports each rating the server refused for good (the case was rated meanwhile, the
// tablet was moved to another window …) as a signal for review. The report carries the rating's
// idempotency key, so a report sent twice is recorded once. Other signals leave it empty.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("rating_signal").addColumn("report_key", "char(36)").execute();
  await db.schema
    .alterTable("rating_signal")
    .addUniqueConstraint("rating_signal_report_key_uq", ["report_key"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("rating_signal").dropConstraint("rating_signal_report_key_uq").execute();
  await db.schema.alterTable("rating_signal").dropColumn("report_key").execute();
}
