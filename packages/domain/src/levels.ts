// No zod here: the citizen app imports this module by subpath (@hcp/domain/citizen) and must not
// load a schema library for five labels. ZLevel lives with the other schemas.

/** National interface codes: 5 = 非常满意 … 1 = 非常不满意. */
export const LEVELS = [5, 4, 3, 2, 1] as const;
export type TLevel = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<TLevel, string> = {
  5: "非常满意",
  4: "满意",
  3: "基本满意",
  2: "不满意",
  1: "非常不满意",
};

export function isLevel(value: number): value is TLevel {
  return LEVELS.some((level) => level === value);
}

/** 好评 = levels 3–5, 差评 = levels 1–2 (SPEC §3). */
export function isGoodLevel(level: TLevel): boolean {
  return level >= 3;
}

export function isBadLevel(level: TLevel): boolean {
  return level <= 2;
}

/** 满意度得分 mapping shown beside every score: 5→100 … 1→20. */
export const LEVEL_SCORES: Record<TLevel, number> = { 5: 100, 4: 80, 3: 60, 2: 40, 1: 20 };
