import { z } from "zod";

import { RANKING_COMPONENTS, ROLE_KEYS, ZLevel } from "@hcp/domain";

/**
 * Output shapes. They validate what leaves the server and generate the OpenAPI document, so the
 * REST contract business systems see is the one procedures actually keep. Times are ISO strings.
 */

export const ZSessionUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLE_KEYS),
  staffId: z.number().nullable(),
  departmentId: z.number().nullable(),
  mustChangePassword: z.boolean(),
  scope: z.enum(["hall", "county"]),
  hallId: z.number(),
  county: z.object({ id: z.number(), areaCode: z.string(), name: z.string() }).nullable(),
});

export const ZWindowStaffView = z.object({
  staffId: z.number(),
  name: z.string(),
  badgeNo: z.string(),
  photoUrl: z.string(),
  departmentName: z.string(),
  /** 持证上岗: the 亮牌 card marks an expired 上岗证 */
  certificateExpired: z.boolean(),
});

export const ZWindowView = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(["comprehensive", "special"]),
  staff: ZWindowStaffView.nullable(),
});

export const ZCaseView = z.object({
  id: z.number(),
  caseNo: z.string(),
  status: z.enum(["received", "completed"]),
  receivedAt: z.string(),
  completedAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** the due date was counted across a year without a confirmed holiday schedule (暂按周末计算) */
  dueDateProvisional: z.boolean(),
});

export const ZCaseListRow = z.object({
  id: z.number(),
  caseNo: z.string(),
  itemName: z.string(),
  applicantNameMasked: z.string(),
  applicantContactMasked: z.string(),
  applicantIdNoMasked: z.string(),
  status: z.enum(["received", "completed"]),
  receivedAt: z.string(),
  completedAt: z.string().nullable(),
  /** a 承诺件's due date; null for a 即办件 */
  dueDate: z.string().nullable(),
  /** the due date was counted across a year without a confirmed holiday schedule (暂按周末计算) */
  dueDateProvisional: z.boolean(),
  rated: z.boolean(),
  /** the latest evaluator prompt: 已推送, 评价中, 已评价, 已超时, 已撤回 */
  prompt: z
    .object({
      id: z.number(),
      state: z.enum(["pushed", "showing", "rated", "timed_out", "withdrawn"]),
      createdAt: z.string(),
    })
    .nullable(),
});

export const ZRatingResult = z.object({
  ratingId: z.number(),
  caseNo: z.string(),
  level: ZLevel,
  reasonCodes: z.array(z.string()),
  ratedAt: z.string(),
  replayed: z.boolean(),
});

export const ZReasonCode = z.object({ code: z.string(), level: z.number(), label: z.string() });

export const ZRateView = z.object({ num: z.number(), den: z.number(), text: z.string() });

const ZLevelCounts = z.object({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number(), 5: z.number() });

export const ZMetricsView = z.object({
  casesCompleted: z.number(),
  casesRated: z.number(),
  ratings: z.number(),
  validRatings: z.number(),
  goodRatings: z.number(),
  badRatings: z.number(),
  byLevel: ZLevelCounts,
  ratedRate: ZRateView,
  goodRate: ZRateView,
  activeGoodRate: ZRateView,
  badRate: ZRateView,
  score: ZRateView,
  unratedRate: ZRateView,
  onTimeCompletionRate: ZRateView,
  meanHandlingHours: ZRateView,
  promisedCompleted: z.number(),
  casesClosed: z.number(),
  casesClosedUnrated: z.number(),
});

export const ZPeriodOverview = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  definitionsVersion: z.string(),
  workingDays: z.number(),
  /** counted on a year without a confirmed holiday schedule (暂按周末计算) */
  workingDaysProvisional: z.boolean(),
  /** 按时办结率 and 按时整改率 of the period counted across a year without a confirmed holiday schedule (暂按周末计算) */
  deadlinesProvisional: z.object({ onTimeCompletion: z.boolean(), workOrders: z.boolean() }),
  calendarDays: z.number(),
  totals: ZMetricsView,
  dailyAverage: z.object({ perWorkingDay: z.string(), perCalendarDay: z.string() }),
  windows: z.array(
    z.object({
      window: ZWindowView.omit({ staff: true }),
      staffName: z.string().nullable(),
      metrics: ZMetricsView,
    }),
  ),
  offWindow: ZMetricsView,
});

export const ZDepartmentPerformance = z.object({
  id: z.number(),
  name: z.string(),
  itemCount: z.number(),
  metrics: ZMetricsView,
});

export const ZDepartmentRow = z.object({ id: z.number(), code: z.string(), name: z.string(), itemCount: z.number() });

export const ZServiceItemRow = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  caseType: z.enum(["instant", "promised"]),
  promisedDays: z.number(),
  departmentId: z.number(),
  departmentName: z.string(),
});

export const ZPromptView = z.object({
  promptId: z.number(),
  windowId: z.number(),
  caseId: z.number(),
  caseNo: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  createdAt: z.string(),
});

/** One component of a composite score: its value, the hall's weight, the weight after re-spreading, its points. */
export const ZScorePart = z.object({
  key: z.enum(RANKING_COMPONENTS),
  label: z.string(),
  basis: z.enum(["measured", "full", "missing"]),
  value: z.string(),
  weight: z.number(),
  effectiveWeight: z.string(),
  points: z.string(),
});

/** One entry of a ranking by the fair method (a window, or a hall of the county) with its figures. */
export const ZRankedFigures = z.object({
  id: z.number(),
  rank: z.number().nullable(),
  score: z.string(),
  scoreValue: z.number().nullable(),
  satisfactionLowerBound: z.string(),
  eligible: z.boolean(),
  metrics: ZMetricsView,
  badReviews: z.number(),
  workOrderOnTimeRate: ZRateView,
  red: z.boolean(),
  black: z.boolean(),
  lastTwoMonthsRunning: z.boolean(),
  breakdown: z.array(ZScorePart),
  pulledDownBy: z.string().nullable(),
});

/** The weights and minimum sample a ranking used. */
export const ZRankingSettingsView = z.object({
  weights: z.object({
    satisfaction: z.number(),
    ratedRate: z.number(),
    onTimeCompletion: z.number(),
    workOrders: z.number(),
  }),
  minSample: z.number(),
});

/** Whom 红黑榜 and 末位 were computed over. */
export const ZRankingPopulation = z.object({
  /** "county": the halls of a county, ranked in the county report */
  scope: z.enum(["hall", "department", "county"]),
  name: z.string(),
  ranked: z.number(),
});

/** A CSV or XLSX file the console uploads for an import (办件导入, 事项目录导入). */
export const ZUploadedFile = z.object({
  fileName: z
    .string({ error: "请选择要导入的文件" })
    .trim()
    .min(1, { error: "请选择要导入的文件" })
    .max(255, { error: "文件名不能超过 255 个字符" }),
  content: z.string({ error: "文件内容为空" }).min(1, { error: "文件内容为空" }),
  encoding: z.enum(["base64", "text"], { error: "encoding 应为 base64 或 text" }),
});
