import type { TRatingSubmit, TRefusedRatingReportInput } from "@hcp/domain";

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

/** A rating the server refused for good after the citizen was thanked: reported for review instead. */
export interface TOutboxRefusal extends TOutboxBase {
  kind: "refusal";
  report: TRefusedRatingReportInput;
}

/** Something the server must hear about, kept on the device until it has answered for good. */
export type TOutboxItem = TOutboxRating | TOutboxTimeout | TOutboxRefusal;

export function ratingItem(promptId: number, submission: TRatingSubmit & { ratedAt: string }): TOutboxRating {
  const createdAt = Date.parse(submission.ratedAt);
  return {
    kind: "rating",
    id: submission.idempotencyKey,
    promptId,
    submission,
    createdAt,
    attempts: 0,
    nextAttemptAt: createdAt,
    lastError: null,
  };
}

export function timeoutItem(promptId: number, now: number): TOutboxTimeout {
  return {
    kind: "timeout",
    id: `timeout-${promptId}`,
    promptId,
    createdAt: now,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
  };
}

export function refusalItem(rating: TOutboxRating, appCode: string, now: number): TOutboxRefusal {
  const { submission } = rating;
  return {
    kind: "refusal",
    id: `refused-${rating.id}`,
    promptId: rating.promptId,
    createdAt: rating.createdAt,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    report: {
      caseNo: submission.caseNo,
      level: submission.level,
      idempotencyKey: submission.idempotencyKey,
      ratedAt: submission.ratedAt ?? new Date(rating.createdAt).toISOString(),
      appCode,
    },
  };
}
