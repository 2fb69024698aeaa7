import { describe, expect, test } from "vitest";

import { promptPhase, promptTimeouts, secondsLeft, WARNING_MS } from "./prompt-timer";

const timeouts = promptTimeouts(60);

describe("prompt timeout", () => {
  test("stays active until the hall's timeout passes without a touch", () => {
    expect(promptPhase(1_000, 1_000, timeouts)).toEqual({ phase: "active", msUntilWarning: 60_000 });
    expect(promptPhase(60_999, 1_000, timeouts)).toEqual({ phase: "active", msUntilWarning: 1 });
  });

  test("then warns for 20 s before the prompt ends", () => {
    expect(promptPhase(61_000, 1_000, timeouts)).toEqual({ phase: "warning", msLeft: WARNING_MS });
    expect(promptPhase(80_999, 1_000, timeouts)).toEqual({ phase: "warning", msLeft: 1 });
    expect(promptPhase(81_000, 1_000, timeouts)).toEqual({ phase: "expired" });
  });

  test("a touch during the warning starts the count again", () => {
    const touchedAt = 70_000;
    expect(promptPhase(70_000, touchedAt, timeouts).phase).toBe("active");
    expect(promptPhase(129_999, touchedAt, timeouts).phase).toBe("active");
  });

  test("the hall's setting is bounded and defaults to 60 s", () => {
    expect(promptTimeouts(undefined).idleMs).toBe(60_000);
    expect(promptTimeouts(0).idleMs).toBe(20_000);
    expect(promptTimeouts(90).idleMs).toBe(90_000);
    expect(promptTimeouts(Number.NaN).idleMs).toBe(60_000);
    expect(promptTimeouts(86_400).idleMs).toBe(600_000);
  });

  test("a device clock set backwards does not count as time passing", () => {
    expect(promptPhase(500, 1_000, timeouts)).toEqual({ phase: "active", msUntilWarning: 60_000 });
  });

  test("the countdown never shows 0 while the warning is up", () => {
    expect(secondsLeft(20_000)).toBe(20);
    expect(secondsLeft(19_001)).toBe(20);
    expect(secondsLeft(1)).toBe(1);
  });
});
