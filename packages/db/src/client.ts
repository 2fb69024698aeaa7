import { CompiledQuery, Kysely, MysqlDialect } from "kysely";
import type { Compilable, LogConfig, MysqlPool } from "kysely";
import { createPool } from "mysql2";
import type { PoolOptions, TypeCastField, TypeCastNext } from "mysql2";
import type { Pool as TPromisePool } from "mysql2/promise";

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

const SESSION_TIME_ZONE = "set time_zone = '+00:00'";

/** The pool of connections that take several statements in one packet, per database handle. */
const packetPools = new WeakMap<Db, () => TPromisePool>();

/**
 * One pool per process. Times travel as UTC both ways: mysql2 converts Dates with `timezone: "Z"`,
 * and each session runs at +00:00 so server-side functions agree.
 *
 * Beside it, a small pool whose connections accept several statements per packet
 * (`runReadPacket`, `runTransactionPacket`), opened on first use: only the rating ingest sends
 * packets, and the connections every other query runs on keep refusing stacked statements.
 */
export function createDb(options: TDbOptions): Db {
  const settings: PoolOptions = {
    uri: options.url,
    timezone: "Z",
    charset: "utf8mb4_unicode_ci",
    supportBigNumbers: true,
    decimalNumbers: true,
    typeCast,
  };
  const pool = createPool({ ...settings, connectionLimit: options.connectionLimit ?? 10 });
  let packets: TPromisePool | null = null;
  const packetPool = (): TPromisePool => {
    if (packets) return packets;
    const created = createPool({ ...settings, connectionLimit: PACKET_CONNECTIONS, multipleStatements: true });
    created.on("connection", (connection) => {
      // Queued before anything the connection is handed out for; one that cannot is not used.
      connection.query(SESSION_TIME_ZONE, (error) => {
        if (error) connection.destroy();
      });
    });
    packets = created.promise();
    return packets;
  };
  // Kysely ends the pool it was given on destroy(); the packet pool goes with it.
  const both: MysqlPool = {
    getConnection: (callback) => pool.getConnection(callback),
    end: (callback) =>
      pool.end((error) => {
        if (!packets) return callback(error);
        packets.end().then(
          () => callback(error),
          (packetError: unknown) => callback(error ?? packetError),
        );
      }),
  };
  const db = new Kysely<Database>({
    dialect: new MysqlDialect({
      pool: both,
      onCreateConnection: async (connection) => {
        await connection.executeQuery(CompiledQuery.raw(SESSION_TIME_ZONE));
      },
    }),
    log: options.log,
  });
  packetPools.set(db, packetPool);
  return db;
}

/** Packets are sent by one writer at a time per process; a second connection covers a retry. */
const PACKET_CONNECTIONS = 2;

/** What one statement of a packet returned: its rows, or what it changed. */
export type TPacketResult = Record<string, unknown>[] | { affectedRows: number; insertId: number };

/** Results of statements sent together in one packet on one connection, in order. */
async function sendPacket(db: Db, texts: (connection: { format: (sql: string, values: readonly unknown[]) => string }) => string[]): Promise<TPacketResult[]> {
  const packetPool = packetPools.get(db);
  if (!packetPool) throw new Error("a packet needs the handle createDb returned");
  const connection = await packetPool().getConnection();
  try {
    const [results] = await connection.query(texts(connection).join(";\n"));
    return results as unknown as TPacketResult[];
  } catch (error) {
    // Whatever the packet left open is undone; a connection that cannot even do that is not handed out again.
    await connection.query("rollback").catch(() => connection.destroy());
    throw error;
  } finally {
    connection.release();
  }
}

type TRowsOf<T extends readonly Compilable<unknown>[]> = { -readonly [K in keyof T]: T[K] extends Compilable<infer O> ? O[] : never };

/**
 * Reads sent together in one packet: one round trip, one wake-up of the database for all of them,
 * each statement read on its own as if sent alone. Returns each statement's rows, in order.
 */
export async function runReadPacket<T extends readonly Compilable<unknown>[]>(db: Db, queries: T): Promise<TRowsOf<T>> {
  const compiled = queries.map((query) => query.compile());
  const results = await sendPacket(db, (connection) => compiled.map((statement) => connection.format(statement.sql, [...statement.parameters])));
  // One statement comes back as its rows; several as a list of results. The rows are what each
  // query's builder typed: mysql2 read them with the same options as every other query.
  const all: unknown[] = compiled.length === 1 ? [results] : results;
  return all.map((result): unknown[] => (Array.isArray(result) ? (result as unknown[]) : [])) as TRowsOf<T>;
}

/**
 * Statements sent together in one packet, as one transaction: the server runs them one after
 * another without waiting for this process, and stops at the first that fails. Then nothing of the
 * packet stays: the transaction it leaves open is rolled back. Returns each statement's result, in
 * order.
 */
export async function runTransactionPacket(db: Db, statements: readonly CompiledQuery[]): Promise<TPacketResult[]> {
  // The connection's own formatting: its time zone and escaping, as for a single query.
  const results = await sendPacket(db, (connection) => [
    "start transaction",
    ...statements.map((statement) => connection.format(statement.sql, [...statement.parameters])),
    "commit",
  ]);
  return results.slice(1, 1 + statements.length);
}
