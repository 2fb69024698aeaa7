import { RATING_RULE_LIMITS } from "@hcp/domain";

import type { Db } from "../client";
import type { Rating, RatingPrompt } from "../schema";
import { findDevicesByTokenHashes } from "./device";
import { findPromptsByIds } from "./prompt";

// ── everything a rating is judged by, for many ratings in one statement ─────────────────────

/** The case columns a rating copies and is judged by. */
export interface TRatingCaseFacts {
  id: number;
  case_no: string;
  status: string;
  completed_at: Date | null;
  hall_id: number;
  department_id: number;
  service_item_id: number;
  window_id: number | null;
  staff_id: number | null;
}

export interface TRatingLookup {
  caseNo: string;
  idempotencyKey: string;
  /** sha-256 of the evaluator's token: checked in the same round trip as the case */
  deviceTokenHash: string | null;
  /** the evaluator's prompt the rating answers, when it names one */
  promptId: number | null;
}

/** The prompt an evaluator's rating names, as stored. */
export type TNamedPrompt = Pick<RatingPrompt, "id" | "case_id" | "window_id" | "status" | "created_at" | "closed_at">;

export interface TRatingTarget {
  /** the evaluator the token stands for (null: unknown token, or an online rating) */
  device: { id: number; windowId: number | null; deviceCode: string } | null;
  caseRow: TRatingCaseFacts | null;
  ratingWindowDays: number;
  hasFirstRating: boolean;
  /** the lowest open prompt of the case at the case's window */
  prompt: { id: number; createdAt: Date } | null;
  /** the rating already stored under this idempotency key */
  byKey: Pick<Rating, "id" | "case_id" | "level" | "rated_at"> | undefined;
  /** the prompt the rating names (undefined: it names none, or no such prompt) */
  named: TNamedPrompt | undefined;
  /** null only when no case was found (or no reason table is current) */
  reasonVersion: number | null;
}

interface TRatingCaseRow extends TRatingCaseFacts {
  rating_window_days: number;
  rating_seq: number | null;
  prompt_id: number | null;
  prompt_created_at: Date | null;
  reason_version: number | null;
}

/**
 * Device, case, hall setting, the case's ratings and open prompt, the current reason-table
 * version and the idempotency keys' ratings for every lookup: three indexed statements sent at
 * once, so a whole batch costs one round trip of waiting instead of eight per rating.
 */
export async function readRatingTargets(db: Db, lookups: TRatingLookup[]): Promise<TRatingTarget[]> {
  const hashes = [
    ...new Set(lookups.flatMap((lookup) => (lookup.deviceTokenHash === null ? [] : [lookup.deviceTokenHash]))),
  ];
  const caseNos = [...new Set(lookups.map((lookup) => lookup.caseNo))];
  const promptIds = [...new Set(lookups.flatMap((lookup) => (lookup.promptId === null ? [] : [lookup.promptId])))];
  const [devices, cases, byKey, named] = await Promise.all([
    findDevicesByTokenHashes(db, hashes),
    db
      .selectFrom("case as c")
      .leftJoin("rating as r", "r.case_id", "c.id")
      // The prompt a rating answers is at its case's window (an evaluator may rate no other case).
      .leftJoin("rating_prompt as p", (join) =>
        join.onRef("p.case_id", "=", "c.id").onRef("p.window_id", "=", "c.window_id").on("p.status", "=", "pending"),
      )
      .select((eb) => [
        "c.id",
        "c.case_no",
        "c.status",
        "c.completed_at",
        "c.hall_id",
        "c.department_id",
        "c.service_item_id",
        "c.window_id",
        "c.staff_id",
        // The hall's setting by primary key per case: joined instead, the optimiser may start from the
        // one hall row and read all its cases to find a batch's dozen (8,000 rows for 15 cases).
        eb
          .selectFrom("hall as h")
          .select("h.rating_window_days")
          .whereRef("h.id", "=", "c.hall_id")
          .as("rating_window_days"),
        "r.seq as rating_seq",
        "p.id as prompt_id",
        "p.created_at as prompt_created_at",
        eb
          .selectFrom("reason_code_version")
          .select((inner) => inner.fn.max("version").as("v"))
          .where("is_current", "=", true)
          .as("reason_version"),
      ])
      .where("c.case_no", "in", caseNos)
      .execute() as Promise<TRatingCaseRow[]>,
    db
      .selectFrom("rating")
      .select(["id", "case_id", "level", "rated_at", "idempotency_key"])
      .where("idempotency_key", "in", [...new Set(lookups.map((lookup) => lookup.idempotencyKey))])
      .execute(),
    findPromptsByIds(db, promptIds),
  ]);
  const promptOf = new Map(named.map((prompt) => [prompt.id, prompt]));
  const deviceOf = new Map(devices.map(({ tokenHash, ...device }) => [tokenHash, device]));
  const keyOf = new Map(byKey.map((rating) => [rating.idempotency_key, rating]));
  const caseOf = new Map<string, { row: TRatingCaseRow; hasFirst: boolean; prompt: TRatingTarget["prompt"] }>();
  // One row per (rating, open prompt) of a case: fold them; the lowest open prompt is the one answered.
  for (const row of cases) {
    const seen = caseOf.get(row.case_no) ?? { row, hasFirst: false, prompt: null };
    if (row.rating_seq === 1) seen.hasFirst = true;
    if (
      row.prompt_id !== null &&
      row.prompt_created_at !== null &&
      (seen.prompt === null || row.prompt_id < seen.prompt.id)
    ) {
      seen.prompt = { id: row.prompt_id, createdAt: row.prompt_created_at };
    }
    caseOf.set(row.case_no, seen);
  }
  const reasonVersion = cases[0]?.reason_version ?? null;
  return lookups.map((lookup) => {
    const found = caseOf.get(lookup.caseNo);
    return {
      device: lookup.deviceTokenHash === null ? null : (deviceOf.get(lookup.deviceTokenHash) ?? null),
      caseRow: found?.row ?? null,
      ratingWindowDays: found?.row.rating_window_days ?? RATING_RULE_LIMITS.ratingWindowDays.fallback,
      hasFirstRating: found?.hasFirst ?? false,
      prompt: found?.prompt ?? null,
      byKey: keyOf.get(lookup.idempotencyKey),
      named: lookup.promptId === null ? undefined : promptOf.get(lookup.promptId),
      reasonVersion,
    };
  });
}
