import { describe, expect, test } from "vitest";

import { formatRetryAt, LOOKUP_LOCK_POLICY, nextLookupLock } from "./lookup-lock";

const now = new Date("2026-11-25T02:00:00Z");
const MINUTE = 60_000;

describe("lookup lock policy", () => {
  test("every fifth consecutive failure locks: 15 minutes, then doubling, capped", () => {
    let state: { failures: number; updatedAt: Date } | undefined;
    const locks: (number | null)[] = [];
    let at = now.getTime();
    for (let attempt = 1; attempt <= 40; attempt++) {
      const next = nextLookupLock(state, new Date(at));
      locks.push(next.lockedUntil ? (next.lockedUntil.getTime() - at) / MINUTE : null);
      state = { failures: next.failures, updatedAt: new Date(at) };
      at = next.lockedUntil ? next.lockedUntil.getTime() + MINUTE : at + MINUTE;
    }
    expect(locks.filter((lock) => lock !== null)).toEqual([15, 30, 60, 120, 240, 480, 480, 480]);
    expect(locks.slice(0, 5)).toEqual([null, null, null, null, 15]);
  });

  test("failures a day old are forgotten", () => {
    const old = { failures: 4, updatedAt: new Date(now.getTime() - LOOKUP_LOCK_POLICY.forgetAfterMs - 1) };
    expect(nextLookupLock(old, now)).toEqual({ failures: 1, lockedUntil: null });
    const recent = { failures: 4, updatedAt: new Date(now.getTime() - MINUTE) };
    expect(nextLookupLock(recent, now)).toEqual({ failures: 5, lockedUntil: new Date(now.getTime() + 15 * MINUTE) });
  });

  test("the retry time is hall-local, rounded up, with the date when it is not today", () => {
    expect(formatRetryAt(new Date("2026-11-25T02:15:00Z"), now)).toBe("10:15");
    expect(formatRetryAt(new Date("2026-11-25T02:15:00.001Z"), now)).toBe("10:16");
    expect(formatRetryAt(new Date("2026-11-25T16:05:00Z"), now)).toBe("11月26日 00:05");
  });
});
