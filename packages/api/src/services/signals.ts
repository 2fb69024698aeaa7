import type { Db, Rating, TSignalKind } from "@hcp/db";
import { KIOSK_CHANNEL } from "@hcp/domain";

/**
 * Misuse signals (SPEC §3): patterns a manager should look at. They are flagged, never used to
 * drop or alter a rating — the citizen's rating stands until an appeal says otherwise.
 */
export const SIGNAL_RULES = {
  /** a tap within this long of the prompt appearing is faster than anyone reads the screen */
  fastTapMs: 1_000,
  /** more ratings than this from one evaluator within the burst window */
  burstCount: 5,
  burstWindowMs: 60_000,
  /** this many identical levels in a row at one window, all within the run window */
  identicalRunLength: 10,
  identicalRunWindowMs: 10 * 60_000,
} as const;

export const SIGNAL_LABELS: Record<TSignalKind, string> = {
  fast_tap: "评价邀请出现后 1 秒内即提交",
  no_prompt: "评价器上没有进行中的评价邀请",
  burst: "同一评价器 1 分钟内评价过多",
  identical_run: "同一窗口短时间内连续相同评价",
  ip_rate: "同一网络地址评价过多",
};

interface TFlagInput {
  rating: Rating;
  deviceId: number | null;
  promptCreatedAt: Date | null;
  now: Date;
}

async function recentWindowLevels(db: Db, windowId: number, since: Date): Promise<number[]> {
  const rows = await db
    .selectFrom("rating")
    .select("level")
    .where("window_id", "=", windowId)
    .where("seq", "=", 1)
    .where("received_at", ">=", since)
    // Newest first along (window_id, received_at): ten index entries, however busy the window.
    .orderBy("received_at", "desc")
    .limit(SIGNAL_RULES.identicalRunLength)
    .execute();
  return rows.map((row) => row.level);
}

export async function flagMisuse(db: Db, input: TFlagInput): Promise<TSignalKind[]> {
  const { rating } = input;
  const kinds: { kind: TSignalKind; detail: string }[] = [];
  if (rating.channel === KIOSK_CHANNEL) {
    if (input.promptCreatedAt === null) {
      kinds.push({ kind: "no_prompt", detail: "" });
    } else {
      const reactionMs = rating.rated_at.getTime() - input.promptCreatedAt.getTime();
      if (reactionMs < SIGNAL_RULES.fastTapMs) kinds.push({ kind: "fast_tap", detail: `${reactionMs} ms` });
    }
    if (rating.window_id !== null) {
      const since = new Date(input.now.getTime() - SIGNAL_RULES.burstWindowMs);
      // Counting stops one past the limit: a busy window costs a few index entries, not all of them.
      const recent = await db
        .selectFrom("rating")
        .select("id")
        .where("window_id", "=", rating.window_id)
        .where("received_at", ">=", since)
        .where("channel", "=", KIOSK_CHANNEL)
        .orderBy("received_at", "desc")
        .limit(SIGNAL_RULES.burstCount + 1)
        .execute();
      if (recent.length > SIGNAL_RULES.burstCount) kinds.push({ kind: "burst", detail: `超过 ${SIGNAL_RULES.burstCount} 条/分钟` });
    }
  }
  if (rating.window_id !== null) {
    const since = new Date(input.now.getTime() - SIGNAL_RULES.identicalRunWindowMs);
    const levels = await recentWindowLevels(db, rating.window_id, since);
    if (levels.length === SIGNAL_RULES.identicalRunLength && levels.every((level) => level === rating.level)) {
      kinds.push({ kind: "identical_run", detail: `连续 ${levels.length} 条 ${rating.level} 级` });
    }
  }
  if (kinds.length > 0) {
    await db
      .insertInto("rating_signal")
      .values(
        kinds.map((signal) => ({
          hall_id: rating.hall_id,
          kind: signal.kind,
          rating_id: rating.id,
          case_id: rating.case_id,
          window_id: rating.window_id,
          device_id: input.deviceId,
          detail: signal.detail,
          created_at: input.now,
          reviewed_by: null,
          reviewed_at: null,
        })),
      )
      .execute();
  }
  return kinds.map((signal) => signal.kind);
}
