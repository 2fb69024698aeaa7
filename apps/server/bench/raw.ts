/**
 * The database's own ceiling for this row shape: a rating and its reason inserted in one
 * transaction per rating, as packages/db's insertRating does, with mysql2 alone — no HTTP, no tRPC,
 * no service checks.
 *
 * mysql2 is a dependency of @hcp/db, not of @hcp/server, so it is loaded from @hcp/db's location
 * and typed here with the few calls the benchmark makes.
 */
import { createRequire } from "node:module";

interface TRawConnection {
  beginTransaction: () => Promise<void>;
  query: (sql: string, values?: unknown[]) => Promise<[unknown, unknown]>;
  commit: () => Promise<void>;
  rollback: () => Promise<void>;
  release: () => void;
}

export interface TRawPool {
  getConnection: () => Promise<TRawConnection>;
  end: () => Promise<void>;
}

interface TMysql2Promise {
  createPool: (options: {
    uri: string;
    connectionLimit: number;
    timezone: string;
    charset: string;
    supportBigNumbers: boolean;
  }) => TRawPool;
}

const requireFromServer = createRequire(import.meta.url);
const requireFromDb = createRequire(requireFromServer.resolve("@hcp/db"));
const mysql = requireFromDb("mysql2/promise") as TMysql2Promise;

/** Same settings as packages/db's createDb: UTC, utf8mb4, and one connection per worker. */
export function createRawPool(url: string, connections: number): TRawPool {
  return mysql.createPool({ uri: url, connectionLimit: connections, timezone: "Z", charset: "utf8mb4_unicode_ci", supportBigNumbers: true });
}

/** Everything a rating row needs; the same values the service writes for a kiosk rating. */
export interface TRawRating {
  caseId: number;
  level: number;
  reasonCode: string;
  channel: number;
  reasonVersion: number;
  hallId: number;
  departmentId: number;
  serviceItemId: number;
  windowId: number;
  staffId: number;
  idempotencyKey: string;
}

const INSERT_RATING =
  "insert into `rating` (`case_id`, `seq`, `level`, `channel`, `is_default`, `comment`, `reason_version`, `hall_id`, " +
  "`department_id`, `service_item_id`, `window_id`, `staff_id`, `prompt_id`, `idempotency_key`, `rated_at`, `received_at`) " +
  "values (?, 1, ?, ?, false, '', ?, ?, ?, ?, ?, ?, null, ?, ?, ?)";
const INSERT_REASON = "insert into `rating_reason` (`rating_id`, `reason_code`) values (?, ?)";

export async function insertRawRating(pool: TRawPool, rating: TRawRating): Promise<void> {
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    const now = new Date();
    const [result] = await connection.query(INSERT_RATING, [
      rating.caseId,
      rating.level,
      rating.channel,
      rating.reasonVersion,
      rating.hallId,
      rating.departmentId,
      rating.serviceItemId,
      rating.windowId,
      rating.staffId,
      rating.idempotencyKey,
      now,
      now,
    ]);
    const ratingId = (result as { insertId: number }).insertId;
    await connection.query(INSERT_REASON, [ratingId, rating.reasonCode]);
    await connection.commit();
  } catch (error) {
    await connection.rollback().catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
}
