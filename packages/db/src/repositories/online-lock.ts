import type { Db } from "../client";

/**
 * Failed online lookups (case number + phone digits) per case number, persisted so a restart
 * does not hand out fresh tries. Unknown case numbers get rows too: otherwise "never locks"
 * would tell a prober which numbers exist.
 */
export interface TLookupLock {
  failures: number;
  lockedUntil: Date | null;
  updatedAt: Date;
}

export async function findLookupLock(db: Db, caseNo: string): Promise<TLookupLock | undefined> {
  return db
    .selectFrom("online_lookup_lock")
    .select(["failures", "locked_until as lockedUntil", "updated_at as updatedAt"])
    .where("case_no", "=", caseNo)
    .executeTakeFirst();
}

/**
 * Counts one more failure under a row lock, so concurrent wrong tries cannot both read the same
 * count and skip the lock; `decide` (the service's policy) turns the previous row into the next.
 */
export async function recordLookupFailure(
  db: Db,
  caseNo: string,
  now: Date,
  decide: (previous: TLookupLock | undefined) => { failures: number; lockedUntil: Date | null },
): Promise<TLookupLock> {
  // The row exists before the locking read: a `for update` on a missing row takes only a gap lock,
  // and two of those deadlock when both transactions then insert.
  await db
    .insertInto("online_lookup_lock")
    .values({ case_no: caseNo, failures: 0, locked_until: null, updated_at: now })
    .ignore()
    .execute();
  return db.transaction().execute(async (trx) => {
    const previous = await trx
      .selectFrom("online_lookup_lock")
      .select(["failures", "locked_until as lockedUntil", "updated_at as updatedAt"])
      .where("case_no", "=", caseNo)
      .forUpdate()
      .executeTakeFirst();
    const next = decide(previous);
    await trx
      .updateTable("online_lookup_lock")
      .set({ failures: next.failures, locked_until: next.lockedUntil, updated_at: now })
      .where("case_no", "=", caseNo)
      .execute();
    return { failures: next.failures, lockedUntil: next.lockedUntil, updatedAt: now };
  });
}

/** A correct lookup forgets the case's failures. */
export async function clearLookupLock(db: Db, caseNo: string): Promise<void> {
  await db.deleteFrom("online_lookup_lock").where("case_no", "=", caseNo).execute();
}

/** Drops rows untouched since `before` whose lock (if any) has ended; returns how many. */
export async function purgeLookupLocks(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom("online_lookup_lock")
    .where("updated_at", "<", before)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", before)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
