import { timingSafeEqual } from "node:crypto";

/** Equal strings in time independent of where they differ; a length mismatch reveals nothing secret. */
export function sameString(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
