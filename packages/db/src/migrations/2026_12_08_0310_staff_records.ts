import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

// A staff member's records kept by the hall: phone (encrypted like an applicant's, with its mask),
// 上岗证 number and expiry (持证上岗), and the day they left (离职: never deleted, ratings and work
// orders keep pointing at them).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("staff").addColumn("phone_cipher", "varchar(255)").execute();
  await db.schema
    .alterTable("staff")
    .addColumn("phone_masked", "varchar(20)", (col) => col.notNull().defaultTo(""))
    .execute();
  await db.schema
    .alterTable("staff")
    .addColumn("certificate_no", "varchar(40)", (col) => col.notNull().defaultTo(""))
    .execute();
  await db.schema.alterTable("staff").addColumn("certificate_expires_on", "date").execute();
  await db.schema.alterTable("staff").addColumn("left_on", "date").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ["left_on", "certificate_expires_on", "certificate_no", "phone_masked", "phone_cipher"])
    await db.schema.alterTable("staff").dropColumn(column).execute();
}
