/** What a misuse signal flags (SPEC §3); "refused" is a rating the server turned down. */
export type TSignalKind = "burst" | "fast_tap" | "no_prompt" | "identical_run" | "ip_rate" | "refused";

/**
 * The thresholds of the misuse signals (SPEC §3): patterns a manager should look at. The rating
 * service judges live ratings by them and the demo seed judges its simulated history by them, so
 * the two can never disagree on what a burst or a fast tap is.
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
