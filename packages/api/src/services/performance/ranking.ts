import {
  countWorkOrders,
  findDepartmentOfHall,
  findHallById,
  findServiceItemOfHall,
  findStaffOfHall,
  findWindowOfHall,
  listDepartments,
  listStaffOfHall,
  listWindowsWithStaff,
  updateHallRankingSettings,
} from "@hcp/db";
import {
  datesBetween,
  hallDate,
  hallDayBounds,
  parseRankingWeights,
  type TPeriod,
  type TRankingWeights,
} from "@hcp/domain";

import { appError } from "../../errors";
import { actorOf, audit } from "../audit";
import { deadlinesProvisional, type TDeadlinesProvisional } from "../calendar";
import { departmentScope, hallTallies, metricsView, type TMetricsView, type TUserContext } from "../overview";
import { servedNames, windowServers, type TServedStaff } from "../window-servers";
import { rankedResult, rankRound, type TRankedFigures, type TRankingRound } from "./ranked-rows";

/** The longest period a screen may ask for: a year, leap day included. */
const MAX_PERIOD_DAYS = 366;

/** Refuses periods nothing sensible can be computed over, before any query runs. */
export function checkPeriod(ctx: TUserContext, period: TPeriod): void {
  if (datesBetween(period.from, period.to).length > MAX_PERIOD_DAYS) throw appError("PERIOD_TOO_LONG", "BAD_REQUEST");
  if (period.from > hallDate(ctx.now())) throw appError("PERIOD_IN_FUTURE", "BAD_REQUEST");
}

export interface TDrillScope {
  windowId?: number;
  staffId?: number;
  serviceItemId?: number;
  departmentId?: number;
}

/**
 * Refuses a window, staff member, item or department outside the caller's hall — and for a
 * department head outside their department — so nothing is computed over the wrong rows.
 */
export async function checkScope(ctx: TUserContext, scope: TDrillScope): Promise<void> {
  const hallId = ctx.user.hall_id;
  const ownDepartment = departmentScope(ctx);
  const checks: Promise<void>[] = [];
  if (scope.windowId !== undefined) {
    checks.push(
      findWindowOfHall(ctx.db, hallId, scope.windowId).then((row) => {
        if (!row) throw appError("WINDOW_NOT_FOUND", "NOT_FOUND");
      }),
    );
  }
  if (scope.staffId !== undefined) {
    checks.push(
      findStaffOfHall(ctx.db, hallId, scope.staffId).then((row) => {
        if (!row || (ownDepartment !== undefined && row.department_id !== ownDepartment))
          throw appError("STAFF_NOT_FOUND", "NOT_FOUND");
      }),
    );
  }
  if (scope.serviceItemId !== undefined) {
    checks.push(
      findServiceItemOfHall(ctx.db, hallId, scope.serviceItemId).then((row) => {
        if (!row || (ownDepartment !== undefined && row.department_id !== ownDepartment))
          throw appError("ITEM_NOT_FOUND", "NOT_FOUND");
      }),
    );
  }
  if (scope.departmentId !== undefined) {
    checks.push(
      findDepartmentOfHall(ctx.db, hallId, scope.departmentId).then((row) => {
        if (!row || (ownDepartment !== undefined && row.id !== ownDepartment))
          throw appError("DEPARTMENT_NOT_FOUND", "NOT_FOUND");
      }),
    );
  }
  await Promise.all(checks);
}

export interface TRankingSettings {
  weights: TRankingWeights;
  minSample: number;
}

export async function rankingSettings(ctx: TUserContext): Promise<TRankingSettings> {
  const hall = await findHallById(ctx.db, ctx.user.hall_id);
  return { weights: parseRankingWeights(hall?.ranking_weights ?? ""), minSample: hall?.ranking_min_sample ?? 30 };
}

export async function updateRankingSettings(ctx: TUserContext, settings: TRankingSettings): Promise<TRankingSettings> {
  const before = await rankingSettings(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await updateHallRankingSettings(trx, ctx.user.hall_id, {
      ranking_weights: JSON.stringify(settings.weights),
      ranking_min_sample: settings.minSample,
    });
    await audit(trx, actorOf(ctx), {
      action: "hall.updateRankingSettings",
      entity: "hall",
      entityId: ctx.user.hall_id,
      before,
      after: settings,
    });
  });
  return rankingSettings(ctx);
}

/** The previous whole month when the period is exactly one calendar month, else null. */
export function previousWholeMonth(period: TPeriod): TPeriod | null {
  const [year, month] = period.from.split("-").map(Number) as [number, number];
  if (!period.from.endsWith("-01")) return null;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (period.to !== `${period.from.slice(0, 8)}${String(lastDay).padStart(2, "0")}`) return null;
  const prevYear = month === 1 ? year - 1 : year;
  const prevMonth = month === 1 ? 12 : month - 1;
  const prevLast = new Date(Date.UTC(prevYear, prevMonth, 0)).getUTCDate();
  const prefix = `${prevYear}-${String(prevMonth).padStart(2, "0")}`;
  return { from: `${prefix}-01`, to: `${prefix}-${String(prevLast).padStart(2, "0")}` };
}

async function rankWindowsOver(
  ctx: TUserContext,
  period: TPeriod,
  settings: TRankingSettings,
): Promise<{ windows: Awaited<ReturnType<typeof listWindowsWithStaff>>; round: TRankingRound }> {
  const bounds = hallDayBounds(period.from, period.to);
  const [tallies, windows, orders] = await Promise.all([
    hallTallies(ctx, period, "window"),
    listWindowsWithStaff(ctx.db, ctx.user.hall_id),
    countWorkOrders(ctx.db, {
      hallId: ctx.user.hall_id,
      start: bounds.start,
      end: bounds.end,
      today: hallDate(ctx.now()),
      by: "window",
      departmentId: departmentScope(ctx),
    }),
  ]);
  return { windows, round: rankRound(windows, tallies, orders, settings) };
}

type TWindowRankingRow = Omit<TRankedFigures, "id"> & {
  window: { id: number; code: string; name: string; kind: string };
  /** 在岗人员: who served at the window in the period, most cases first */
  staff: TServedStaff[];
  /** their names in one line, "王丽、李强"; null when nobody served */
  staffName: string | null;
};

/**
 * Whom 红黑榜 and 末位 are computed over: the hall's windows with all their cases, or (a department
 * head) the windows with the department's own cases; `ranked` entries met the minimum sample.
 */
interface TRankingPopulation {
  scope: "hall" | "department";
  /** "全厅", or the department's name */
  name: string;
  ranked: number;
}

export interface TWindowRanking {
  period: TPeriod;
  settings: TRankingSettings;
  population: TRankingPopulation;
  rows: TWindowRankingRow[];
  /** window ids, best first / worst first */
  red: number[];
  black: number[];
  /** set only when the period is one whole month */
  lastTwoMonthsRunning: number | null;
  /** 按时办结率 and 按时整改率 of the period counted across a year without a confirmed schedule (暂按周末计算) */
  deadlinesProvisional: TDeadlinesProvisional;
}

async function rankingPopulation(ctx: TUserContext, ranked: number): Promise<TRankingPopulation> {
  const ownDepartment = departmentScope(ctx);
  if (ownDepartment === undefined) return { scope: "hall", name: "全厅", ranked };
  const department = (await listDepartments(ctx.db, ctx.user.hall_id)).find((row) => row.id === ownDepartment);
  return { scope: "department", name: department?.name ?? "本部门", ranked };
}

/**
 * Window performance and ranking for a period (SPEC §6), with 红榜, 黑榜 and 末位, all over one
 * population: the hall, or a department head's own department — this month and the month before.
 */
export async function windowRanking(ctx: TUserContext, period: TPeriod): Promise<TWindowRanking> {
  checkPeriod(ctx, period);
  const settings = await rankingSettings(ctx);
  const previous = previousWholeMonth(period);
  const [current, before, served, deadlines] = await Promise.all([
    rankWindowsOver(ctx, period, settings),
    previous ? rankWindowsOver(ctx, previous, settings) : Promise.resolve(null),
    windowServers(ctx.db, ctx.user.hall_id, period, departmentScope(ctx)),
    deadlinesProvisional(ctx.db, {
      hallId: ctx.user.hall_id,
      ...hallDayBounds(period.from, period.to),
      departmentId: departmentScope(ctx),
    }),
  ]);
  const populationName = departmentScope(ctx) === undefined ? "全厅" : "本部门";
  const result = rankedResult(current.round, before?.round ?? null, settings, populationName);
  const population = await rankingPopulation(ctx, result.ranked);
  const byId = new Map(current.windows.map((window) => [window.id, window]));
  const rows = result.rows.flatMap(({ id, ...figures }): TWindowRankingRow[] => {
    const window = byId.get(id);
    if (!window) return [];
    return [
      {
        window: { id: window.id, code: window.code, name: window.name, kind: window.kind },
        staff: served.get(window.id) ?? [],
        staffName: servedNames(served.get(window.id) ?? []),
        ...figures,
      },
    ];
  });
  return {
    period,
    settings,
    population,
    rows,
    red: result.red,
    black: result.black,
    lastTwoMonthsRunning: result.lastTwoMonthsRunning,
    deadlinesProvisional: deadlines,
  };
}

export interface TNamedMetrics {
  id: number | null;
  code: string;
  name: string;
  /** what the row belongs to, e.g. the department of a staff member or an item */
  group: string;
  metrics: TMetricsView;
}

function byVolume(a: TNamedMetrics, b: TNamedMetrics): number {
  return b.metrics.casesCompleted - a.metrics.casesCompleted || a.code.localeCompare(b.code);
}

/** Staff of the hall (or of one window) with their figures; a department head sees only their own department's staff. */
export async function staffPerformance(
  ctx: TUserContext,
  period: TPeriod,
  windowId?: number,
): Promise<TNamedMetrics[]> {
  checkPeriod(ctx, period);
  const [tallies, staff] = await Promise.all([
    hallTallies(ctx, period, "staff", { windowId }),
    listStaffOfHall(ctx.db, ctx.user.hall_id, departmentScope(ctx)),
  ]);
  const known = new Map(staff.map((member) => [member.id, member]));
  const rows: TNamedMetrics[] = [];
  for (const [key, tally] of tallies) {
    const member = typeof key === "number" ? known.get(key) : undefined;
    if (key !== null && !member) continue;
    rows.push({
      id: member?.id ?? null,
      code: member?.badgeNo ?? "",
      name: member?.name ?? "（未指定工作人员）",
      group: member?.departmentName ?? "",
      metrics: metricsView(tally),
    });
  }
  return rows.sort(byVolume);
}
