import { createHash } from "node:crypto";

import canonicalize from "canonicalize";
import { sql, type Selectable } from "kysely";

import type { Db } from "../client";
import type { AuditLogTable } from "../schema";

/**
 * The audit trail: an append-only hash chain. Each record's hash covers the previous record's
 * hash and the record itself (RFC 8785 canonical JSON), so editing or deleting a row behind the
 * platform's back breaks the chain at that row, and `verifyAuditChain` says where.
 */

export const AUDIT_GENESIS_HASH = "0".repeat(64);

export interface TAuditEntry {
  actorUserId: number | null;
  /** the actor's role; looked up when only the user is named; "system" without a user */
  actorRole?: string;
  action: string;
  entity: string;
  entityId: string | number;
  /** context that is neither before nor after: a reason, the caller's address … */
  detail?: unknown;
  before?: unknown;
  after?: unknown;
  now: Date;
}

export interface TAuditRecord {
  id: number;
  actorUserId: number | null;
  actorRole: string;
  action: string;
  entity: string;
  entityId: string;
  detail: unknown;
  before: unknown;
  after: unknown;
  createdAt: string;
}

/** a stored row; ids are bigint, so read through Number() */
type TAuditRow = Omit<Selectable<AuditLogTable>, "id"> & { id: number | string };

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** JSON text of a value, null kept as SQL NULL; `undefined` inside objects dropped as JSON does. */
function jsonOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function auditRecordOf(row: TAuditRow): TAuditRecord {
  return {
    id: Number(row.id),
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    detail: parseOrText(row.detail),
    before: row.before_json === null ? null : parseOrText(row.before_json),
    after: row.after_json === null ? null : parseOrText(row.after_json),
    createdAt: row.created_at.toISOString(),
  };
}

export function auditHash(prevHash: string, record: TAuditRecord): string {
  return createHash("sha256")
    .update(prevHash + (canonicalize(record) ?? ""))
    .digest("hex");
}

async function appendInTransaction(trx: Db, entry: TAuditEntry): Promise<number> {
  // The one-row head is the chain's lock: whoever holds it appends next. Upserting takes the row's
  // exclusive lock at once (and creates the head on a fresh database).
  await sql`insert into audit_chain_head (id, last_id, last_hash) values (1, 0, ${AUDIT_GENESIS_HASH})
    on duplicate key update id = id`.execute(trx);
  // Callers that name only the user get the role the user holds now, the one they acted in.
  const actorRole =
    entry.actorRole ??
    (entry.actorUserId === null
      ? "system"
      : ((await trx.selectFrom("user").select("role").where("id", "=", entry.actorUserId).executeTakeFirst())?.role ??
        ""));
  const head = await trx
    .selectFrom("audit_chain_head")
    .select(["last_id", "last_hash"])
    .where("id", "=", 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const row: TAuditRow = {
    id: Number(head.last_id) + 1,
    actor_user_id: entry.actorUserId,
    actor_role: actorRole,
    action: entry.action,
    entity: entry.entity,
    entity_id: String(entry.entityId),
    detail: JSON.stringify(entry.detail ?? {}),
    before_json: jsonOrNull(entry.before),
    after_json: jsonOrNull(entry.after),
    created_at: entry.now,
    prev_hash: head.last_hash,
    hash: "",
  };
  row.hash = auditHash(head.last_hash, auditRecordOf(row));
  await trx
    .insertInto("audit_log")
    .values({ ...row, id: Number(row.id) })
    .execute();
  await trx
    .updateTable("audit_chain_head")
    .set({ last_id: Number(row.id), last_hash: row.hash })
    .where("id", "=", 1)
    .execute();
  return Number(row.id);
}

/**
 * Appends one record to the chain. Given a transaction, the record commits or rolls back with the
 * change it describes; given the pool, it runs in a transaction of its own. Append last in a
 * transaction: the head stays locked until commit, so every append waits for the one before.
 */
export async function insertAudit(db: Db, entry: TAuditEntry): Promise<number> {
  if (db.isTransaction) return appendInTransaction(db, entry);
  return db.transaction().execute((trx) => appendInTransaction(trx, entry));
}

export type TAuditVerification =
  | { ok: true; checked: number; lastId: number }
  | {
      ok: false;
      checked: number;
      /** the first record that does not follow from the one before */
      brokenAt: { id: number; problem: "hash" | "prev_hash" | "missing" | "head"; expected: string; stored: string };
    };

/**
 * Re-walks the chain from the first record: each row's prev_hash must be the hash of the row
 * before (ids consecutive), each hash must be recomputed from the row, and the last row must be
 * the one the head names. Reads in pages so the whole trail never sits in memory.
 */
export async function verifyAuditChain(db: Db, options: { pageSize?: number } = {}): Promise<TAuditVerification> {
  const pageSize = options.pageSize ?? 2_000;
  const head = await db
    .selectFrom("audit_chain_head")
    .select(["last_id", "last_hash"])
    .where("id", "=", 1)
    .executeTakeFirst();
  const headId = head ? Number(head.last_id) : 0;
  const headHash = head?.last_hash ?? AUDIT_GENESIS_HASH;
  let prevHash = AUDIT_GENESIS_HASH;
  let prevId = 0;
  let checked = 0;
  for (;;) {
    const rows: TAuditRow[] = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("id", ">", prevId)
      .orderBy("id")
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const id = Number(row.id);
      if (id > headId) break; // appended after the head was read: the next verification's
      if (id !== prevId + 1) {
        return {
          ok: false,
          checked,
          brokenAt: { id: prevId + 1, problem: "missing", expected: prevHash, stored: `next row is ${id}` },
        };
      }
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          checked,
          brokenAt: { id, problem: "prev_hash", expected: prevHash, stored: row.prev_hash },
        };
      }
      const expected = auditHash(prevHash, auditRecordOf(row));
      if (row.hash !== expected)
        return { ok: false, checked, brokenAt: { id, problem: "hash", expected, stored: row.hash } };
      prevHash = row.hash;
      prevId = id;
      checked += 1;
    }
    if (rows.length < pageSize || prevId >= headId) break;
  }
  if (prevId !== headId || prevHash !== headHash) {
    return {
      ok: false,
      checked,
      brokenAt: { id: prevId === headId ? headId : prevId + 1, problem: "head", expected: headHash, stored: prevHash },
    };
  }
  return { ok: true, checked, lastId: headId };
}

export interface TAuditFilter {
  action?: string;
  entity?: string;
  entityId?: string;
  actorUserId?: number;
  from?: Date;
  to?: Date;
  /** keyset paging: records with a smaller id than this */
  beforeId?: number;
  limit: number;
}

export interface TAuditListRow extends TAuditRecord {
  actorName: string | null;
  hash: string;
}

/** Newest first, with the actor's display name. */
export async function listAudit(db: Db, filter: TAuditFilter): Promise<TAuditListRow[]> {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("user", "user.id", "audit_log.actor_user_id")
    .selectAll("audit_log")
    .select("user.display_name as actor_name");
  if (filter.action) query = query.where("audit_log.action", "=", filter.action);
  if (filter.entity) query = query.where("audit_log.entity", "=", filter.entity);
  if (filter.entityId) query = query.where("audit_log.entity_id", "=", filter.entityId);
  if (filter.actorUserId !== undefined) query = query.where("audit_log.actor_user_id", "=", filter.actorUserId);
  if (filter.from) query = query.where("audit_log.created_at", ">=", filter.from);
  if (filter.to) query = query.where("audit_log.created_at", "<", filter.to);
  if (filter.beforeId !== undefined) query = query.where("audit_log.id", "<", filter.beforeId);
  const rows = await query.orderBy("audit_log.id", "desc").limit(filter.limit).execute();
  return rows.map((row) => ({ ...auditRecordOf(row), actorName: row.actor_name, hash: row.hash }));
}

/** The distinct actions recorded, for the console's filter. */
export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("audit_log").select("action").distinct().orderBy("action").execute();
  return rows.map((row) => row.action);
}
