import { sql, type Generated, type Kysely } from "kysely";

import type { Db } from "../client";
import type { Database } from "../schema";

/**
 * The tables of migration 2026_11_26_0500_api_clients, typed where they are used (Kysely's
 * `withTables`): only the API-client services read them.
 */
export interface ApiClientTable {
  id: Generated<number>;
  name: string;
  /** comma-separated scope names */
  scopes: string;
  key_prefix: string;
  /** sha-256 (hex) of the key's secret part */
  key_hash: string;
  rate_limit_per_minute: number;
  created_by: number | null;
  created_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
}

export interface ApiClientHallTable {
  client_id: number;
  hall_id: number;
}

export interface ApiCallLogTable {
  id: Generated<number>;
  client_id: number;
  route: string;
  method: string;
  status: number;
  duration_ms: number;
  request_id: string;
  at: Date;
}

export interface ApiIdempotencyTable {
  client_id: number;
  idempotency_key: string;
  request_hash: string;
  created_at: Date;
}

// A type, not an interface: withTables needs the index signature only type aliases get implicitly.
type TApiClientTables = {
  api_client: ApiClientTable;
  api_client_hall: ApiClientHallTable;
  api_call_log: ApiCallLogTable;
  api_idempotency: ApiIdempotencyTable;
};

type TApiDb = Kysely<Database & TApiClientTables>;

function apiDb(db: Db): TApiDb {
  return db.withTables<TApiClientTables>();
}

export interface TApiClientRow {
  id: number;
  name: string;
  scopes: string[];
  hallIds: number[];
  keyPrefix: string;
  rateLimitPerMinute: number;
  createdAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** What a key is checked against: the hash and whether the client still stands. */
export interface TApiClientCredential {
  id: number;
  name: string;
  keyHash: string;
  scopes: string[];
  hallIds: number[];
  rateLimitPerMinute: number;
  revoked: boolean;
}

function scopeList(value: string): string[] {
  return value === "" ? [] : value.split(",");
}

function hallList(value: string | null): number[] {
  return value
    ? value
        .split(",")
        .map(Number)
        .sort((a, b) => a - b)
    : [];
}

/**
 * A new client, its halls and its key. The key names the client's id, which exists only after the
 * insert: a placeholder hash no secret can match stands in until `issueKey` has the id. Run it in
 * a transaction.
 */
export async function insertApiClient(
  db: Db,
  client: {
    name: string;
    scopes: readonly string[];
    hallIds: readonly number[];
    rateLimitPerMinute: number;
    createdBy: number | null;
    now: Date;
  },
  issueKey: (id: number) => { keyPrefix: string; keyHash: string },
): Promise<number> {
  const adb = apiDb(db);
  const result = await adb
    .insertInto("api_client")
    .values({
      name: client.name,
      scopes: client.scopes.join(","),
      key_prefix: "",
      key_hash: "0".repeat(64),
      rate_limit_per_minute: client.rateLimitPerMinute,
      created_by: client.createdBy,
      created_at: client.now,
    })
    .executeTakeFirstOrThrow();
  const id = Number(result.insertId);
  const key = issueKey(id);
  await adb
    .updateTable("api_client")
    .set({ key_prefix: key.keyPrefix, key_hash: key.keyHash })
    .where("id", "=", id)
    .execute();
  await adb
    .insertInto("api_client_hall")
    .values(client.hallIds.map((hallId) => ({ client_id: id, hall_id: hallId })))
    .execute();
  return id;
}

/** The id in a key is provisional until this row's hash matches; one primary-key read. */
export async function findApiClientCredential(db: Db, id: number): Promise<TApiClientCredential | undefined> {
  const row = await apiDb(db)
    .selectFrom("api_client as c")
    .select((eb) => [
      "c.id",
      "c.name",
      "c.key_hash",
      "c.scopes",
      "c.rate_limit_per_minute",
      "c.revoked_at",
      eb
        .selectFrom("api_client_hall as h")
        .select(sql<string>`group_concat(h.hall_id)`.as("ids"))
        .whereRef("h.client_id", "=", "c.id")
        .as("hall_ids"),
    ])
    .where("c.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    keyHash: row.key_hash,
    scopes: scopeList(row.scopes),
    hallIds: hallList(row.hall_ids),
    rateLimitPerMinute: row.rate_limit_per_minute,
    revoked: row.revoked_at !== null,
  };
}

/** Clients granted at least one of `hallIds` (an administrator's halls), newest first, with their last call. */
export async function listApiClients(db: Db, hallIds: readonly number[]): Promise<TApiClientRow[]> {
  if (hallIds.length === 0) return [];
  const rows = await apiDb(db)
    .selectFrom("api_client as c")
    .select((eb) => [
      "c.id",
      "c.name",
      "c.scopes",
      "c.key_prefix",
      "c.rate_limit_per_minute",
      "c.created_at",
      "c.rotated_at",
      "c.revoked_at",
      eb
        .selectFrom("api_client_hall as h")
        .select(sql<string>`group_concat(h.hall_id)`.as("ids"))
        .whereRef("h.client_id", "=", "c.id")
        .as("hall_ids"),
      eb
        .selectFrom("api_call_log as l")
        .select((inner) => inner.fn.max("l.at").as("at"))
        .whereRef("l.client_id", "=", "c.id")
        .as("last_used_at"),
    ])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("api_client_hall as g")
          .select("g.client_id")
          .whereRef("g.client_id", "=", "c.id")
          .where("g.hall_id", "in", hallIds),
      ),
    )
    .orderBy("c.id", "desc")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    scopes: scopeList(row.scopes),
    hallIds: hallList(row.hall_ids),
    keyPrefix: row.key_prefix,
    rateLimitPerMinute: row.rate_limit_per_minute,
    createdAt: row.created_at,
    rotatedAt: row.rotated_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at ?? null,
  }));
}

/** A new key: the old hash is overwritten, so the old key stops with this statement. */
/** Names of clients by id, for records that point at them. */
export async function apiClientNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await apiDb(db).selectFrom("api_client").select(["id", "name"]).where("id", "in", ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function replaceApiClientKey(
  db: Db,
  id: number,
  key: { keyPrefix: string; keyHash: string; now: Date },
): Promise<boolean> {
  const result = await apiDb(db)
    .updateTable("api_client")
    .set({ key_prefix: key.keyPrefix, key_hash: key.keyHash, rotated_at: key.now })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function revokeApiClient(db: Db, id: number, now: Date): Promise<boolean> {
  const result = await apiDb(db)
    .updateTable("api_client")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export type TApiCallRow = Omit<ApiCallLogTable, "id">;

/** Many calls in one statement: the log is written in batches, off the calls' own path. */
export async function insertApiCalls(db: Db, rows: readonly TApiCallRow[]): Promise<void> {
  if (rows.length === 0) return;
  await apiDb(db)
    .insertInto("api_call_log")
    .values([...rows])
    .execute();
}

export async function listApiCalls(db: Db, clientId: number, limit: number): Promise<(TApiCallRow & { id: number })[]> {
  return apiDb(db)
    .selectFrom("api_call_log")
    .selectAll()
    .where("client_id", "=", clientId)
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/**
 * Claims an Idempotency-Key for a request's hash. Returns the hash the key was first claimed
 * with: equal to `requestHash` for a first use or a retry, different for another request.
 */
export async function claimIdempotencyKey(
  db: Db,
  claim: { clientId: number; key: string; requestHash: string; now: Date },
): Promise<string> {
  const adb = apiDb(db);
  await adb
    .insertInto("api_idempotency")
    .values({
      client_id: claim.clientId,
      idempotency_key: claim.key,
      request_hash: claim.requestHash,
      created_at: claim.now,
    })
    .ignore()
    .execute();
  const row = await adb
    .selectFrom("api_idempotency")
    .select("request_hash")
    .where("client_id", "=", claim.clientId)
    .where("idempotency_key", "=", claim.key)
    .executeTakeFirstOrThrow();
  return row.request_hash;
}

/** A refused request gives its key back: the corrected request may use it. */
export async function releaseIdempotencyKey(
  db: Db,
  claim: { clientId: number; key: string; requestHash: string },
): Promise<void> {
  await apiDb(db)
    .deleteFrom("api_idempotency")
    .where("client_id", "=", claim.clientId)
    .where("idempotency_key", "=", claim.key)
    .where("request_hash", "=", claim.requestHash)
    .execute();
}
