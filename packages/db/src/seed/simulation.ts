import { createHash } from "node:crypto";

import {
  addWorkingDays,
  countWorkingDays,
  datesBetween,
  exceptionsFromSchedules,
  hallDate,
  hallDayBounds,
  isWorkingDay,
  maskApplicantName,
  NATIONAL_REASONS,
  SIGNAL_RULES,
  type TCalendarExceptions,
  type TChannel,
  type TLevel,
} from "@hcp/domain";

import type { TApplicantType, THandlingChannel } from "../schema";
import type { TDemoCatalog } from "./catalog";
import { SeededRandom, WeightedTable } from "./random";

/** The 2023 annual report: 24.3万 cases and 5.5万 ratings. */
export const DEMO_YEAR = 2023;
export const DEMO_CASES = 243_000;
export const DEMO_RATINGS = 55_000;

/** A misuse signal the platform's rules would have flagged for the rating (SPEC §3). */
interface TSimSignal {
  kind: "fast_tap" | "no_prompt" | "burst" | "identical_run";
  detail: string;
}

export interface TSimRating {
  level: TLevel;
  channel: TChannel;
  comment: string;
  reasons: string[];
  ratedAt: Date;
  idempotencyKey: string;
  signals: TSimSignal[];
}

/** 请评价 on the window's evaluator: rated there, or the citizen walked away (timed out). */
interface TSimPrompt {
  createdAt: Date;
  status: "rated" | "timed_out";
  closedAt: Date;
}

export interface TSimCase {
  caseNo: string;
  itemIndex: number;
  windowIndex: number | null;
  staffIndex: number | null;
  handlingChannel: THandlingChannel;
  applicantType: TApplicantType;
  applicantNameMasked: string;
  receivedAt: Date;
  /** null while the case is still being handled (the live days only) */
  completedAt: Date | null;
  dueDate: string | null;
  late: boolean;
  prompt: TSimPrompt | null;
  rating: TSimRating | null;
}

export interface TSimDay {
  date: string;
  cases: TSimCase[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MORNING = { start: 9 * HOUR, length: 3 * HOUR };
const AFTERNOON = { start: 13.5 * HOUR, length: 4 * HOUR };

// Monday is the busiest day of a hall's week; a 调休 Saturday is a quiet one.
const WEEKDAY_FACTOR = [0.8, 1.18, 1.04, 1.0, 0.98, 0.9, 0.8];
// After the Spring Festival and at year end people catch up; summer is slower.
const MONTH_FACTOR = [1.02, 1.12, 1.1, 1.0, 0.98, 1.0, 0.95, 0.93, 1.0, 0.97, 1.0, 1.08];

export interface TDayPlan {
  date: string;
  count: number;
}

/** How many cases each 2023 working day gets: the scaled total exactly, shaped by week and season. */
export function planDays(scale: number, exceptions: TCalendarExceptions = exceptionsFromSchedules()): TDayPlan[] {
  const random = new SeededRandom(0xda75_2023);
  const all = datesBetween(`${DEMO_YEAR}-01-01`, `${DEMO_YEAR}-12-31`);
  const working = all.filter((date) => isWorkingDay(date, exceptions));
  const gapAfter = (date: string): number => {
    let gap = 0;
    for (let day = new Date(`${date}T00:00:00Z`).getTime() + DAY; ; day += DAY) {
      if (isWorkingDay(new Date(day).toISOString().slice(0, 10), exceptions)) return gap;
      gap++;
    }
  };
  const weights = working.map((date, index) => {
    const when = new Date(`${date}T00:00:00Z`);
    let weight = (WEEKDAY_FACTOR[when.getUTCDay()] ?? 1) * (MONTH_FACTOR[when.getUTCMonth()] ?? 1);
    // The two days before a long holiday (three days or more off) and the first day after it.
    if (gapAfter(date) >= 3) weight *= 1.25;
    else if (index + 1 < working.length && gapAfter(working[index + 1] ?? date) >= 3) weight *= 1.1;
    const previous = working[index - 1];
    if (previous !== undefined && gapAfter(previous) >= 3) weight *= 1.3;
    return weight * (0.94 + random.next() * 0.12);
  });
  const total = Math.round(DEMO_CASES * scale);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const exact = weights.map((weight) => (weight / weightSum) * total);
  const counts = exact.map((value) => Math.floor(value));
  let left = total - counts.reduce((sum, count) => sum + count, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left-- <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return working.map((date, index) => ({ date, count: counts[index] ?? 0 }));
}

const SURNAMES: readonly (readonly [string, number])[] = [
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方俞邵应楼",
].map((surname, rank) => [surname, 1 / (rank + 8)] as const);
const COMPANY_PLACES: readonly (readonly [string, number])[] = [
  ["示范县", 6],
  ["杭州", 2.5],
  ["浙江", 1.5],
];
const TRADE_NAMES = [..."恒泰鑫源宏达华美绿野丰禾润泽瑞丰金鼎明辉天成永盛兴旺嘉和博远众诚安顺新锐卓越德信"];
const INDUSTRIES = [
  "建材",
  "科技",
  "农业开发",
  "商贸",
  "餐饮管理",
  "建筑工程",
  "物流",
  "电子商务",
  "机械制造",
  "食品",
  "文化传媒",
  "房地产开发",
  "医药",
  "纺织",
  "环保科技",
  "家居",
];

function applicantName(random: SeededRandom, type: TApplicantType): string {
  if (type === "person") {
    const surname = random.weighted(SURNAMES);
    return maskApplicantName(type, random.chance(0.3) ? `${surname}某` : `${surname}某某`);
  }
  const trade = `${random.pick(TRADE_NAMES)}${random.pick(TRADE_NAMES)}`;
  const kind = random.weighted([
    ["company", 85],
    ["cooperative", 8],
    ["farm", 4],
    ["joint-stock", 3],
  ] as const);
  const name =
    kind === "cooperative"
      ? `示范县${trade}农业专业合作社`
      : kind === "farm"
        ? `示范县${trade}家庭农场`
        : `${random.weighted(COMPANY_PLACES)}${trade}${random.pick(INDUSTRIES)}${kind === "joint-stock" ? "股份" : ""}有限公司`;
  return maskApplicantName(type, name);
}

/** A UUID v4-shaped key derived from the case number: unique, and the same on every run. */
export function demoIdempotencyKey(caseNo: string): string {
  const hex = createHash("sha256").update(`demo-rating:${caseNo}:1`).digest("hex");
  const variant = ((parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// Where the ratings came from. Every window has an evaluator and staff press 请评价 when a case is
// done, so most on-site ratings are taps on the window's tablet (4); the rest come later by phone
// (2), PC (1), the receipt's QR code (3) or SMS (7), and a few from the hall's self-service
// terminals (5). A case handled away from the hall is never rated in it.
const WINDOW_CASE_CHANNELS = new WeightedTable<TChannel>([
  [4, 68],
  [5, 4],
  [2, 15],
  [1, 10],
  [3, 2.5],
  [7, 0.5],
]);
const REMOTE_CASE_CHANNELS = new WeightedTable<TChannel>([
  [2, 57],
  [1, 42.5],
  [7, 0.35],
  [3, 0.15],
]);
const KIOSK = 4;
const HALL_CHANNELS = new Set([KIOSK, 5]);
const WINDOW_RATING_SHARE = 0.2405;
const REMOTE_RATING_SHARE = 0.145;
const LATE_SHARE = 0.015;
/** 请评价 pressed for a window case that was not rated on the tablet: the citizen walked away. */
const TIMED_OUT_PROMPT_SHARE = 0.05;
/** A tablet rating with no prompt open (the evaluator's standing screen, or a prompt lost). */
const NO_PROMPT_SHARE = 0.002;
/** Window-days on which someone taps the evaluator through for the day's cases after hours. */
const TAP_THROUGH_DAY_SHARE = 0.025;
const PROMPT_TIMEOUT_MS = 60_000;

const REASON_WEIGHTS: Readonly<Record<string, number>> = {
  110: 6,
  109: 5,
  108: 4,
  115: 6,
  113: 2,
  114: 1.5,
  111: 0.5,
  112: 0.5,
  214: 6,
  209: 6,
  213: 4,
  210: 2.5,
  207: 1,
  208: 1,
  211: 1,
  212: 1.5,
  314: 4,
  309: 2,
  307: 2,
  310: 1.5,
  311: 1.5,
  308: 1,
  312: 0.5,
  313: 1,
  413: 5,
  411: 3,
  408: 2,
  412: 1.5,
  410: 1.5,
  406: 1,
  407: 1,
  409: 1,
  517: 8,
  510: 6,
  516: 2,
  512: 2,
  511: 1.5,
  513: 1.5,
  514: 1.5,
  515: 1,
};
const LATE_REASONS = new Set(["209", "110"]);
const ONLINE_REASONS = new Set(["211", "112", "513", "514"]);

const BAD_COMMENTS: Readonly<Record<1 | 2, readonly string[]>> = {
  1: [
    "说好五个工作日办结，拖了两个多星期",
    "要求提供办事指南里没有的证明，来回跑了三趟",
    "工作人员态度很差，问两句就不耐烦",
    "几个窗口互相推，最后也没办成",
    "网上说材料齐全就能办，到现场又要补材料",
  ],
  2: [
    "排队等了一个多小时",
    "窗口人员业务不熟，问了好几个人",
    "材料清单前后说法不一致",
    "工作人员说话生硬",
    "预约了还要重新取号排队",
    "超过承诺时间才办好",
  ],
};
const GOOD_COMMENTS: Readonly<Record<3 | 4 | 5, readonly string[]>> = {
  5: [
    "办事效率高，点赞！",
    "工作人员很耐心，一次就办好了",
    "服务热情，讲解清楚",
    "比想象中快多了",
    "帮我把材料都核对了一遍，谢谢",
  ],
  4: ["挺快的，就是等号有点久", "服务不错", "流程清楚"],
  3: ["还行，希望能再快一点", "停车不太方便", "材料要求有点多"],
};

function reasonTable(level: number, late: boolean, remote: boolean): WeightedTable<string> {
  return new WeightedTable(
    NATIONAL_REASONS.filter((reason) => reason.level === level).map((reason) => {
      let weight = REASON_WEIGHTS[reason.code] ?? 1;
      if (late && LATE_REASONS.has(reason.code)) weight *= 8;
      if (remote && ONLINE_REASONS.has(reason.code)) weight *= 3;
      return [reason.code, weight] as const;
    }),
  );
}

function levelTable(badFactor: number, late: boolean): WeightedTable<TLevel> {
  if (late) {
    return new WeightedTable<TLevel>([
      [5, 55],
      [4, 15],
      [3, 10],
      [2, 12],
      [1, 8],
    ]);
  }
  return new WeightedTable<TLevel>([
    [5, 93],
    [4, 5],
    [3, 1.5],
    [2, 0.23 * badFactor],
    [1, 0.155 * badFactor],
  ]);
}

/** Milliseconds after hall-local midnight at which something happens during opening hours. */
function openingHoursOffset(random: SeededRandom): number {
  const session = random.chance(0.56) ? MORNING : AFTERNOON;
  // The mean of two uniforms: a queue that builds up and then eases off.
  const within = ((random.next() + random.next()) / 2) * session.length;
  return session.start + Math.floor(within / 1000) * 1000;
}

export interface TSimulationOptions {
  /** the case numbers' prefix: the hall's region code (a township centre's: its 12-digit area code) */
  regionCode: string;
  scale: number;
  /** another hall's own stream of cases (a township centre's); the county centre's by default */
  seed?: number;
}

/** The simulated 2023, one working day at a time, in order of receipt. Pure: the same on every run. */
export function simulateYear(catalog: TDemoCatalog, options: TSimulationOptions): Generator<TSimDay> {
  return simulateDays(catalog, {
    regionCode: options.regionCode,
    days: planDays(options.scale),
    seed: 0xca5e_2023 ^ (options.seed ?? 0),
  });
}

/**
 * The hall's recent days, from the first of last month up to `now`, shaped like 2023: what 今日,
 * 本月 and 上月, the live overview and work orders with live deadlines show on a first start.
 * Nothing happens after `now`: later receipts are left out, a case not finished by then is still
 * being handled, and a rating or prompt not given by then is not there.
 */
export function simulateRecentDays(
  catalog: TDemoCatalog,
  options: TSimulationOptions & { now: Date },
): Generator<TSimDay> {
  const days = planRecentDays(options.now, options.scale);
  const seed = Number((days[0]?.date ?? "0").replaceAll("-", "")) ^ 0x11fe ^ (options.seed ?? 0);
  return simulateDays(catalog, { regionCode: options.regionCode, days, seed, until: options.now });
}

/** The first day of the recent days: the first of last month, in the hall's time zone. */
export function recentPeriodStart(now: Date): string {
  const today = hallDate(now);
  const month = Number(today.slice(5, 7));
  const year = Number(today.slice(0, 4));
  return month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, "0")}-01`;
}

/** Working days from the first of the month before `now`'s up to `now`'s date, at 2023's daily mean. */
export function planRecentDays(
  now: Date,
  scale: number,
  exceptions: TCalendarExceptions = exceptionsFromSchedules(),
): TDayPlan[] {
  const today = hallDate(now);
  const first = recentPeriodStart(now);
  const random = new SeededRandom(Number(first.replaceAll("-", "")));
  const dailyMean = DEMO_CASES / countWorkingDays(`${DEMO_YEAR}-01-01`, `${DEMO_YEAR}-12-31`, exceptions);
  return datesBetween(first, today)
    .filter((date) => isWorkingDay(date, exceptions))
    .map((date) => {
      const when = new Date(`${date}T00:00:00Z`);
      const weight =
        (WEEKDAY_FACTOR[when.getUTCDay()] ?? 1) *
        (MONTH_FACTOR[when.getUTCMonth()] ?? 1) *
        (0.94 + random.next() * 0.12);
      return { date, count: Math.round(dailyMean * weight * scale) };
    });
}

interface TDaysOptions {
  regionCode: string;
  days: readonly TDayPlan[];
  seed: number;
  /** the moment the simulation stops; the whole of every day when absent */
  until?: Date;
}

/** A prompt from 请评价 a few seconds after the case is done, answered or timed out. */
function promptFor(
  random: SeededRandom,
  completedAt: Date,
  rated: boolean,
): { prompt: TSimPrompt; ratedAt: Date | null } {
  const createdAt = new Date(completedAt.getTime() + random.int(5, 40) * 1000);
  if (!rated) {
    return {
      prompt: { createdAt, status: "timed_out", closedAt: new Date(createdAt.getTime() + PROMPT_TIMEOUT_MS) },
      ratedAt: null,
    };
  }
  // Reading the five faces takes a few seconds; now and then someone taps at once.
  const reactionMs = random.chance(0.004) ? random.int(350, 950) : random.int(3_000, 40_000);
  const ratedAt = new Date(createdAt.getTime() + reactionMs);
  return { prompt: { createdAt, status: "rated", closedAt: ratedAt }, ratedAt };
}

/**
 * A tap-through: after hours someone pushes the day's unrated-looking cases to the evaluator and
 * taps 非常满意 on each within seconds — the pattern the burst, fast-tap and identical-run rules
 * exist to catch. The ratings' levels stay as simulated (all 5), only their moments move.
 */
function tapThrough(random: SeededRandom, cases: readonly TSimCase[], date: string): void {
  const closing = hallDayBounds(date).start.getTime() + 17 * HOUR + 22 * MINUTE;
  const byWindow = new Map<number, TSimCase[]>();
  for (const sim of cases) {
    if (sim.windowIndex === null || sim.rating?.channel !== KIOSK || sim.rating.level !== 5 || !sim.prompt) continue;
    if (sim.completedAt === null || sim.completedAt.getTime() >= closing) continue;
    byWindow.set(sim.windowIndex, [...(byWindow.get(sim.windowIndex) ?? []), sim]);
  }
  const candidates = [...byWindow.values()].filter((list) => list.length >= 8);
  if (candidates.length === 0) return;
  const chosen = random.pick(candidates).slice(-11);
  chosen.forEach((sim, index) => {
    if (!sim.rating || !sim.prompt) return;
    const createdAt = new Date(closing + index * 9_000);
    const ratedAt = new Date(createdAt.getTime() + random.int(400, 900));
    sim.prompt = { createdAt, status: "rated", closedAt: ratedAt };
    sim.rating.ratedAt = ratedAt;
  });
}

/**
 * The signals the platform's misuse rules give each rating of a day (services/signals.ts judges
 * live ratings the same way): by the ratings of its window up to and including itself.
 */
function judgeDay(cases: readonly TSimCase[]): void {
  const byWindow = new Map<number, { rating: TSimRating; prompt: TSimPrompt | null }[]>();
  for (const sim of cases) {
    if (sim.windowIndex === null || !sim.rating) continue;
    byWindow.set(sim.windowIndex, [
      ...(byWindow.get(sim.windowIndex) ?? []),
      { rating: sim.rating, prompt: sim.prompt },
    ]);
  }
  for (const list of byWindow.values()) {
    list.sort((a, b) => a.rating.ratedAt.getTime() - b.rating.ratedAt.getTime());
    list.forEach(({ rating, prompt }, index) => {
      const at = rating.ratedAt.getTime();
      const before = list.slice(0, index + 1).map((entry) => entry.rating);
      if (rating.channel === KIOSK) {
        if (prompt === null) rating.signals.push({ kind: "no_prompt", detail: "" });
        else if (at - prompt.createdAt.getTime() < SIGNAL_RULES.fastTapMs) {
          rating.signals.push({ kind: "fast_tap", detail: `${at - prompt.createdAt.getTime()} ms` });
        }
        const burst = before.filter(
          (other) => other.channel === KIOSK && other.ratedAt.getTime() >= at - SIGNAL_RULES.burstWindowMs,
        );
        if (burst.length > SIGNAL_RULES.burstCount)
          rating.signals.push({ kind: "burst", detail: `超过 ${SIGNAL_RULES.burstCount} 条/分钟` });
      }
      const run = before
        .filter((other) => other.ratedAt.getTime() >= at - SIGNAL_RULES.identicalRunWindowMs)
        .slice(-SIGNAL_RULES.identicalRunLength);
      if (run.length === SIGNAL_RULES.identicalRunLength && run.every((other) => other.level === rating.level)) {
        rating.signals.push({ kind: "identical_run", detail: `连续 ${run.length} 条 ${rating.level} 级` });
      }
    });
  }
}

/** Simulated days, one working day at a time, in order of receipt. Pure: the same on every run. */
function* simulateDays(catalog: TDemoCatalog, options: TDaysOptions): Generator<TSimDay> {
  const exceptions = exceptionsFromSchedules();
  const random = new SeededRandom(options.seed);
  // Prompts and signals draw from their own stream, so the cases and their levels stay the same
  // whatever the evaluator's share.
  const promptRandom = new SeededRandom(options.seed ^ 0x9e37_79b9);
  const until = options.until?.getTime() ?? Number.POSITIVE_INFINITY;
  const itemTable = new WeightedTable(catalog.items.map((item, index) => [index, item.volume] as const));
  const staffTables = catalog.windows.map(
    (window) => new WeightedTable(window.staff.map((index) => [index, catalog.staff[index]?.load ?? 1] as const)),
  );
  const levelTables = new Map<string, WeightedTable<TLevel>>();
  const reasonTables = new Map<string, WeightedTable<string>>();
  const workingDayCache = new Map<string, string>();
  const workingDaysAfter = (date: string, days: number): string => {
    const key = `${date}+${days}`;
    let result = workingDayCache.get(key);
    if (result === undefined) {
      result = addWorkingDays(date, days, exceptions);
      workingDayCache.set(key, result);
    }
    return result;
  };
  const levels = (badFactor: number, late: boolean): WeightedTable<TLevel> => {
    const key = late ? "late" : String(badFactor);
    let table = levelTables.get(key);
    if (!table) levelTables.set(key, (table = levelTable(badFactor, late)));
    return table;
  };
  const reasons = (level: number, late: boolean, remote: boolean): WeightedTable<string> => {
    const key = `${level}:${late}:${remote}`;
    let table = reasonTables.get(key);
    if (!table) reasonTables.set(key, (table = reasonTable(level, late, remote)));
    return table;
  };

  for (const { date, count } of options.days) {
    const dayStart = hallDayBounds(date).start.getTime();
    const offsets: number[] = [];
    for (let i = 0; i < count; i++) offsets.push(openingHoursOffset(random));
    offsets.sort((a, b) => a - b);
    const prefix = `${options.regionCode}${date.replaceAll("-", "")}`;
    const cases: TSimCase[] = [];
    offsets.forEach((offset, index) => {
      const itemIndex = itemTable.pick(random);
      const item = catalog.items[itemIndex];
      const department = item ? catalog.departments[item.departmentIndex] : undefined;
      if (!item || !department) throw new Error(`item ${itemIndex} is missing from the catalogue`);
      const handlingChannel = random.chance(0.85)
        ? "window"
        : random.weighted<THandlingChannel>([
            ["online", 62],
            ["self_service", 24],
            ["post", 14],
          ]);
      let windowIndex: number | null = null;
      let staffIndex: number | null = null;
      if (handlingChannel === "window") {
        windowIndex = random.pick(item.windows);
        staffIndex = staffTables[windowIndex]?.pick(random) ?? null;
      }
      const applicantType: TApplicantType = random.chance(department.legalShare) ? "legal" : "person";
      const applicantNameMasked = applicantName(random, applicantType);
      const receivedAt = new Date(dayStart + offset);

      let completedAt: Date;
      let dueDate: string | null = null;
      let late = false;
      if (item.caseType === "instant") {
        completedAt = new Date(receivedAt.getTime() + Math.round((5 + 35 * random.next() ** 1.4) * 60) * 1000);
      } else {
        dueDate = workingDaysAfter(date, item.promisedDays);
        late = random.chance(LATE_SHARE);
        // Most 承诺件 finish well before the promise; a late one misses it by one to three days.
        const days = late
          ? item.promisedDays + random.int(1, 3)
          : 1 + Math.floor(item.promisedDays * random.next() ** 1.6);
        const completedOn = workingDaysAfter(date, days);
        completedAt = new Date(hallDayBounds(completedOn).start.getTime() + openingHoursOffset(random));
      }
      const caseNo = `${prefix}${String(index + 1).padStart(5, "0")}`;

      let rating: TSimRating | null = null;
      let prompt: TSimPrompt | null = null;
      const remote = windowIndex === null;
      if (random.chance(remote ? REMOTE_RATING_SHARE : WINDOW_RATING_SHARE)) {
        const channel = (remote ? REMOTE_CASE_CHANNELS : WINDOW_CASE_CHANNELS).pick(random);
        const badFactor = staffIndex === null ? 1 : (catalog.staff[staffIndex]?.badFactor ?? 1);
        const level = levels(badFactor, late).pick(random);
        const chosen = new Set<string>();
        let comment = "";
        if (level <= 2) {
          const wanted = random.chance(0.35) ? 2 : 1;
          const table = reasons(level, late, remote);
          while (chosen.size < wanted) chosen.add(table.pick(random));
          if (random.chance(0.55)) comment = random.pick(BAD_COMMENTS[level as 1 | 2]);
        } else {
          if (random.chance(0.28)) chosen.add(reasons(level, false, remote).pick(random));
          if (random.chance(level === 3 ? 0.1 : 0.035)) comment = random.pick(GOOD_COMMENTS[level as 3 | 4 | 5]);
        }
        let delay: number;
        if (HALL_CHANNELS.has(channel)) delay = (60 + random.int(0, 120)) * 1000;
        else if (channel === 3) delay = random.int(1, 30) * MINUTE;
        else if (channel === 7) delay = random.int(10, 24 * 60) * MINUTE;
        else delay = Math.round((5 * MINUTE + (7 * DAY - 6 * MINUTE) * random.next() ** 2.2) / 1000) * 1000;
        let ratedAt = new Date(completedAt.getTime() + delay);
        if (channel === KIOSK && !promptRandom.chance(NO_PROMPT_SHARE)) {
          const answered = promptFor(promptRandom, completedAt, true);
          prompt = answered.prompt;
          ratedAt = answered.ratedAt ?? ratedAt;
        }
        rating = {
          level,
          channel,
          comment,
          reasons: [...chosen].sort(),
          ratedAt,
          idempotencyKey: demoIdempotencyKey(caseNo),
          signals: [],
        };
      }
      if (!remote && prompt === null && rating?.channel !== KIOSK && promptRandom.chance(TIMED_OUT_PROMPT_SHARE)) {
        prompt = promptFor(promptRandom, completedAt, false).prompt;
      }
      cases.push({
        caseNo,
        itemIndex,
        windowIndex,
        staffIndex,
        handlingChannel,
        applicantType,
        applicantNameMasked,
        receivedAt,
        completedAt,
        dueDate,
        late,
        prompt,
        rating,
      });
    });
    if (promptRandom.chance(TAP_THROUGH_DAY_SHARE)) tapThrough(promptRandom, cases, date);
    const present = cases.filter((sim) => sim.receivedAt.getTime() <= until).map((sim) => cutAt(sim, until));
    judgeDay(present);
    yield { date, cases: present };
  }
}

/** A case as it stands at `until`: what had not happened yet is not there. */
function cutAt(sim: TSimCase, until: number): TSimCase {
  if (until === Number.POSITIVE_INFINITY) return sim;
  if (sim.completedAt === null || sim.completedAt.getTime() > until)
    return { ...sim, completedAt: null, prompt: null, rating: null };
  const rating = sim.rating && sim.rating.ratedAt.getTime() <= until ? sim.rating : null;
  const prompt = sim.prompt && sim.prompt.closedAt.getTime() <= until ? sim.prompt : null;
  // A tablet rating is given on its prompt: without the prompt (still open at `until`) it has not happened.
  if (rating?.channel === KIOSK && sim.prompt && !prompt) return { ...sim, prompt: null, rating: null };
  return { ...sim, rating, prompt };
}
