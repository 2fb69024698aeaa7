import { countPrompts, countReasonCodes, listDepartments, listItemsByIds, listWindowsWithStaff } from "@hcp/db";
import {
  CHANNEL_CODES,
  CHANNELS,
  emptyTally,
  formatPercent,
  hallDayBounds,
  LEVEL_LABELS,
  ratingMetrics,
  sumTallies,
  type TPeriod,
} from "@hcp/domain";

import { onTimeCompletionProvisional, provisionalCalendar } from "../calendar";
import {
  departmentScope,
  hallTallies,
  metricsView,
  type TMetricsView,
  type TRateView,
  type TUserContext,
} from "../overview";
import { checkPeriod, type TNamedMetrics } from "./ranking";

/**
 * The hall's figures cut by service item, channel, reason code, day and prompt coverage, for the
 * breakdown screens. Everything but reasons and prompts reads the rollups.
 */
export interface TItemScope {
  windowId?: number;
  staffId?: number;
  departmentId?: number;
}

/** Service items with their figures, busiest first; within a window or staff member when given. */
export async function itemPerformance(
  ctx: TUserContext,
  period: TPeriod,
  scope: TItemScope = {},
  limit = 200,
): Promise<TNamedMetrics[]> {
  checkPeriod(ctx, period);
  const tallies = await hallTallies(ctx, period, "service_item", scope);
  const ids = [...tallies.keys()].filter((key): key is number => typeof key === "number");
  const items = new Map((await listItemsByIds(ctx.db, ctx.user.hall_id, ids)).map((item) => [item.id, item]));
  const rows: TNamedMetrics[] = [];
  for (const [key, tally] of tallies) {
    const item = typeof key === "number" ? items.get(key) : undefined;
    if (!item) continue;
    rows.push({
      id: item.id,
      code: item.code,
      name: item.name,
      group: item.departmentName,
      metrics: metricsView(tally),
    });
  }
  rows.sort((a, b) => b.metrics.casesCompleted - a.metrics.casesCompleted || a.code.localeCompare(b.code));
  return rows.slice(0, limit);
}

/** A department's figures, and whether its 按时办结率 was counted across an unconfirmed year (暂按周末计算). */
export interface TDepartmentRow extends TNamedMetrics {
  onTimeCompletionProvisional: boolean;
}

/** Departments with their figures; a department head sees their own. */
export async function departmentBreakdown(ctx: TUserContext, period: TPeriod): Promise<TDepartmentRow[]> {
  checkPeriod(ctx, period);
  const [tallies, departments, provisional] = await Promise.all([
    hallTallies(ctx, period, "department"),
    listDepartments(ctx.db, ctx.user.hall_id),
    provisionalCalendar(ctx.db),
  ]);
  const scope = departmentScope(ctx);
  const bounds = hallDayBounds(period.from, period.to);
  return Promise.all(
    departments
      .filter((department) => scope === undefined || department.id === scope)
      .map(async (department) => ({
        id: department.id,
        code: department.code,
        name: department.name,
        group: `${department.itemCount} 个事项`,
        metrics: metricsView(tallies.get(department.id) ?? emptyTally()),
        onTimeCompletionProvisional: await onTimeCompletionProvisional(
          ctx.db,
          { hallId: ctx.user.hall_id, ...bounds, departmentId: department.id },
          provisional,
        ),
      })),
  );
}

export interface TChannelRow {
  channel: number;
  label: string;
  ratings: number;
  share: TRateView;
  metrics: TMetricsView;
}

/** Valid first ratings by channel (pf), every channel listed even when empty. */
export async function channelBreakdown(ctx: TUserContext, period: TPeriod): Promise<TChannelRow[]> {
  checkPeriod(ctx, period);
  const tallies = await hallTallies(ctx, period, "channel");
  const total = ratingMetrics(sumTallies(tallies.values())).validRatings;
  return CHANNEL_CODES.map((channel) => {
    const tally = tallies.get(channel) ?? emptyTally();
    const valid = ratingMetrics(tally).validRatings;
    const share = { num: valid, den: total };
    return {
      channel,
      label: CHANNELS[channel],
      ratings: valid,
      share: { ...share, text: formatPercent(share) },
      metrics: metricsView(tally),
    };
  });
}

export interface TReasonRow {
  code: string;
  label: string;
  level: number;
  levelLabel: string;
  count: number;
  /** share among the ratings of the same kind (差评 reasons among bad ratings, others among good) */
  share: TRateView;
}

/** Reason codes chosen with valid first ratings, bad ones first. */
export async function reasonBreakdown(ctx: TUserContext, period: TPeriod): Promise<TReasonRow[]> {
  checkPeriod(ctx, period);
  const bounds = hallDayBounds(period.from, period.to);
  const [counts, tallies] = await Promise.all([
    countReasonCodes(ctx.db, {
      hallId: ctx.user.hall_id,
      start: bounds.start,
      end: bounds.end,
      departmentId: departmentScope(ctx),
    }),
    hallTallies(ctx, period, "hall"),
  ]);
  const metrics = ratingMetrics(tallies.get(null) ?? emptyTally());
  return counts
    .map((row) => {
      const share = { num: row.count, den: row.level <= 2 ? metrics.badRatings : metrics.goodRatings };
      return {
        code: row.code,
        label: row.label,
        level: row.level,
        levelLabel: LEVEL_LABELS[row.level] ?? String(row.level),
        count: row.count,
        share: { ...share, text: formatPercent(share) },
      };
    })
    .sort((a, b) => a.level - b.level || b.count - a.count || a.code.localeCompare(b.code));
}

export interface TCoverageRow {
  windowId: number | null;
  windowName: string;
  casesCompleted: number;
  promptsSent: number;
  promptsRated: number;
  promptsTimedOut: number;
  casesRated: number;
  casesRatedByDefault: number;
  casesClosedUnrated: number;
  /** 评价率: rated ÷ completed */
  ratedRate: TRateView;
  /** prompts answered with a rating ÷ prompts sent */
  promptAnswerRate: TRateView;
}

function rate(num: number, den: number): TRateView {
  return { num, den, text: formatPercent({ num, den }) };
}

/**
 * How much of the hall's work the ratings cover, window by window, so nobody mistakes a thin
 * sample for satisfaction: cases, prompts sent, answered, timed out, not rated, defaults.
 */
export async function coverage(
  ctx: TUserContext,
  period: TPeriod,
): Promise<{ rows: TCoverageRow[]; total: TCoverageRow }> {
  checkPeriod(ctx, period);
  const bounds = hallDayBounds(period.from, period.to);
  const [tallies, prompts, windows] = await Promise.all([
    hallTallies(ctx, period, "window"),
    countPrompts(ctx.db, { hallId: ctx.user.hall_id, start: bounds.start, end: bounds.end }),
    listWindowsWithStaff(ctx.db, ctx.user.hall_id),
  ]);
  // Prompts carry no department: a department head's coverage leaves them out rather than mixing scopes.
  const scoped = departmentScope(ctx) !== undefined;
  const promptsByWindow = new Map(prompts.map((row) => [row.windowId, row]));
  const row = (windowId: number | null, windowName: string): TCoverageRow => {
    const tally = tallies.get(windowId) ?? emptyTally();
    const prompt = windowId === null || scoped ? undefined : promptsByWindow.get(windowId);
    return {
      windowId,
      windowName,
      casesCompleted: tally.casesCompleted,
      promptsSent: prompt?.sent ?? 0,
      promptsRated: prompt?.rated ?? 0,
      promptsTimedOut: prompt?.timedOut ?? 0,
      casesRated: tally.casesRated,
      casesRatedByDefault: tally.casesRatedByDefault,
      casesClosedUnrated: tally.casesClosedUnrated,
      ratedRate: rate(tally.casesRated, tally.casesCompleted),
      promptAnswerRate: rate(prompt?.rated ?? 0, prompt?.sent ?? 0),
    };
  };
  const rows = [...windows.map((window) => row(window.id, window.name)), row(null, "窗口外（网上、自助、邮寄）")];
  const sum = (pick: (item: TCoverageRow) => number) => rows.reduce((total, item) => total + pick(item), 0);
  const total: TCoverageRow = {
    windowId: null,
    windowName: "合计",
    casesCompleted: sum((item) => item.casesCompleted),
    promptsSent: sum((item) => item.promptsSent),
    promptsRated: sum((item) => item.promptsRated),
    promptsTimedOut: sum((item) => item.promptsTimedOut),
    casesRated: sum((item) => item.casesRated),
    casesRatedByDefault: sum((item) => item.casesRatedByDefault),
    casesClosedUnrated: sum((item) => item.casesClosedUnrated),
    ratedRate: rate(
      sum((item) => item.casesRated),
      sum((item) => item.casesCompleted),
    ),
    promptAnswerRate: rate(
      sum((item) => item.promptsRated),
      sum((item) => item.promptsSent),
    ),
  };
  return { rows, total };
}
