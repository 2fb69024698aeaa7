import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

const TIME = "datetime(3)";
const UTF8MB4 = sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci`;

export async function up(db: Kysely<any>): Promise<void> {
  // A business system calling /api/v1 with a key. Only the key's sha-256 is kept: the secret is
  // shown once when it is issued, and a leaked table hands out no keys.
  await db.schema
    .createTable("api_client")
    .addColumn("id", "integer", (col) => col.primaryKey().autoIncrement())
    .addColumn("name", "varchar(100)", (col) => col.notNull())
    // Comma-separated scope names (cases:write, ratings:write …): a handful, always read whole.
    .addColumn("scopes", "varchar(200)", (col) => col.notNull())
    // "hcpk_12_AbCd": enough to recognise a key in a config file, useless to call with.
    .addColumn("key_prefix", "varchar(32)", (col) => col.notNull())
    .addColumn("key_hash", sql`char(64)`, (col) => col.notNull())
    .addColumn("rate_limit_per_minute", "integer", (col) => col.notNull())
    .addColumn("created_by", "integer", (col) => col.references("user.id"))
    .addColumn("created_at", TIME, (col) => col.notNull())
    .addColumn("rotated_at", TIME)
    .addColumn("revoked_at", TIME)
    .modifyEnd(UTF8MB4)
    .execute();

  await db.schema
    .createTable("api_client_hall")
    .addColumn("client_id", "integer", (col) => col.notNull().references("api_client.id"))
    .addColumn("hall_id", "integer", (col) => col.notNull().references("hall.id"))
    .addPrimaryKeyConstraint("api_client_hall_pk", ["client_id", "hall_id"])
    .modifyEnd(UTF8MB4)
    .execute();

  // Every call a client makes: what was called and how it ended. No bodies, no personal data.
  await db.schema
    .createTable("api_call_log")
    .addColumn("id", "bigint", (col) => col.primaryKey().autoIncrement())
    .addColumn("client_id", "integer", (col) => col.notNull())
    .addColumn("route", "varchar(100)", (col) => col.notNull())
    .addColumn("method", "varchar(8)", (col) => col.notNull())
    .addColumn("status", sql`smallint`, (col) => col.notNull())
    .addColumn("duration_ms", "integer", (col) => col.notNull())
    .addColumn("request_id", "varchar(64)", (col) => col.notNull())
    .addColumn("at", TIME, (col) => col.notNull())
    .modifyEnd(UTF8MB4)
    .execute();
  await db.schema
    .createIndex("api_call_log_client_id_at_index")
    .on("api_call_log")
    .columns(["client_id", "at"])
    .execute();

  // Idempotency-Key of a client's rating: the body's hash tells a retry from a different request.
  await db.schema
    .createTable("api_idempotency")
    .addColumn("client_id", "integer", (col) => col.notNull())
    .addColumn("idempotency_key", "varchar(200)", (col) => col.notNull())
    .addColumn("request_hash", sql`char(64)`, (col) => col.notNull())
    .addColumn("created_at", TIME, (col) => col.notNull())
    .addPrimaryKeyConstraint("api_idempotency_pk", ["client_id", "idempotency_key"])
    .modifyEnd(sql`engine = InnoDB default charset = ascii collate = ascii_bin`)
    .execute();

  // An API client may start a case import: no user started it then (the audit chain names the client).
  await sql`alter table case_import modify created_by integer null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table case_import modify created_by integer not null`.execute(db);
  await db.schema.dropTable("api_idempotency").execute();
  await db.schema.dropTable("api_call_log").execute();
  await db.schema.dropTable("api_client_hall").execute();
  await db.schema.dropTable("api_client").execute();
}
