import { listAnonymousComments, listRatingsInScope, type TRatingListRow } from "@hcp/db";
import {
  addCalendarDays,
  CHANNELS,
  datesBetween,
  emptyTally,
  formatPercent,
  hallDate,
  hallDayBounds,
  LEVEL_LABELS,
  ratingMetrics,
  sumTallies,
  WORK_ORDER_STATES,
  type TLevel,
  type TPeriod,
  type TRatingTally,
} from "@hcp/domain";

import { appError } from "../../errors";
import { onTimeCompletionProvisional as onTimeCompletionCountedProvisionally } from "../calendar";
import {
  departmentScope,
  hallTallies,
  metricsView,
  type TMetricsView,
  type TRateView,
  type TUserContext,
} from "../overview";
import { checkPeriod } from "./ranking";

interface TDayPoint {
  date: string;
  casesCompleted: number;
  validRatings: number;
  goodRatings: number;
  badRatings: number;
  goodRate: TRateView;
}

interface TWeekPoint {
  /** the Monday the week starts on (clipped to the period) */
  from: string;
  to: string;
  validRatings: number;
  goodRate: TRateView;
}

export interface TTrend {
  days: TDayPoint[];
  weeks: TWeekPoint[];
}

function goodRateOf(tally: TRatingTally): TRateView {
  const metrics = ratingMetrics(tally);
  return { ...metrics.goodRate, text: formatPercent(metrics.goodRate) };
}

/** ISO weekday, Monday = 1. */
function weekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Daily volume and ratings for every day of the period, and 好评率 by week (Monday to Sunday). */
export async function trend(
  ctx: TUserContext,
  period: TPeriod,
  scope: { windowId?: number; staffId?: number } = {},
): Promise<TTrend> {
  checkPeriod(ctx, period);
  const tallies = await hallTallies(ctx, period, "day", scope);
  const days: TDayPoint[] = [];
  const weeks: TWeekPoint[] = [];
  let week: { from: string; to: string; tallies: TRatingTally[] } | null = null;
  const closeWeek = () => {
    if (!week) return;
    const total = sumTallies(week.tallies);
    weeks.push({
      from: week.from,
      to: week.to,
      validRatings: ratingMetrics(total).validRatings,
      goodRate: goodRateOf(total),
    });
  };
  for (const date of datesBetween(period.from, period.to)) {
    const tally = tallies.get(date) ?? emptyTally();
    const metrics = ratingMetrics(tally);
    days.push({
      date,
      casesCompleted: tally.casesCompleted,
      validRatings: metrics.validRatings,
      goodRatings: metrics.goodRatings,
      badRatings: metrics.badRatings,
      goodRate: goodRateOf(tally),
    });
    if (!week || weekday(date) === 1) {
      closeWeek();
      week = { from: date, to: date, tallies: [] };
    }
    week.to = date;
    week.tallies.push(tally);
  }
  closeWeek();
  return { days, weeks };
}

export interface TRatingListItem {
  ratingId: number;
  caseId: number;
  caseNo: string;
  followUp: boolean;
  level: TLevel;
  levelLabel: string;
  channelLabel: string;
  isDefault: boolean;
  comment: string;
  reasonCodes: string[];
  ratedAt: string;
  itemName: string;
  windowName: string | null;
  staffName: string | null;
  excluded: boolean;
  workOrderId: number | null;
  workOrderState: string | null;
}

function listItem(row: TRatingListRow): TRatingListItem {
  return {
    ratingId: row.ratingId,
    caseId: row.caseId,
    caseNo: row.caseNo,
    followUp: row.seq === 2,
    level: row.level,
    levelLabel: LEVEL_LABELS[row.level] ?? String(row.level),
    channelLabel: CHANNELS[row.channel] ?? String(row.channel),
    isDefault: row.isDefault,
    comment: row.comment,
    reasonCodes: row.reasonCodes === "" ? [] : row.reasonCodes.split(","),
    ratedAt: row.ratedAt.toISOString(),
    itemName: row.itemName,
    windowName: row.windowName,
    staffName: row.staffName,
    excluded: row.excluded,
    workOrderId: row.workOrderId,
    workOrderState: row.workOrderState ? (WORK_ORDER_STATES[row.workOrderState] ?? row.workOrderState) : null,
  };
}

export interface TRatingListFilter {
  windowId?: number;
  staffId?: number;
  serviceItemId?: number;
  level?: number;
  badOnly?: boolean;
  page: number;
  pageSize: number;
}

/** The individual ratings behind a figure: the last step of a drill-down, for managers only. */
export async function ratingList(
  ctx: TUserContext,
  period: TPeriod,
  filter: TRatingListFilter,
): Promise<{ total: number; page: number; pageSize: number; rows: TRatingListItem[] }> {
  checkPeriod(ctx, period);
  const bounds = hallDayBounds(period.from, period.to);
  const result = await listRatingsInScope(
    ctx.db,
    {
      hallId: ctx.user.hall_id,
      start: bounds.start,
      end: bounds.end,
      departmentId: departmentScope(ctx),
      windowId: filter.windowId,
      staffId: filter.staffId,
      serviceItemId: filter.serviceItemId,
      level: filter.level,
      badOnly: filter.badOnly,
    },
    { offset: (filter.page - 1) * filter.pageSize, limit: filter.pageSize },
  );
  return { total: result.total, page: filter.page, pageSize: filter.pageSize, rows: result.rows.map(listItem) };
}

export interface TMyPerformance {
  period: TPeriod;
  metrics: TMetricsView;
  trend: TTrend;
  /** comments up to yesterday, with level and date only: staff never see who rated them, nor a rating live */
  comments: { date: string; levelLabel: string; comment: string }[];
  /** 按时办结率 judged against due dates counted on a year without a confirmed schedule (暂按周末计算) */
  onTimeCompletionProvisional: boolean;
}

/** A window staff member's own results. */
export async function myPerformance(ctx: TUserContext, period: TPeriod): Promise<TMyPerformance> {
  const staffId = ctx.user.staff_id;
  if (staffId === null) throw appError("STAFF_ONLY", "FORBIDDEN");
  checkPeriod(ctx, period);
  // Up to yesterday: today's figures would let a staff member watch a rating arrive.
  const yesterday = addCalendarDays(hallDate(ctx.now()), -1);
  const shown = { from: period.from, to: period.to < yesterday ? period.to : yesterday };
  if (shown.to < shown.from)
    return {
      period: shown,
      metrics: metricsView(emptyTally()),
      trend: { days: [], weeks: [] },
      comments: [],
      onTimeCompletionProvisional: false,
    };
  const bounds = hallDayBounds(shown.from, shown.to);
  const [tallies, staffTrend, onTimeCompletionProvisional] = await Promise.all([
    hallTallies(ctx, shown, "hall", { staffId }),
    trend(ctx, shown, { staffId }),
    onTimeCompletionCountedProvisionally(ctx.db, { hallId: ctx.user.hall_id, ...bounds, staffId }),
  ]);
  const comments = await listAnonymousComments(ctx.db, { staffId, start: bounds.start, end: bounds.end }, 100);
  return {
    period: shown,
    metrics: metricsView(tallies.get(null) ?? emptyTally()),
    trend: staffTrend,
    comments: comments.map((row) => ({
      date: hallDate(row.ratedAt),
      levelLabel: LEVEL_LABELS[row.level] ?? String(row.level),
      comment: row.comment,
    })),
    onTimeCompletionProvisional,
  };
}
