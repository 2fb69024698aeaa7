import type { Db } from "../client";
import type { NewRatingSignal } from "../schema";

/** Signals for review; one with a `report_key` already stored is refused by its unique key. */
export async function insertRatingSignals(db: Db, signals: readonly NewRatingSignal[]): Promise<void> {
  if (signals.length > 0) await db.insertInto("rating_signal").values([...signals]).execute();
}
