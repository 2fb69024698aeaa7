import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

// A pairing code stays readable to administrators until it is used or expires (a console reload
// must not lose it): the code is kept encrypted under the data key beside its hash, and cleared
// with it when the tablet pairs, the device is unpaired or a new code is issued.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("evaluator_device").addColumn("pairing_code_cipher", "varchar(128)").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("evaluator_device").dropColumn("pairing_code_cipher").execute();
}
