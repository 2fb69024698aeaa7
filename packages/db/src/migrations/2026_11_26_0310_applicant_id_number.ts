import type { Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

/**
 * The applicant's ID number (身份证号 / 统一社会信用代码) kept like the phone number: ciphertext
 * with its key id, a keyed hash for lookup, and the masked form screens show. The phone's masked
 * form is stored too, so lists never decrypt; rows written before are filled by `privacy rekey`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("case")
    .addColumn("applicant_contact_masked", "varchar(16)", (col) => col.notNull().defaultTo(""))
    .addColumn("applicant_id_no_cipher", "varchar(255)")
    .addColumn("applicant_id_no_hash", "char(64)")
    .addColumn("applicant_id_no_masked", "varchar(32)", (col) => col.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("case_applicant_id_no_hash_index").on("case").column("applicant_id_no_hash").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("case_applicant_id_no_hash_index").on("case").execute();
  await db.schema
    .alterTable("case")
    .dropColumn("applicant_contact_masked")
    .dropColumn("applicant_id_no_cipher")
    .dropColumn("applicant_id_no_hash")
    .dropColumn("applicant_id_no_masked")
    .execute();
}
