import type { TRatio } from "./metrics";

/**
 * How a figure moved between two periods, as the monthly report prints it (SPEC §7): a rate moves
 * by percentage points ("+0.12 个百分点"), a count by a relative share ("+3.4%"), a score by points
 * ("-1.25 分"). Computed from the exact ratios with integers only (BigInt: a province's counts
 * multiplied together pass 2^53), rounded half-up away from zero once, so the printed change is
 * what a person subtracting by hand would write. "—" when either side is undefined.
 */
export type TChangeKind = "rate" | "count" | "score";

const NO_CHANGE_VALUE = "—";

/** |num/den| rounded half-up to `digits` decimals, with its sign. */
function signedDecimal(num: bigint, den: bigint, digits: number): string {
  const negative = num < 0n !== den < 0n;
  const absNum = num < 0n ? -num : num;
  const absDen = den < 0n ? -den : den;
  const scale = 10n ** BigInt(digits);
  const rounded = (absNum * scale * 2n + absDen) / (2n * absDen);
  const whole = (rounded / scale).toString();
  const fraction = digits === 0 ? "" : `.${(rounded % scale).toString().padStart(digits, "0")}`;
  const sign = rounded === 0n ? "" : negative ? "-" : "+";
  return `${sign}${whole}${fraction}`;
}

/** a/b − c/d as one fraction. */
function difference(current: TRatio, previous: TRatio): { num: bigint; den: bigint } {
  return {
    num: BigInt(current.num) * BigInt(previous.den) - BigInt(previous.num) * BigInt(current.den),
    den: BigInt(current.den) * BigInt(previous.den),
  };
}

/** Percentage points between two rates: "+0.12 个百分点". */
export function rateChange(current: TRatio, previous: TRatio, digits = 2): string {
  if (current.den === 0 || previous.den === 0) return NO_CHANGE_VALUE;
  const diff = difference(current, previous);
  return `${signedDecimal(diff.num * 100n, diff.den, digits)} 个百分点`;
}

/** Relative change of a count or an average (a count is num/1): "+3.4%"; "—" from zero. */
export function countChange(current: TRatio, previous: TRatio, digits = 1): string {
  if (current.den === 0 || previous.den === 0 || previous.num === 0) return NO_CHANGE_VALUE;
  // (c/d) / (p/q) − 1 = (c·q − p·d) / (p·d)
  const diff = difference(current, previous);
  return `${signedDecimal(diff.num * 100n, BigInt(previous.num) * BigInt(current.den), digits)}%`;
}

/** Points between two scores on the 100-point scale: "-1.25 分". */
export function scoreChange(current: TRatio, previous: TRatio, digits = 2): string {
  if (current.den === 0 || previous.den === 0) return NO_CHANGE_VALUE;
  const diff = difference(current, previous);
  return `${signedDecimal(diff.num, diff.den, digits)} 分`;
}

export function figureChange(kind: TChangeKind, current: TRatio, previous: TRatio): string {
  if (kind === "rate") return rateChange(current, previous);
  if (kind === "count") return countChange(current, previous);
  return scoreChange(current, previous);
}
