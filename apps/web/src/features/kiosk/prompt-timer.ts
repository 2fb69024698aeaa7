import { RATING_RULE_LIMITS } from "@hcp/domain/citizen";

/**
 * When an unanswered rating prompt warns and when it gives up (kiosk.md K-5, WCAG 2.2.1): after
 * the hall's timeout without a touch a warning runs for at least 20 s, any touch restarts the
 * count, and only then does the prompt end — as a "timed out" event, never as a rating.
 */
export const WARNING_MS = 20_000;

export interface TPromptTimeouts {
  /** quiet time before the warning appears */
  idleMs: number;
  /** how long the warning stays before the prompt ends */
  warningMs: number;
}

export type TPromptPhase =
  { phase: "active"; msUntilWarning: number } | { phase: "warning"; msLeft: number } | { phase: "expired" };

/**
 * The hall's setting, kept within the bounds 评价规则 allows: a value stored by hand outside them
 * (a 0) must not end prompts at once.
 */
export function promptTimeouts(promptTimeoutSeconds: number | null | undefined): TPromptTimeouts {
  const { min, max, fallback } = RATING_RULE_LIMITS.promptTimeoutSeconds;
  const seconds =
    promptTimeoutSeconds === null || promptTimeoutSeconds === undefined || !Number.isFinite(promptTimeoutSeconds)
      ? fallback
      : Math.min(Math.max(promptTimeoutSeconds, min), max);
  return { idleMs: seconds * 1000, warningMs: WARNING_MS };
}

export function promptPhase(now: number, lastActivityAt: number, timeouts: TPromptTimeouts): TPromptPhase {
  const quiet = Math.max(0, now - lastActivityAt);
  if (quiet < timeouts.idleMs) return { phase: "active", msUntilWarning: timeouts.idleMs - quiet };
  const warned = quiet - timeouts.idleMs;
  if (warned < timeouts.warningMs) return { phase: "warning", msLeft: timeouts.warningMs - warned };
  return { phase: "expired" };
}

/** Whole seconds shown in the countdown: never 0 while the warning is still on screen. */
export function secondsLeft(msLeft: number): number {
  return Math.max(1, Math.ceil(msLeft / 1000));
}
