import type { TRatingSubmit } from "@hcp/domain";

interface TOutboxBase {
  /** the idempotency key for a rating; one key per prompt for a timeout */
  id: string;
  promptId: number;
  /** device time the citizen tapped (ms since epoch): also the send order */
  createdAt: number;
  attempts: number;
  /** no automatic attempt before this time (ms since epoch) */
  nextAttemptAt: number;
  lastError: string | null;
}

export interface TOutboxRating extends TOutboxBase {
  kind: "rating";
  submission: TRatingSubmit;
}

export interface TOutboxTimeout extends TOutboxBase {
  kind: "timeout";
}

/** Something the server must hear about, kept on the device until it has answered for good. */
export type TOutboxItem = TOutboxRating | TOutboxTimeout;

export function ratingItem(promptId: number, submission: TRatingSubmit & { ratedAt: string }): TOutboxRating {
  const createdAt = Date.parse(submission.ratedAt);
  return { kind: "rating", id: submission.idempotencyKey, promptId, submission, createdAt, attempts: 0, nextAttemptAt: createdAt, lastError: null };
}

export function timeoutItem(promptId: number, now: number): TOutboxTimeout {
  return { kind: "timeout", id: `timeout-${promptId}`, promptId, createdAt: now, attempts: 0, nextAttemptAt: now, lastError: null };
}
