/**
 * One county, many halls. A 12-digit 行政区划代码 (统计用区划代码) reads 2 province + 2 city +
 * 2 county + 3 township + 3 village digits; a county's own code ends in six zeros, a township's
 * in three. A hall's area code must lie under its county's (and a village point's under its
 * township's), which is how a mistyped code is caught before it mislabels a hall's figures.
 */
import { keysOf } from "./keys";

export const HALL_KINDS = {
  county_centre: "县级政务服务中心",
  township_centre: "乡镇（街道）便民服务中心",
  village_point: "村（社区）便民服务站",
} as const;

export type THallKind = keyof typeof HALL_KINDS;
export const HALL_KIND_KEYS: THallKind[] = keysOf(HALL_KINDS);

/** 'hall': the user's hall only; 'county': every hall of that hall's county. */
export type TUserScope = "hall" | "county";

const AREA_CODE = /^\d{12}$/;

function isAreaCode(code: string): boolean {
  return AREA_CODE.test(code);
}

/** A county's code: 12 digits, a real county part, zeros below it. */
export function isCountyAreaCode(code: string): boolean {
  return isAreaCode(code) && code.slice(6) === "000000" && code.slice(4, 6) !== "00";
}

/** The level a 12-digit code names, read from its trailing zeros. */
export function areaLevel(code: string): "county" | "township" | "village" | undefined {
  if (!isAreaCode(code) || code.slice(4, 6) === "00") return undefined;
  if (code.slice(6) === "000000") return "county";
  if (code.slice(6, 9) === "000") return undefined;
  return code.slice(9) === "000" ? "township" : "village";
}

export type TAreaCodeProblem = "AREA_CODE_INVALID" | "AREA_CODE_OUTSIDE_COUNTY" | "AREA_CODE_LEVEL_MISMATCH";

/**
 * Whether `areaCode` may name a hall of `kind` in the county `countyCode` (and, for a village
 * point, under the township `parentAreaCode`); undefined when it may.
 */
export function hallAreaCodeProblem(
  areaCode: string,
  kind: THallKind,
  countyCode: string,
  parentAreaCode?: string | null,
): TAreaCodeProblem | undefined {
  const level = areaLevel(areaCode);
  if (!level) return "AREA_CODE_INVALID";
  if (areaCode.slice(0, 6) !== countyCode.slice(0, 6)) return "AREA_CODE_OUTSIDE_COUNTY";
  const expected = kind === "county_centre" ? "county" : kind === "township_centre" ? "township" : "village";
  if (level !== expected) return "AREA_CODE_LEVEL_MISMATCH";
  if (kind === "village_point" && parentAreaCode && areaCode.slice(0, 9) !== parentAreaCode.slice(0, 9))
    return "AREA_CODE_OUTSIDE_COUNTY";
  return undefined;
}

/**
 * What a hall's case numbers begin with: its 6-digit region code, or for a township centre or a
 * village point its own 12-digit area code — the county's halls share the region code, and each
 * counts its day's cases from 1, so a township's case would otherwise take the county centre's number.
 */
export function caseNumberPrefix(hall: { kind: THallKind; areaCode: string | null; regionCode: string }): string {
  return hall.kind !== "county_centre" && hall.areaCode !== null && isAreaCode(hall.areaCode)
    ? hall.areaCode
    : hall.regionCode;
}
