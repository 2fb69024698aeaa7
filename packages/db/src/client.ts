import { CompiledQuery, Kysely, MysqlDialect, type LogConfig } from "kysely";
import { createPool, type Pool, type TypeCastField, type TypeCastNext } from "mysql2";

import type { Database } from "./schema";

export type Db = Kysely<Database>;

export interface TDbOptions {
  url: string;
  connectionLimit?: number;
  /** Kysely's query log: a benchmark uses it to see where a read's time goes */
  log?: LogConfig;
}

// tinyint(1) is how MariaDB stores booleans; everything else keeps mysql2's default conversion.
function typeCast(field: TypeCastField, next: TypeCastNext): unknown {
  if (field.type === "TINY" && field.length === 1) {
    const value = field.string();
    return value === null ? null : value === "1";
  }
  if (field.type === "DATE") return field.string();
  return next();
}

/**
 * One pool per process. Times travel as UTC both ways: mysql2 converts Dates with `timezone: "Z"`,
 * and each session runs at +00:00 so server-side functions agree.
 */
export function createDb(options: TDbOptions): Db {
  const pool = createPool({
    uri: options.url,
    connectionLimit: options.connectionLimit ?? 10,
    timezone: "Z",
    charset: "utf8mb4_unicode_ci",
    supportBigNumbers: true,
    decimalNumbers: true,
    typeCast,
  });
  const db = new Kysely<Database>({
    dialect: new MysqlDialect({
      pool,
      onCreateConnection: async (connection) => {
        await connection.executeQuery(CompiledQuery.raw("set time_zone = '+00:00'"));
      },
    }),
    log: options.log,
  });
  pools.set(db, { pool, limit: options.connectionLimit ?? 10 });
  return db;
}

const pools = new WeakMap<Db, { pool: Pool; limit: number }>();

/** The pool's connections: open ones, idle ones among them, callers waiting for one, the limit. */
export interface TPoolUse {
  open: number;
  idle: number;
  waiting: number;
  limit: number;
}

/**
 * What a pool made by createDb is using (the metrics); null for a transaction's or another Db.
 * mysql2 keeps these counts in fields its types leave out; each is read defensively as a length.
 */
export function poolUse(db: Db): TPoolUse | null {
  const entry = pools.get(db);
  if (!entry) return null;
  // mysql2's Pool holds three queues (denque) its .d.ts does not declare: read only their length.
  const internals = entry.pool as unknown as Record<string, { length?: unknown } | undefined>;
  const length = (name: string) => {
    const value = internals[name]?.length;
    return typeof value === "number" ? value : 0;
  };
  return {
    open: length("_allConnections"),
    idle: length("_freeConnections"),
    waiting: length("_connectionQueue"),
    limit: entry.limit,
  };
}
