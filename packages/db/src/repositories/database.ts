import { sql } from "kysely";

import type { Db } from "../client";

/** The server's own checks on the database itself: reachable, created, one sender at a time. */

/** Resolves when the database answers a trivial statement (health checks). */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/** Creates the platform's database on a fresh server (the embedded MariaDB's first start). */
export async function createDatabaseIfMissing(admin: Db, name: string): Promise<void> {
  await sql`create database if not exists ${sql.id(name)} character set utf8mb4 collate utf8mb4_unicode_ci`.execute(
    admin,
  );
}

/**
 * Takes a MariaDB advisory lock without waiting; false when another connection holds it. The lock
 * belongs to the connection: take and release it on the same one (`db.connection()`).
 */
export async function tryAdvisoryLock(conn: Db, name: string): Promise<boolean> {
  const lock = await sql<{ ok: number | null }>`select get_lock(${name}, 0) as ok`.execute(conn);
  return Number(lock.rows[0]?.ok) === 1;
}

export async function releaseAdvisoryLock(conn: Db, name: string): Promise<void> {
  await sql`select release_lock(${name})`.execute(conn);
}

/** How much work waits in the server's database queues (the metrics' queue depths). */
export interface TQueueDepths {
  /** rating changes not yet folded into the rollups */
  rollupChanges: number;
  /** provincial records not yet delivered (pending, due or not) */
  provinceOutbox: number;
}

/** One statement, one connection: a scrape takes no more of the pool than a single query. */
export async function readQueueDepths(db: Db): Promise<TQueueDepths> {
  const row = await sql<{ rollupChanges: number; provinceOutbox: number }>`
    select (select count(*) from rollup_change) as rollupChanges,
           (select count(*) from province_outbox where status = 'pending') as provinceOutbox`.execute(db);
  const depths = row.rows[0];
  return { rollupChanges: Number(depths?.rollupChanges ?? 0), provinceOutbox: Number(depths?.provinceOutbox ?? 0) };
}
