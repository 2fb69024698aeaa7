/**
 * What the benchmarks ask of the MariaDB server itself: a database of their own, its settings and
 * counters for the report, and a buffer pool sized for a province-size load.
 */
import { sql } from "kysely";

import type { Db } from "../client";

export async function dropDatabaseIfExists(admin: Db, name: string): Promise<void> {
  await sql`drop database if exists ${sql.id(name)}`.execute(admin);
}

export interface TServerSettings {
  version: string;
  /** innodb_flush_log_at_trx_commit: 1 = an fsync per commit */
  flush: number;
  binlog: number;
  /** bytes */
  pool: number;
  /** innodb_log_file_size, bytes */
  log: number;
}

export async function readServerSettings(db: Db): Promise<TServerSettings | undefined> {
  const result = await sql<TServerSettings>`
    select @@version as version, @@innodb_flush_log_at_trx_commit as flush, @@log_bin as binlog,
           @@innodb_buffer_pool_size as pool, @@innodb_log_file_size as log`.execute(db);
  return result.rows[0];
}

/** The server's global status counters, by lower-case name. */
export async function readGlobalStatus(db: Db): Promise<Map<string, number>> {
  const rows = await sql<{ Variable_name: string; Value: string }>`show global status`.execute(db);
  return new Map(rows.rows.map((row) => [row.Variable_name.toLowerCase(), Number(row.Value)]));
}

/** The buffer pool and redo log sized for a load of this size (both are dynamic in 10.11). */
export async function tuneServerForLoad(admin: Db, bufferPoolMb: number): Promise<void> {
  await sql`set global innodb_buffer_pool_size = ${bufferPoolMb * 2 ** 20}`.execute(admin);
  await sql`set global innodb_log_file_size = ${2 * 2 ** 30}`.execute(admin);
  // rebuildRollups groups a year of the province in one statement: keep its temporary table in memory.
  await sql`set global tmp_table_size = ${2 * 2 ** 30}, max_heap_table_size = ${2 * 2 ** 30}`.execute(admin);
}
