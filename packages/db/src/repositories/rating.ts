import type { Insertable } from "kysely";

import type { Db } from "../client";
import type { NewRating, Rating, RatingExclusionTable } from "../schema";

export async function findRatingByIdempotencyKey(db: Db, key: string): Promise<Rating | undefined> {
  return db.selectFrom("rating").selectAll().where("idempotency_key", "=", key).executeTakeFirst();
}

export async function findRatingOfCase(db: Db, caseId: number, seq = 1): Promise<Rating | undefined> {
  return db.selectFrom("rating").selectAll().where("case_id", "=", caseId).where("seq", "=", seq).executeTakeFirst();
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
    await insertRatingReasons(
      trx,
      reasonCodes.map((code) => ({ rating_id: ratingId, reason_code: code })),
    );
    if (alsoInTransaction) await alsoInTransaction(trx, ratingId);
    return ratingId;
  });
}

/**
 * Ratings that arrived together, in one multi-row insert; their ids are read back by idempotency
 * key (a multi-row insert need not number its rows consecutively). Call in the batch's transaction.
 */
export async function insertRatings(db: Db, rows: readonly NewRating[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto("rating")
      .values([...rows])
      .execute();
}

export async function insertRatingReasons(
  db: Db,
  reasons: readonly { rating_id: number; reason_code: string }[],
): Promise<void> {
  if (reasons.length > 0)
    await db
      .insertInto("rating_reason")
      .values([...reasons])
      .execute();
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
): Promise<{ code: string; level: Rating["level"]; label: string }[]> {
  return db
    .selectFrom("reason_code")
    .select(["code", "level", "label"])
    .where("version", "=", version)
    .orderBy("level", "desc")
    .orderBy("code")
    .execute();
}

/** When each of the cases was first rated (the citizen's tap), for those rated. */
export async function listFirstRatingTimes(
  db: Db,
  caseIds: readonly number[],
): Promise<{ case_id: number; rated_at: Date }[]> {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom("rating")
    .select(["case_id", "rated_at"])
    .where("case_id", "in", [...caseIds])
    .where("seq", "=", 1)
    .execute();
}

export interface TCaseRatingRow {
  id: number;
  seq: number;
  level: Rating["level"];
  channel: Rating["channel"];
  is_default: Rating["is_default"];
  rated_at: Date;
  /** set when the rating was excluded after an appeal */
  exclusionId: number | null;
}

/** A case's ratings (first, then 追评) with whether each was excluded. */
export async function listCaseRatings(db: Db, caseId: number): Promise<TCaseRatingRow[]> {
  return db
    .selectFrom("rating")
    .leftJoin("rating_exclusion", "rating_exclusion.rating_id", "rating.id")
    .select([
      "rating.id",
      "rating.seq",
      "rating.level",
      "rating.channel",
      "rating.is_default",
      "rating.rated_at",
      "rating_exclusion.id as exclusionId",
    ])
    .where("rating.case_id", "=", caseId)
    .orderBy("rating.seq")
    .execute();
}

/** The reasons of several ratings, in code order. */
export async function listReasonsOfRatings(
  db: Db,
  ratingIds: readonly number[],
): Promise<{ rating_id: number; reason_code: string }[]> {
  if (ratingIds.length === 0) return [];
  return db
    .selectFrom("rating_reason")
    .select(["rating_id", "reason_code"])
    .where("rating_id", "in", [...ratingIds])
    .orderBy("reason_code")
    .execute();
}

/** What a work order's page shows of its rating. */
export async function findRatingSummary(
  db: Db,
  ratingId: number,
): Promise<Pick<Rating, "level" | "comment" | "channel" | "rated_at" | "seq">> {
  return db
    .selectFrom("rating")
    .select(["level", "comment", "channel", "rated_at", "seq"])
    .where("id", "=", ratingId)
    .executeTakeFirstOrThrow();
}

/** Takes a rating out of the metrics (an upheld appeal); call in the step's transaction. */
export async function insertRatingExclusion(db: Db, row: Insertable<RatingExclusionTable>): Promise<void> {
  await db.insertInto("rating_exclusion").values(row).execute();
}
