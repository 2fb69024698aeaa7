import type { Db } from "../client";
import type { NewRating, Rating } from "../schema";

export async function findRatingByIdempotencyKey(db: Db, key: string): Promise<Rating | undefined> {
  return db.selectFrom("rating").selectAll().where("idempotency_key", "=", key).executeTakeFirst();
}

export async function findRatingOfCase(db: Db, caseId: number, seq = 1): Promise<Rating | undefined> {
  return db
    .selectFrom("rating")
    .selectAll()
    .where("case_id", "=", caseId)
    .where("seq", "=", seq)
    .executeTakeFirst();
}

/**
 * Inserts a rating and its reasons together; the unique keys decide races, not a prior read.
 * `alsoInTransaction` writes what must exist exactly when the rating does (a bad review's work order).
 */
export async function insertRating(
  db: Db,
  rating: NewRating,
  reasonCodes: readonly string[],
  alsoInTransaction?: (trx: Db, ratingId: number) => Promise<void>,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const result = await trx.insertInto("rating").values(rating).executeTakeFirstOrThrow();
    const ratingId = Number(result.insertId);
    if (reasonCodes.length > 0) {
      await trx
        .insertInto("rating_reason")
        .values(reasonCodes.map((code) => ({ rating_id: ratingId, reason_code: code })))
        .execute();
    }
    if (alsoInTransaction) await alsoInTransaction(trx, ratingId);
    return ratingId;
  });
}

export async function listRatingReasons(db: Db, ratingId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("rating_reason")
    .select("reason_code")
    .where("rating_id", "=", ratingId)
    .orderBy("reason_code")
    .execute();
  return rows.map((row) => row.reason_code);
}

export async function findCurrentReasonVersion(db: Db): Promise<number> {
  const row = await db
    .selectFrom("reason_code_version")
    .select("version")
    .where("is_current", "=", true)
    .orderBy("version", "desc")
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function listReasonCodes(
  db: Db,
  version: number,
): Promise<{ code: string; level: number; label: string }[]> {
  return db
    .selectFrom("reason_code")
    .select(["code", "level", "label"])
    .where("version", "=", version)
    .orderBy("level", "desc")
    .orderBy("code")
    .execute();
}
