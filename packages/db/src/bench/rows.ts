/**
 * What a run stored for its ratings, table by table. The raw side of the benchmark writes "the
 * same rows" as the REST side: for each rating, copies of the rows the REST rating at the same
 * position stored beside it (its misuse signals; for a bad review, its work order and the
 * order's first event). The counts per table then show that both sides wrote the same rows.
 */
import type { Db } from "../client";
import type { TRatingCase } from "./bench-data";

type TColumns = Record<string, unknown>;

/** The rows stored beside one rating, without the columns that point at that rating. */
export interface TTwinRows {
  signals: TColumns[];
  workOrder: { order: TColumns; events: TColumns[] } | null;
}

export interface TRowCounts {
  rating: number;
  rating_reason: number;
  rating_signal: number;
  work_order: number;
  work_order_event: number;
}

export const ROW_TABLES = ["rating", "rating_reason", "rating_signal", "work_order", "work_order_event"] as const;

/** Columns the raw side sets itself: ids, the rating and case they point at, the time written. */
const OWN_COLUMNS = new Set(["id", "rating_id", "case_id", "work_order_id", "created_at"]);

function withoutOwnColumns(row: TColumns): TColumns {
  return Object.fromEntries(Object.entries(row).filter(([column]) => !OWN_COLUMNS.has(column)));
}

function caseRange(cases: readonly TRatingCase[]): { first: number; last: number } | null {
  const first = cases[0];
  const last = cases.at(-1);
  return first && last ? { first: first.id, last: last.id } : null;
}

/** Per case, in the order of `cases`: the rows its rating stored beside the rating and its reasons. */
export async function readTwinRows(db: Db, cases: readonly TRatingCase[]): Promise<TTwinRows[]> {
  const range = caseRange(cases);
  if (!range) return [];
  const [signals, orders, events] = await Promise.all([
    db
      .selectFrom("rating_signal")
      .selectAll()
      .where("case_id", ">=", range.first)
      .where("case_id", "<=", range.last)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("work_order")
      .selectAll()
      .where("case_id", ">=", range.first)
      .where("case_id", "<=", range.last)
      .execute(),
    db
      .selectFrom("work_order_event as e")
      .innerJoin("work_order as w", "w.id", "e.work_order_id")
      .selectAll("e")
      .where("w.case_id", ">=", range.first)
      .where("w.case_id", "<=", range.last)
      .orderBy("e.id")
      .execute(),
  ]);
  const twins = new Map<number, TTwinRows>(cases.map((target) => [target.id, { signals: [], workOrder: null }]));
  for (const signal of signals) {
    if (signal.case_id !== null) twins.get(signal.case_id)?.signals.push(withoutOwnColumns(signal));
  }
  const orderCase = new Map(orders.map((order) => [order.id, order.case_id]));
  for (const order of orders) {
    const twin = twins.get(order.case_id);
    if (twin) twin.workOrder = { order: withoutOwnColumns(order), events: [] };
  }
  for (const event of events) {
    const caseId = orderCase.get(event.work_order_id);
    if (caseId !== undefined) twins.get(caseId)?.workOrder?.events.push(withoutOwnColumns(event));
  }
  return cases.map((target) => twins.get(target.id) ?? { signals: [], workOrder: null });
}

/** How many rows of each table belong to the ratings of `cases`. */
export async function countStoredRows(db: Db, cases: readonly TRatingCase[]): Promise<TRowCounts> {
  const range = caseRange(cases);
  if (!range) return { rating: 0, rating_reason: 0, rating_signal: 0, work_order: 0, work_order_event: 0 };
  const { first, last } = range;
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom("rating")
        .select(eb.fn.countAll<number>().as("n"))
        .where("case_id", ">=", first)
        .where("case_id", "<=", last)
        .as("rating"),
      eb
        .selectFrom("rating_reason as rr")
        .innerJoin("rating as r", "r.id", "rr.rating_id")
        .select(eb.fn.countAll<number>().as("n"))
        .where("r.case_id", ">=", first)
        .where("r.case_id", "<=", last)
        .as("rating_reason"),
      eb
        .selectFrom("rating_signal")
        .select(eb.fn.countAll<number>().as("n"))
        .where("case_id", ">=", first)
        .where("case_id", "<=", last)
        .as("rating_signal"),
      eb
        .selectFrom("work_order")
        .select(eb.fn.countAll<number>().as("n"))
        .where("case_id", ">=", first)
        .where("case_id", "<=", last)
        .as("work_order"),
      eb
        .selectFrom("work_order_event as e")
        .innerJoin("work_order as w", "w.id", "e.work_order_id")
        .select(eb.fn.countAll<number>().as("n"))
        .where("w.case_id", ">=", first)
        .where("w.case_id", "<=", last)
        .as("work_order_event"),
    ])
    .executeTakeFirstOrThrow();
  return {
    rating: Number(row.rating),
    rating_reason: Number(row.rating_reason),
    rating_signal: Number(row.rating_signal),
    work_order: Number(row.work_order),
    work_order_event: Number(row.work_order_event),
  };
}
