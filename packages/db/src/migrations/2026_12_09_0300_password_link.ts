import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

// One-time set-password links (账号管理: a new account or a reset handed over as a link instead of
// a one-time password): only the token's sha-256 is stored; a link is deleted when used, when the
// account is reset or disabled, or when another link is issued.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("password_link")
    .addColumn("token_hash", "char(64)", (col) => col.primaryKey())
    .addColumn("user_id", "integer", (col) => col.notNull().references("user.id").onDelete("cascade"))
    .addColumn("created_by_user_id", "integer", (col) => col.references("user.id").onDelete("set null"))
    .addColumn("created_at", "datetime(3)", (col) => col.notNull().defaultTo(sql`current_timestamp(3)`))
    .addColumn("expires_at", "datetime(3)", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("password_link_user_idx").on("password_link").column("user_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("password_link").execute();
}
