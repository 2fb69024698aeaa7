import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

// Confirming a year's holiday schedule recounts, under lock, the 承诺件 due from that year on:
// without this index the confirming transaction read (and locked) every case ever received.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("case_due_date_index").on("case").column("due_date").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("case_due_date_index").on("case").execute();
}
