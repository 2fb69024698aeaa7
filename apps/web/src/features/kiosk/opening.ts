import type { TKioskEvent } from "@hcp/api";

/** The hall's opening intervals as the server sent them (epoch ms), known up to `until`. */
export type TOpening = Extract<TKioskEvent, { type: "snapshot" }>["opening"];

/**
 * Whether the hall is open at `now` by its intervals. Past `until` nothing is known: the evaluator
 * says 暂停服务 as before rather than guess, until it has asked again.
 */
export function isOpenAt(opening: TOpening | null, now: number): boolean {
  if (!opening || now >= opening.until) return true;
  return opening.intervals.some(([start, end]) => start <= now && now < end);
}

/** The next instant after `now` at which the answer of `isOpenAt` may change: a boundary, or `until`. */
export function nextChangeAfter(opening: TOpening | null, now: number): number | null {
  if (!opening || now >= opening.until) return null;
  let next = opening.until;
  for (const [start, end] of opening.intervals) {
    if (start > now && start < next) next = start;
    if (end > now && end < next) next = end;
  }
  return next;
}
