import { describe, expect, test } from "vitest";

import { KIOSK_CHANNEL } from "@hcp/domain";

import { RatingsInFlight } from "./ratings-in-flight";
import { judgeRating, newestFirst, SIGNAL_RULES } from "./signals";
import type { TJudgedRating, TWindowRating } from "./signals";

const now = new Date("2023-06-01T02:00:00Z");
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);

function rating(overrides: Partial<TJudgedRating> = {}): TJudgedRating {
  return { channel: KIOSK_CHANNEL, windowId: 1, level: 5, seq: 1, ratedAt: now, now, promptCreatedAt: secondsAgo(30), ...overrides };
}

function windowRating(overrides: Partial<TWindowRating> = {}): TWindowRating {
  return { id: 1, idempotencyKey: "key", windowId: 1, level: 5, channel: KIOSK_CHANNEL, seq: 1, receivedAt: secondsAgo(1), ...overrides };
}

/** `count` earlier ratings at window 1, one second apart, newest first. */
function earlier(count: number, overrides: Partial<TWindowRating> = {}): TWindowRating[] {
  return Array.from({ length: count }, (_, index) => windowRating({ id: 100 - index, idempotencyKey: `key-${index}`, receivedAt: secondsAgo(index + 1), ...overrides }));
}

const kinds = (judged: { kind: string }[]) => judged.map((signal) => signal.kind).sort();

describe("misuse rules for one rating", () => {
  test("a tap on an evaluator with no prompt, or within a second of it, is flagged", () => {
    expect(kinds(judgeRating(rating({ promptCreatedAt: null }), []))).toEqual(["no_prompt"]);
    expect(judgeRating(rating({ promptCreatedAt: new Date(now.getTime() - 400) }), [])).toEqual([{ kind: "fast_tap", detail: "400 ms" }]);
    expect(judgeRating(rating({ channel: 2, promptCreatedAt: null }), [])).toEqual([]);
  });

  test("the sixth evaluator rating of a window within a minute is a burst; older ones and other windows do not count", () => {
    const burst = SIGNAL_RULES.burstCount;
    expect(kinds(judgeRating(rating(), earlier(burst)))).toEqual(["burst"]);
    expect(judgeRating(rating(), earlier(burst - 1))).toEqual([]);
    const aged = earlier(burst).map((entry, index) => (index === burst - 1 ? { ...entry, receivedAt: secondsAgo(61) } : entry));
    expect(judgeRating(rating(), aged)).toEqual([]);
    expect(judgeRating(rating(), earlier(burst, { windowId: 2 }))).toEqual([]);
    expect(judgeRating(rating(), earlier(burst, { channel: 2 }))).toEqual([]);
  });

  test("ten identical first ratings in a row at a window are a run; one different level among them breaks it", () => {
    const run = SIGNAL_RULES.identicalRunLength;
    // Spread over minutes, so no burst comes with them.
    const spaced = (levels: number[]) =>
      levels.map((level, index) => windowRating({ id: 100 - index, idempotencyKey: `run-${index}`, level, receivedAt: secondsAgo(60 * (index + 1)) }));
    expect(kinds(judgeRating(rating(), spaced(Array<number>(run - 1).fill(5))))).toEqual(["identical_run"]);
    expect(judgeRating(rating(), spaced(Array<number>(run - 2).fill(5)))).toEqual([]);
    expect(judgeRating(rating(), spaced([...Array<number>(run - 2).fill(5), 4]))).toEqual([]);
    expect(judgeRating(rating({ level: 4 }), spaced(Array<number>(run - 1).fill(5)))).toEqual([]);
    // A follow-up is not one of the run; it is flagged only after ten first ratings of its level.
    expect(judgeRating(rating({ seq: 2 }), spaced(Array<number>(run - 1).fill(5)))).toEqual([]);
    expect(kinds(judgeRating(rating({ seq: 2 }), spaced(Array<number>(run).fill(5))))).toEqual(["identical_run"]);
  });

  test("ratings still being written sort after stored ones received in the same millisecond", () => {
    const stored = windowRating({ receivedAt: now, id: 7 });
    const writing = { ...stored, id: null, idempotencyKey: "writing" };
    expect(newestFirst([stored, writing]).map((entry) => entry.id)).toEqual([null, 7]);
  });
});

describe("ratings in flight", () => {
  const entry = (key: string) => windowRating({ id: null, idempotencyKey: key });
  const keys = (ratings: TWindowRating[]) => ratings.map((rating) => rating.idempotencyKey);

  test("a read may miss what is still being written and what was stored after it was sent, nothing else", () => {
    const inFlight = new RatingsInFlight();
    inFlight.add(entry("a"));
    inFlight.add(entry("b"));
    const first = inFlight.startRead();
    inFlight.committed(["a"]);
    // Stored while the first read travelled: the first may miss it, a read sent now sees it.
    const second = inFlight.startRead();
    inFlight.add(entry("c"));
    expect(keys(first.unseen())).toEqual(["a", "b", "c"]);
    expect(keys(second.unseen())).toEqual(["b", "c"]);
    second.done();
    // The first read is still open: "a" is kept for it.
    expect(keys(first.unseen())).toEqual(["a", "b", "c"]);
    first.done();
    inFlight.dropped(["b"]);
    expect(keys(inFlight.startRead().unseen())).toEqual(["c"]);
  });
});
