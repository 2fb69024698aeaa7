import type { Db } from "../client";
import type { NewRatingSignal } from "../schema";

/** A signal for review; one with a `report_key` already stored is refused by its unique key. */
export async function insertRatingSignal(db: Db, signal: NewRatingSignal): Promise<void> {
  await db.insertInto("rating_signal").values(signal).execute();
}
