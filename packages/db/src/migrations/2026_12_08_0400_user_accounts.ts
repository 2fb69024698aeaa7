import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

// User accounts kept from the console: an account whose password someone else chose (a new account,
// a reset, the first administrator) must change it at its next sign-in; the last sign-in is shown.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("user")
    .addColumn("must_change_password", "boolean", (col) => col.notNull().defaultTo(false))
    .execute();
  await db.schema.alterTable("user").addColumn("last_sign_in_at", "datetime(3)").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ["last_sign_in_at", "must_change_password"])
    await db.schema.alterTable("user").dropColumn(column).execute();
}
