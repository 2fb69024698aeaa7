/**
 * Burn-in care for the idle screen (kiosk.md §2.5, K-9): the 亮牌 card is on screen most of the
 * day, so it moves a little every few minutes and the whole screen dims after a while without a
 * prompt or a touch. Offsets stay within ±32 px so the card never leaves its place.
 */
export const DRIFT_STEP_MS = 3 * 60_000;
export const DIM_AFTER_MS = 5 * 60_000;

const OFFSETS: readonly (readonly [number, number])[] = [
  [0, 0],
  [24, -16],
  [-20, 20],
  [28, 12],
  [-24, -20],
  [8, 28],
  [-12, -8],
  [20, -28],
];

export function driftOffset(step: number): { x: number; y: number } {
  const index = ((step % OFFSETS.length) + OFFSETS.length) % OFFSETS.length;
  const [x, y] = OFFSETS[index] ?? [0, 0];
  return { x, y };
}
