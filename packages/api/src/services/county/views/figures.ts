import {
  countCountyWorkOrders,
  findDepartmentCode,
  listDepartmentIdsByCode,
  listHallFigureSettings,
  readCountyTallies,
  type Db,
  type TCountyDimension,
  type TCountyHallRow,
  type TCountyHallSettings,
} from "@hcp/db";
import {
  addCalendarDays,
  hallDate,
  RATING_RULE_LIMITS,
  type TPeriod,
  type TRatingTally,
  type TWorkOrderTally,
} from "@hcp/domain";

import type { TUserContext } from "../../overview";
import { requireCountyScope, type TCountyScope } from "../scope";

/**
 * What every county view reads over: the county's halls with their own settings, and for a
 * county-wide department head the department of the same code in each hall. Figures come from
 * the rollups, like a hall's own; each hall's 未评 counts by its own rating window.
 */
export interface TCountyReach {
  scope: TCountyScope;
  settings: Map<number, TCountyHallSettings>;
  /** a department head's department in every hall of the county; undefined: everything */
  departmentIds?: number[];
  /** "全县（区）", or the department's name */
  populationName: string;
}

/** The county a county user answers for, with what its figures are read over; COUNTY_SCOPE_REQUIRED for anyone else. */
export async function countyReach(ctx: TUserContext): Promise<TCountyReach> {
  const scope = await requireCountyScope(ctx);
  return reachOf(ctx, scope);
}

/** @public The reach of a county scope already resolved (the county report builds on it too). */
export async function reachOf(ctx: TUserContext, scope: TCountyScope): Promise<TCountyReach> {
  const [reach, department] = await Promise.all([
    countyWideReach(ctx.db, scope),
    ctx.user.role === "department_head" && ctx.user.department_id !== null
      ? findDepartmentCode(ctx.db, ctx.user.department_id)
      : Promise.resolve(undefined),
  ]);
  if (ctx.user.role !== "department_head") return reach;
  // A department head without a department sees nothing, as on a hall's screens.
  reach.departmentIds = department
    ? await listDepartmentIdsByCode(
        ctx.db,
        scope.halls.map((hall) => hall.id),
        department.code,
      )
    : [];
  reach.populationName = department?.name ?? "本部门";
  return reach;
}

/** Every hall of the county with its settings, whoever asks: the county report, built without a caller too. */
export async function countyWideReach(db: Db, scope: TCountyScope): Promise<TCountyReach> {
  const settings = await listHallFigureSettings(
    db,
    scope.halls.map((hall) => hall.id),
  );
  return { scope, settings: new Map(settings.map((row) => [row.id, row])), populationName: scope.county.name };
}

/** What the figures are read with: the database, the clock and (bench) the tallies' source — no caller needed. */
export type TFigureDeps = Pick<TUserContext, "db" | "now" | "tallySource">;

/** The county's halls, or only the given ones. */
function hallsOf(reach: TCountyReach, hallIds?: readonly number[]): TCountyHallRow[] {
  return hallIds ? reach.scope.halls.filter((hall) => hallIds.includes(hall.id)) : reach.scope.halls;
}

/** Tallies of a period per hall or per window, each hall's 未评 by its own rating window. */
export function countyTallies(
  ctx: TFigureDeps,
  reach: TCountyReach,
  period: TPeriod,
  by: TCountyDimension,
  hallIds?: readonly number[],
): Promise<Map<number | null, TRatingTally>> {
  const today = hallDate(ctx.now());
  return readCountyTallies(ctx.db, {
    halls: hallsOf(reach, hallIds).map((hall) => ({
      hallId: hall.id,
      closedBefore: addCalendarDays(
        today,
        -(reach.settings.get(hall.id)?.ratingWindowDays ?? RATING_RULE_LIMITS.ratingWindowDays.fallback),
      ),
    })),
    from: period.from,
    to: period.to,
    by,
    departmentIds: reach.departmentIds,
    source: ctx.tallySource,
  });
}

/** Work orders opened in a period per hall or per window. */
export function countyWorkOrders(
  ctx: TFigureDeps,
  reach: TCountyReach,
  period: TPeriod,
  by: TCountyDimension,
  hallIds?: readonly number[],
): Promise<Map<number | null, TWorkOrderTally>> {
  return countCountyWorkOrders(ctx.db, {
    hallIds: hallsOf(reach, hallIds).map((hall) => hall.id),
    from: period.from,
    to: period.to,
    today: hallDate(ctx.now()),
    by,
    departmentIds: reach.departmentIds,
  });
}
