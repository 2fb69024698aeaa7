import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

const UTF8MB4 = sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci`;

// The photo of a staff member's 亮牌 card as the server re-encoded it (fixed size, no metadata):
// the upload as sent is never stored nor served.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("staff_photo")
    .addColumn("staff_id", "integer", (col) => col.primaryKey().references("staff.id"))
    .addColumn("image", sql`mediumblob`, (col) => col.notNull())
    .addColumn("content_type", "varchar(32)", (col) => col.notNull())
    // the first 16 hex digits of the image's sha-256: the served URL changes with the photo
    .addColumn("digest", "char(16)", (col) => col.notNull())
    .addColumn("uploaded_at", sql`datetime(3)`, (col) => col.notNull())
    .modifyEnd(UTF8MB4)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("staff_photo").execute();
}
