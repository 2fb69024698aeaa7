import type { z } from "zod";

import type { Rating, TRatingCaseFacts } from "@hcp/db";
import type { TChannel, TLevel, ZRatingSubmit } from "@hcp/domain";

import type { TSignalFinding } from "../signals";

export interface TRatingResult {
  ratingId: number;
  caseNo: string;
  level: TLevel;
  reasonCodes: string[];
  ratedAt: string;
  /** true when this request repeated an earlier one (same idempotency key) */
  replayed: boolean;
}

export type TSubmission = z.output<typeof ZRatingSubmit>;

/** A rating judged sound, waiting for its write. */
export interface TPendingRating {
  row: Omit<Rating, "id">;
  reasonCodes: string[];
  deviceId: number | null;
  promptCreatedAt: Date | null;
  /** the case's open prompts end with this rating (an evaluator answered one, or an online rating) */
  closePrompts: boolean;
  /** signals the channel judged itself, stored in the rating's transaction */
  preFlagged: readonly TSignalFinding[];
  now: Date;
}

/** What a submission became once its case, device and key were read. */
export type TPrepared =
  /** an answer already: a replay of the same idempotency key */
  | { kind: "done"; result: TRatingResult }
  | {
      kind: "write";
      pending: TPendingRating;
      caseRow: TRatingCaseFacts;
      windowId: number | null;
      prompt: TAnswered | null;
    };

/** The prompt a rating answers; `open`: it was still open (a late delivery may answer a closed one). */
export type TAnswered = { id: number; createdAt: Date; open: boolean };

/** Where a rating comes from: an evaluator (its token) or a channel without a window. */
export type TRatingSource =
  | { channel: TChannel; deviceTokenHash: string }
  /** a rating from the online page or a business system; `preFlagged`: signals the channel judged itself */
  | { channel: TChannel; windowId: null; preFlagged?: readonly TSignalFinding[] };
