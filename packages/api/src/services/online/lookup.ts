import { clearLookupLock, findCaseById, findCaseByNo, findLookupLock, recordLookupFailure, type Case } from "@hcp/db";
import type { TOnlineLookup } from "@hcp/domain";

import type { TContext } from "../../context-types";
import { appError } from "../../errors";
import { decryptContact } from "../contact";
import { addressKey, linkOpens, lookupAttempts } from "./address";
import { sameString } from "./constant-time";
import { verifyRatingLink } from "./link";
import { LookupFailedError, LookupLockedError, nextLookupLock, purgeOldLocks } from "./lookup-lock";
import { onlineCase, type TOnlineCase } from "./page";

/** Same work whether the case exists or not: a missing case compares against a dummy. */
function phoneMatches(dataKey: Buffer, row: Case | undefined, last4: string): boolean {
  let actual = "####";
  if (row?.applicant_contact_cipher) {
    try {
      actual = decryptContact(dataKey, row.applicant_contact_cipher).slice(-4).padStart(4, "#");
    } catch {
      actual = "####";
    }
  }
  return sameString(actual, last4) && row !== undefined && actual !== "####";
}

/** Pasted numbers often carry spaces; case numbers never do. */
function normaliseCaseNo(caseNo: string): string {
  return caseNo.replace(/\s+/g, "");
}

/**
 * Online rating by case number and the last four digits of the applicant's phone. A wrong number
 * and an unknown case get the same answer and the same lock, so the page cannot be used to probe
 * case numbers; five wrong tries lock the number, even for the right digits, until the lock ends.
 */
export async function lookupOnlineCase(ctx: TContext, input: TOnlineLookup): Promise<TOnlineCase> {
  await lookupAttempts.consume(addressKey(ctx));
  const caseNo = normaliseCaseNo(input.caseNo);
  const now = ctx.now();
  const [row, lock] = await Promise.all([findCaseByNo(ctx.db, caseNo), findLookupLock(ctx.db, caseNo)]);
  if (lock?.lockedUntil && lock.lockedUntil.getTime() > now.getTime())
    throw new LookupLockedError(lock.lockedUntil, now);
  if (!phoneMatches(ctx.dataKey, row, input.phoneLast4) || !row) {
    const next = await recordLookupFailure(ctx.db, caseNo, now, (previous) => nextLookupLock(previous, now));
    purgeOldLocks(ctx.db, now);
    if (next.lockedUntil) throw new LookupLockedError(next.lockedUntil, now);
    throw new LookupFailedError(next.failures);
  }
  if (lock) await clearLookupLock(ctx.db, caseNo);
  return onlineCase(ctx, row, "lookup");
}

/** `/rate?t=…` from a receipt's QR code or an SMS: the case without asking for phone digits. */
export async function openRatingLink(ctx: TContext, token: string): Promise<TOnlineCase> {
  await linkOpens.consume(addressKey(ctx));
  const check = verifyRatingLink(ctx.dataKey, token, ctx.now());
  if (!check.ok) {
    throw check.reason === "expired"
      ? appError("RATING_LINK_EXPIRED", "PRECONDITION_FAILED")
      : appError("RATING_LINK_INVALID", "UNAUTHORIZED");
  }
  const row = await findCaseById(ctx.db, check.caseId);
  if (!row) throw appError("RATING_LINK_INVALID", "UNAUTHORIZED");
  return onlineCase(ctx, row, "link");
}
