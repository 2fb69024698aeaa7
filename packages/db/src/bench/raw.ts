/**
 * The database's own ceiling for this row shape: a rating, its reason and the rows the REST path
 * stored beside it (its misuse signals; for a bad review, the work order and its first event),
 * inserted in one transaction per rating with mysql2 alone — no HTTP, no tRPC, no service checks,
 * no reads.
 */
import { randomUUID } from "node:crypto";

import { createPool } from "mysql2/promise";

import { KIOSK_CHANNEL, NATIONAL_REASON_VERSION } from "@hcp/domain";

import type { TBenchData, TRatingCase } from "./bench-data";
import type { TTwinRows } from "./rows";

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

/** Same settings as packages/db's createDb: UTC, utf8mb4, and one connection per worker. */
export function createRawPool(url: string, connections: number): TRawPool {
  return createPool({
    uri: url,
    connectionLimit: connections,
    timezone: "Z",
    charset: "utf8mb4_unicode_ci",
    supportBigNumbers: true,
  });
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

/** An evaluator rating of `target` at window A01 (staff 1), as the REST runs send it, under a fresh key. */
export function benchRawRating(
  data: TBenchData,
  target: TRatingCase,
  rated: { level: number; reasonCode: string },
): TRawRating {
  return {
    caseId: target.id,
    level: rated.level,
    reasonCode: rated.reasonCode,
    channel: KIOSK_CHANNEL,
    reasonVersion: NATIONAL_REASON_VERSION,
    hallId: data.hall.hallId,
    departmentId: data.hall.departmentIds[0],
    serviceItemId: data.hall.itemIds.instant,
    windowId: data.hall.windowIds[0],
    staffId: data.hall.staffIds[0],
    idempotencyKey: randomUUID(),
  };
}

const INSERT_RATING =
  "insert into `rating` (`case_id`, `seq`, `level`, `channel`, `is_default`, `comment`, `reason_version`, `hall_id`, " +
  "`department_id`, `service_item_id`, `window_id`, `staff_id`, `prompt_id`, `idempotency_key`, `rated_at`, `received_at`) " +
  "values (?, 1, ?, ?, false, '', ?, ?, ?, ?, ?, ?, null, ?, ?, ?)";
const INSERT_REASON = "insert into `rating_reason` (`rating_id`, `reason_code`) values (?, ?)";

/** One insert statement for `rows` (all with the columns of the first). */
function insertStatement(table: string, rows: readonly Record<string, unknown>[]): [string, unknown[]] {
  const columns = Object.keys(rows[0] ?? {});
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const sql = `insert into \`${table}\` (${columns.map((column) => `\`${column}\``).join(", ")}) values ${rows.map(() => tuple).join(", ")}`;
  return [sql, rows.flatMap((row) => columns.map((column) => row[column]))];
}

/**
 * `twin`: the rows the REST rating at the same position stored beside its rating and reasons,
 * copied onto this rating; null writes the rating and its reason alone.
 */
export async function insertRawRating(pool: TRawPool, rating: TRawRating, twin: TTwinRows | null): Promise<void> {
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
    if (twin && twin.signals.length > 0) {
      await connection.query(
        ...insertStatement(
          "rating_signal",
          twin.signals.map((signal) => ({ ...signal, rating_id: ratingId, case_id: rating.caseId, created_at: now })),
        ),
      );
    }
    if (twin?.workOrder) {
      const [order] = await connection.query(
        ...insertStatement("work_order", [
          { ...twin.workOrder.order, rating_id: ratingId, case_id: rating.caseId, created_at: now },
        ]),
      );
      const workOrderId = (order as { insertId: number }).insertId;
      if (twin.workOrder.events.length > 0) {
        await connection.query(
          ...insertStatement(
            "work_order_event",
            twin.workOrder.events.map((event) => ({ ...event, work_order_id: workOrderId, created_at: now })),
          ),
        );
      }
    }
    await connection.commit();
  } catch (error) {
    await connection.rollback().catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
}
