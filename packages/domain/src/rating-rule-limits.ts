/**
 * A hall's rating rules (SPEC §3): how long after completion a case may be rated, how long the
 * evaluator waits for a tap, and the provincial default rating, off unless a province requires it.
 */
export const RATING_RULE_LIMITS = {
  ratingWindowDays: { min: 1, max: 30, fallback: 7 },
  // The evaluator clamps what it reads to these too (apps/web prompt-timer.ts).
  promptTimeoutSeconds: { min: 20, max: 600, fallback: 60 },
} as const;
