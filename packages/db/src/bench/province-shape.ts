/**
 * The province-size year the benchmark loads: how many halls, departments, items, windows and
 * staff, how many cases and ratings, and the hash-derived rules every generated row follows.
 * The rules are SQL fragments so cases, prompts, ratings and work orders agree with one another
 * (a prompt closes when its rating is given, a rating's channel decides whether it had a prompt).
 */
import { sql, type RawBuilder } from "kysely";

import { datesBetween, exceptionsFromSchedules, isWorkingDay } from "@hcp/domain";

export const PROVINCE_YEAR = 2023;

export interface TProvinceShape {
  ratings: number;
  /** cases ≈ 2.2 × ratings, so 评价率 ≈ 45 % */
  cases: number;
  halls: number;
  departmentsPerHall: number;
  itemsPerHall: number;
  windowsPerHall: number;
  /** the first `comprehensiveWindows` windows take any item (一窗受理), the rest one department's */
  comprehensiveWindows: number;
  staffPerHall: number;
}

export function provinceShape(ratings: number): TProvinceShape {
  return {
    ratings,
    cases: Math.round(ratings * 2.2),
    halls: 20,
    departmentsPerHall: 30,
    itemsPerHall: 1500,
    windowsPerHall: 20,
    comprehensiveWindows: 12,
    staffPerHall: 50,
  };
}

/**
 * Share of the province's cases per hall, in thousandths: a city hall, two large districts, and
 * seventeen counties. The first hall is the one the benchmark measures.
 */
export const HALL_PERMILLE: readonly number[] = [140, 90, 70, ...Array<number>(16).fill(41), 44];

export const HALL_NAMES: readonly string[] = [
  "江州市政务服务中心",
  "江州市临湖区政务服务中心",
  "江州市东城区政务服务中心",
  "青川县政务服务中心",
  "白石县政务服务中心",
  "云溪县政务服务中心",
  "梅岭县政务服务中心",
  "石门县政务服务中心",
  "安平县政务服务中心",
  "永宁县政务服务中心",
  "桐江县政务服务中心",
  "长乐县政务服务中心",
  "南屏县政务服务中心",
  "凤阳县政务服务中心",
  "新河县政务服务中心",
  "清源县政务服务中心",
  "太和县政务服务中心",
  "宁远县政务服务中心",
  "兴隆县政务服务中心",
  "泰安县政务服务中心",
];

export const DEPARTMENT_NAMES: readonly string[] = [
  "政务服务中心",
  "公安局",
  "市场监督管理局",
  "人力资源和社会保障局",
  "医疗保障局",
  "自然资源和规划局",
  "住房和城乡建设局",
  "税务局",
  "民政局",
  "交通运输局",
  "卫生健康委员会",
  "教育局",
  "生态环境局",
  "农业农村局",
  "水利局",
  "文化广电旅游体育局",
  "商务局",
  "应急管理局",
  "司法局",
  "退役军人事务局",
  "住房公积金中心",
  "不动产登记中心",
  "残疾人联合会",
  "林业局",
  "城市管理局",
  "发展和改革局",
  "财政局",
  "统计局",
  "档案馆",
  "气象局",
];

/** Working days of the year and of the months after it (for deadlines), hall-local, in order. */
export function workingDays(): string[] {
  const exceptions = exceptionsFromSchedules();
  return datesBetween(`${PROVINCE_YEAR}-01-01`, `${PROVINCE_YEAR + 1}-03-31`).filter((date) =>
    isWorkingDay(date, exceptions),
  );
}

export function workingDaysInYear(days: readonly string[]): number {
  return days.filter((date) => date.startsWith(String(PROVINCE_YEAR))).length;
}

// ── the generation rules, shared by every phase ──────────────────────────────────────────────
/** A 32-bit hash of a row number in its own stream (a letter), so streams do not correlate. */
export function hash(stream: string, value: RawBuilder<unknown> | string): RawBuilder<number> {
  const expression = typeof value === "string" ? sql.raw(value) : value;
  return sql<number>`crc32(concat(${sql.lit(stream)}, ${expression}))`;
}

/**
 * Case n is rated when ⌊n·R/N⌋ steps up at n: exactly R of N cases, spread evenly; rating k
 * belongs to case ⌈k·N/R⌉ and case n to rating ⌊n·R/N⌋.
 */
export function isRated(shape: TProvinceShape, caseId: string): RawBuilder<boolean> {
  const id = sql.raw(caseId);
  return sql<boolean>`((${id} * ${shape.ratings}) div ${shape.cases} > ((${id} - 1) * ${shape.ratings}) div ${shape.cases})`;
}

/** The rating channel of a rated case: the evaluator (4) at windows mostly, online channels off-window. */
export function ratingChannel(caseAlias: string): RawBuilder<number> {
  const bucket = sql`(${hash("c", `${caseAlias}.id`)} mod 100)`;
  return sql<number>`(case when ${sql.raw(caseAlias)}.window_id is not null
      then (case when ${bucket} < 80 then 4 when ${bucket} < 90 then 3 when ${bucket} < 95 then 2 else 5 end)
      else (case when ${bucket} < 40 then 1 when ${bucket} < 80 then 2 when ${bucket} < 95 then 3 else 7 end) end)`;
}

/** When the rating is tapped: seconds after completion at the hall, up to two days later online. */
export function ratedAt(caseAlias: string): RawBuilder<Date> {
  const spread = sql`(${hash("c", `${caseAlias}.id`)} div 100)`;
  return sql<Date>`(case when ${ratingChannel(caseAlias)} in (4, 5)
      then ${sql.raw(caseAlias)}.completed_at + interval (20 + ${spread} mod 90) second
      else ${sql.raw(caseAlias)}.completed_at + interval (600 + ${spread} mod 172800) second end)`;
}

/**
 * The level: 非常满意 mostly, about 0.7 % bad, more where the staff member is weaker (a factor per
 * staff member from 0.4 to 2.5), so rankings have something to rank.
 */
export function ratingLevel(caseAlias: string): RawBuilder<number> {
  const draw = sql`(${hash("l", `${caseAlias}.id`)} mod 10000)`;
  const factor = sql`(case when ${sql.raw(caseAlias)}.staff_id is null then 10
      else elt(1 + ${hash("f", `${caseAlias}.staff_id`)} mod 5, 4, 7, 10, 15, 25) end)`;
  return sql<number>`(case when ${draw} < 2.5 * ${factor} then 1 when ${draw} < 6 * ${factor} then 2
      when ${draw} < 6 * ${factor} + 250 then 3 when ${draw} < 6 * ${factor} + 1250 then 4 else 5 end)`;
}

/** A window case that was not rated was still invited about one time in ten; the prompt timed out. */
export function timedOutPrompt(caseAlias: string): RawBuilder<boolean> {
  return sql<boolean>`(${hash("t", `${caseAlias}.id`)} mod 100 < 10)`;
}

/** What happened to a bad review's work order, per thousand: see `loadWorkOrders`. */
export function workOrderPlan(ratingAlias: string): RawBuilder<number> {
  return sql<number>`(${hash("o", `${ratingAlias}.id`)} mod 1000)`;
}
