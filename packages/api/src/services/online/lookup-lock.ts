import { purgeLookupLocks, type Db, type TLookupLock } from "@hcp/db";
import {
  hallClockText,
  hallDate,
  hallMonthDayText,
  onlineLookupFailedMessage,
  onlineLookupLockedMessage,
} from "@hcp/domain";

import { AppError } from "../../errors";

const DAY_MS = 86_400_000;

// The lookup lock: five wrong tries lock the case number.

export const LOOKUP_LOCK_POLICY = {
  /** every this many consecutive failures locks the case number */
  maxFailures: 5,
  /** the first lock; each further one doubles, up to `maxLockMs` */
  lockMs: 15 * 60_000,
  /**
   * Flat 15-minute locks would let a patient guesser try a third of the 10⁴ digit combinations
   * within a 7-day rating window; doubling up to this cap leaves them about 1 %.
   */
  maxLockMs: 8 * 3_600_000,
  /** a citizen who mistyped yesterday starts afresh */
  forgetAfterMs: DAY_MS,
} as const;

/** The next state of a case number's counter after one more wrong try. */
export function nextLookupLock(
  previous: Pick<TLookupLock, "failures" | "updatedAt"> | undefined,
  now: Date,
): { failures: number; lockedUntil: Date | null } {
  const policy = LOOKUP_LOCK_POLICY;
  const stale = !previous || now.getTime() - previous.updatedAt.getTime() > policy.forgetAfterMs;
  const failures = (stale ? 0 : previous.failures) + 1;
  if (failures % policy.maxFailures !== 0) return { failures, lockedUntil: null };
  const round = failures / policy.maxFailures;
  const lockMs = Math.min(policy.lockMs * 2 ** (round - 1), policy.maxLockMs);
  return { failures, lockedUntil: new Date(now.getTime() + lockMs) };
}

/** "14:35" today, "11月26日 08:05" otherwise; hall-local, rounded up so "after" is never early. */
export function formatRetryAt(until: Date, now: Date): string {
  const minute = Math.ceil(until.getTime() / 60_000) * 60_000;
  const at = new Date(minute);
  return hallDate(at) === hallDate(now) ? hallClockText(at) : hallMonthDayText(at);
}

/** ONLINE_LOOKUP_LOCKED, with the message naming the time the case opens again. */
export class LookupLockedError extends AppError {
  readonly lockedUntil: Date;

  constructor(lockedUntil: Date, now: Date) {
    super("ONLINE_LOOKUP_LOCKED", "TOO_MANY_REQUESTS");
    this.lockedUntil = lockedUntil;
    this.message = onlineLookupLockedMessage(formatRetryAt(lockedUntil, now));
  }
}

/** ONLINE_LOOKUP_FAILED, saying how many wrong tries remain before the lock (kept in `details`). */
export class LookupFailedError extends AppError {
  constructor(failures: number) {
    const triesLeft = LOOKUP_LOCK_POLICY.maxFailures - (failures % LOOKUP_LOCK_POLICY.maxFailures);
    super("ONLINE_LOOKUP_FAILED", "NOT_FOUND", { triesLeft });
    this.message = onlineLookupFailedMessage(triesLeft);
  }
}

let lastPurgeAt = 0;

/** Rows of unknown case numbers accumulate; drop old ones at most hourly, off the answer's path. */
export function purgeOldLocks(db: Db, now: Date): void {
  if (now.getTime() - lastPurgeAt < 3_600_000) return;
  lastPurgeAt = now.getTime();
  purgeLookupLocks(db, new Date(now.getTime() - 2 * DAY_MS)).catch(() => {
    // Housekeeping only: the next failure tries again in an hour.
  });
}
