import { CompiledQuery, Kysely, MysqlDialect, type LogConfig } from "kysely";
import { createPool, type TypeCastField, type TypeCastNext } from "mysql2";

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
  return new Kysely<Database>({
    dialect: new MysqlDialect({
      pool,
      onCreateConnection: async (connection) => {
        await connection.executeQuery(CompiledQuery.raw("set time_zone = '+00:00'"));
      },
    }),
    log: options.log,
  });
}
