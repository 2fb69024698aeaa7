import {
  insertRatingSignals,
  listRecentWindowRatings,
  type Db,
  type Rating,
  type TRecentRatingRow,
  type TSignalKind,
} from "@hcp/db";
import { KIOSK_CHANNEL, SIGNAL_RULES } from "@hcp/domain";

/**
 * Misuse signals (SPEC §3): patterns a manager should look at, by the thresholds of SIGNAL_RULES.
 * They are flagged, never used to drop or alter a rating — the citizen's rating stands until an
 * appeal says otherwise.
 */
export const SIGNAL_LABELS: Record<TSignalKind, string> = {
  fast_tap: "评价邀请出现后 1 秒内即提交",
  no_prompt: "评价器上没有进行中的评价邀请",
  burst: "同一评价器 1 分钟内评价过多",
  identical_run: "同一窗口短时间内连续相同评价",
  ip_rate: "同一网络地址评价过多",
  refused: "评价器上的评价未能入库",
};

/** A signal the caller judged itself (the online page's per-address count), stored with the rating. */
export interface TSignalFinding {
  kind: TSignalKind;
  detail: string;
}

interface TFlagInput {
  rating: Rating;
  deviceId: number | null;
  promptCreatedAt: Date | null;
  now: Date;
  preFlagged: readonly TSignalFinding[];
}

/** A rating of a batch before its id is known. */
export type TFlagCandidate = Omit<TFlagInput, "rating"> & { rating: Omit<Rating, "id"> };

type TWindowScope = Map<number, { extra: number; since: Date; kiosk: boolean }>;

/** Which windows a batch touches, how many of its ratings each has, and from when to look back. */
function windowScope(inputs: readonly { rating: Pick<Rating, "window_id" | "channel">; now: Date }[]): TWindowScope {
  const windows: TWindowScope = new Map();
  for (const { rating, now } of inputs) {
    if (rating.window_id === null) continue;
    const seen = windows.get(rating.window_id);
    windows.set(rating.window_id, {
      extra: (seen?.extra ?? 0) + 1,
      since: seen && seen.since < now ? seen.since : now,
      kiosk: (seen?.kiosk ?? false) || rating.channel === KIOSK_CHANNEL,
    });
  }
  return windows;
}

/**
 * The windows' latest ratings for both rules, newest first along (window_id, received_at): a few
 * index entries per window however busy it is. Default ratings are left out: the housekeeping
 * writes a window's batch of them at one instant, and nobody tapped them. `extra` more rows per rule than a rule needs, since
 * ratings written later in the same batch are left out when judging an earlier one. With `keys`,
 * the same statement also reads back the ids of the batch's own ratings.
 */
async function readRecent(db: Db, windows: TWindowScope, keys: readonly string[]): Promise<TRecentRatingRow[]> {
  const scopes = [...windows].map(([windowId, { extra, since, kiosk }]) => ({
    windowId,
    run: {
      since: new Date(since.getTime() - SIGNAL_RULES.identicalRunWindowMs),
      limit: SIGNAL_RULES.identicalRunLength + extra,
    },
    burst: kiosk
      ? { since: new Date(since.getTime() - SIGNAL_RULES.burstWindowMs), limit: SIGNAL_RULES.burstCount + 1 + extra }
      : null,
  }));
  return listRecentWindowRatings(db, scopes, keys);
}

/**
 * Each rating is judged by the ratings stored before it and itself — the ones later in the same
 * batch are left out, as if they had not come yet.
 */
function judge(inputs: readonly TFlagInput[], recent: readonly TRecentRatingRow[]): TSignalFinding[][] {
  const batchIds = inputs.map((input) => input.rating.id);
  return inputs.map((input, index) => {
    const { rating } = input;
    const later = new Set(batchIds.slice(index + 1));
    const seenBefore = (rule: TRecentRatingRow["rule"], windowMs: number) =>
      recent.filter(
        (row) =>
          row.rule === rule &&
          row.window_id === rating.window_id &&
          !later.has(row.id) &&
          row.received_at.getTime() >= input.now.getTime() - windowMs,
      );
    const kinds: TSignalFinding[] = [...input.preFlagged];
    if (rating.channel === KIOSK_CHANNEL) {
      if (input.promptCreatedAt === null) {
        kinds.push({ kind: "no_prompt", detail: "" });
      } else {
        const reactionMs = rating.rated_at.getTime() - input.promptCreatedAt.getTime();
        if (reactionMs < SIGNAL_RULES.fastTapMs) kinds.push({ kind: "fast_tap", detail: `${reactionMs} ms` });
      }
      if (
        rating.window_id !== null &&
        seenBefore("burst", SIGNAL_RULES.burstWindowMs).length > SIGNAL_RULES.burstCount
      ) {
        kinds.push({ kind: "burst", detail: `超过 ${SIGNAL_RULES.burstCount} 条/分钟` });
      }
    }
    if (rating.window_id !== null) {
      const levels = seenBefore("run", SIGNAL_RULES.identicalRunWindowMs)
        .slice(0, SIGNAL_RULES.identicalRunLength)
        .map((row) => row.level);
      if (levels.length === SIGNAL_RULES.identicalRunLength && levels.every((level) => level === rating.level)) {
        kinds.push({ kind: "identical_run", detail: `连续 ${levels.length} 条 ${rating.level} 级` });
      }
    }
    return kinds;
  });
}

async function insertSignals(db: Db, inputs: readonly TFlagInput[], flagged: TSignalFinding[][]): Promise<void> {
  const rows = inputs.flatMap((input, index) =>
    (flagged[index] ?? []).map((signal) => ({
      hall_id: input.rating.hall_id,
      kind: signal.kind,
      rating_id: input.rating.id,
      case_id: input.rating.case_id,
      window_id: input.rating.window_id,
      device_id: input.deviceId,
      detail: signal.detail,
      created_at: input.now,
      reviewed_by: null,
      reviewed_at: null,
    })),
  );
  await insertRatingSignals(db, rows);
}

/**
 * Flags the misuse signals of ratings just written, inside their transaction: a rating and its
 * signals are stored together or not at all.
 */
export async function flagMisuseBatch(db: Db, inputs: readonly TFlagInput[]): Promise<TSignalKind[][]> {
  const flagged = judge(inputs, await readRecent(db, windowScope(inputs), []));
  await insertSignals(db, inputs, flagged);
  return flagged.map((kinds) => kinds.map((signal) => signal.kind));
}

/**
 * For ratings just inserted together (their ids unknown: a multi-row insert need not number its
 * rows consecutively): reads their ids back by idempotency key in the statement that reads the
 * windows' recent ratings, then flags the signals. Returns the ids in input order.
 */
export async function idsAndMisuse(db: Db, inputs: readonly TFlagCandidate[]): Promise<number[]> {
  const recent = await readRecent(
    db,
    windowScope(inputs),
    inputs.map((input) => input.rating.idempotency_key),
  );
  const idOf = new Map(recent.filter((row) => row.rule === "batch").map((row) => [row.idempotency_key, row.id]));
  const withIds = inputs.map((input) => {
    const id = idOf.get(input.rating.idempotency_key);
    if (id === undefined) throw new Error("a rating of the batch was not stored");
    return { ...input, rating: { ...input.rating, id } };
  });
  await insertSignals(db, withIds, judge(withIds, recent));
  return withIds.map((input) => input.rating.id);
}
