import { sql } from "kysely";
import type { Compilable, RawBuilder } from "kysely";

import type { Db, NewRatingSignal, Rating, TSignalKind } from "@hcp/db";
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
  refused: "评价器上的评价未能入库",
};

/** One of a window's ratings, as the rules see it. */
export interface TWindowRating {
  /** null while the rating is still being written */
  id: number | null;
  idempotencyKey: string;
  windowId: number;
  level: number;
  channel: number;
  seq: number;
  receivedAt: Date;
}

export interface TSignal {
  kind: TSignalKind;
  detail: string;
}

/** The rating being judged: what the rules look at. */
export interface TJudgedRating {
  channel: number;
  windowId: number | null;
  level: number;
  seq: number;
  ratedAt: Date;
  /** when the server received it: the rules' windows are counted back from here */
  now: Date;
  /** when the prompt it answers appeared on the evaluator (null: it answered none) */
  promptCreatedAt: Date | null;
}

/**
 * The rules for one rating, given its window's ratings stored before it, newest first (older or
 * other windows' ratings may be among them: they are skipped). A rating counts in its own burst and
 * run, as the n-th of them.
 */
export function judgeRating(rating: TJudgedRating, before: readonly TWindowRating[]): TSignal[] {
  const signals: TSignal[] = [];
  const since = (windowMs: number) => (entry: TWindowRating) =>
    entry.windowId === rating.windowId && entry.receivedAt.getTime() >= rating.now.getTime() - windowMs;
  if (rating.channel === KIOSK_CHANNEL) {
    if (rating.promptCreatedAt === null) {
      signals.push({ kind: "no_prompt", detail: "" });
    } else {
      const reactionMs = rating.ratedAt.getTime() - rating.promptCreatedAt.getTime();
      if (reactionMs < SIGNAL_RULES.fastTapMs) signals.push({ kind: "fast_tap", detail: `${reactionMs} ms` });
    }
    const inBurst = before.filter((entry) => entry.channel === KIOSK_CHANNEL && since(SIGNAL_RULES.burstWindowMs)(entry)).length + 1;
    if (rating.windowId !== null && inBurst > SIGNAL_RULES.burstCount) {
      signals.push({ kind: "burst", detail: `超过 ${SIGNAL_RULES.burstCount} 条/分钟` });
    }
  }
  if (rating.windowId !== null) {
    const earlier = before.filter((entry) => entry.seq === 1 && since(SIGNAL_RULES.identicalRunWindowMs)(entry)).map((entry) => entry.level);
    const levels = (rating.seq === 1 ? [rating.level, ...earlier] : earlier).slice(0, SIGNAL_RULES.identicalRunLength);
    if (levels.length === SIGNAL_RULES.identicalRunLength && levels.every((level) => level === rating.level)) {
      signals.push({ kind: "identical_run", detail: `连续 ${levels.length} 条 ${rating.level} 级` });
    }
  }
  return signals;
}

/** Which window a history read looks at: by id, by an evaluator's token, or by a case's window. */
export type TWindowSource = { windowId: number } | { deviceTokenHash: string } | { caseNo: string };

export interface THistoryRow {
  id: number;
  window_id: number;
  level: number;
  channel: number;
  seq: number;
  received_at: Date;
  idempotency_key: string;
}

function fromWindow(source: TWindowSource): RawBuilder<unknown> {
  if ("windowId" in source) return sql`from rating x where x.window_id = ${source.windowId}`;
  // Unique keys: the device or case row is read once, then the window's ratings along their index.
  if ("deviceTokenHash" in source) return sql`from evaluator_device d join rating x on x.window_id = d.window_id where d.token_hash = ${source.deviceTokenHash}`;
  return sql`from \`case\` c join rating x on x.window_id = c.window_id where c.case_no = ${source.caseNo}`;
}

/**
 * The latest ratings of some windows for both rules, newest first along (window_id, received_at):
 * a few index entries per window however busy it is. `extra` more rows per rule than a rule needs
 * (ratings to be left out by the caller).
 */
export function windowHistoryQuery(
  db: Db,
  sources: readonly { source: TWindowSource; kiosk: boolean }[],
  now: Date,
  extra = 0,
): Compilable<THistoryRow> {
  const columns = sql`x.id, x.window_id, x.level, x.channel, x.seq, x.received_at, x.idempotency_key`;
  const burstSince = new Date(now.getTime() - SIGNAL_RULES.burstWindowMs);
  const runSince = new Date(now.getTime() - SIGNAL_RULES.identicalRunWindowMs);
  const branches = sources.flatMap(({ source, kiosk }) => {
    const from = fromWindow(source);
    const run = sql`(select ${columns} ${from} and x.seq = 1 and x.received_at >= ${runSince}
      order by x.received_at desc, x.id desc limit ${SIGNAL_RULES.identicalRunLength + extra})`;
    if (!kiosk) return [run];
    const burst = sql`(select ${columns} ${from} and x.channel = ${KIOSK_CHANNEL} and x.received_at >= ${burstSince}
      order by x.received_at desc, x.id desc limit ${SIGNAL_RULES.burstCount + extra})`;
    return [burst, run];
  });
  const query = branches.length === 0 ? sql<THistoryRow>`select ${columns} from rating x where false` : sql<THistoryRow>`${sql.join(branches, sql` union all `)}`;
  return { compile: () => query.compile(db) };
}

/** The rows of a history read, once each, newest first. */
export function windowRatingsOf(rows: readonly THistoryRow[]): TWindowRating[] {
  const byKey = new Map<string, TWindowRating>();
  for (const row of rows) {
    byKey.set(row.idempotency_key, {
      id: row.id,
      idempotencyKey: row.idempotency_key,
      windowId: row.window_id,
      level: row.level,
      channel: row.channel,
      seq: row.seq,
      receivedAt: row.received_at,
    });
  }
  return newestFirst([...byKey.values()]);
}

/** Newest first; of two received in the same millisecond the later stored, and one still being written last of all. */
export function newestFirst(entries: TWindowRating[]): TWindowRating[] {
  const order = (entry: TWindowRating) => entry.id ?? Number.MAX_SAFE_INTEGER;
  return entries.sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || order(b) - order(a));
}

/** A signal's row for a rating; the rating's id is set where the row is written. */
export function signalRow(rating: Pick<Rating, "hall_id" | "case_id" | "window_id">, signal: TSignal, deviceId: number | null, now: Date): Omit<NewRatingSignal, "rating_id"> {
  return {
    hall_id: rating.hall_id,
    kind: signal.kind,
    case_id: rating.case_id,
    window_id: rating.window_id,
    device_id: deviceId,
    detail: signal.detail,
    created_at: now,
    reviewed_by: null,
    reviewed_at: null,
  };
}

/**
 * Flags the misuse signals of a rating just written, inside its transaction (a rating and its
 * signals are stored together or not at all), judged on the window's ratings stored before it.
 */
export async function flagMisuse(
  trx: Db,
  input: { rating: Rating; deviceId: number | null; promptCreatedAt: Date | null; now: Date },
): Promise<TSignalKind[]> {
  const { rating, now } = input;
  if (rating.window_id === null) return [];
  const query = windowHistoryQuery(trx, [{ source: { windowId: rating.window_id }, kiosk: rating.channel === KIOSK_CHANNEL }], now, 1);
  const history = windowRatingsOf((await trx.executeQuery(query.compile())).rows);
  const signals = judgeRating(
    { channel: rating.channel, windowId: rating.window_id, level: rating.level, seq: rating.seq, ratedAt: rating.rated_at, now, promptCreatedAt: input.promptCreatedAt },
    history.filter((entry) => entry.idempotencyKey !== rating.idempotency_key),
  );
  if (signals.length > 0) {
    await trx
      .insertInto("rating_signal")
      .values(signals.map((signal) => ({ ...signalRow(rating, signal, input.deviceId, now), rating_id: rating.id })))
      .execute();
  }
  return signals.map((signal) => signal.kind);
}
