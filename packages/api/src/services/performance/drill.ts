import type { TPeriod } from "@hcp/domain";

import type { TUserContext } from "../overview";
import { itemPerformance } from "./breakdowns";
import { checkScope, staffPerformance, type TDrillScope } from "./ranking";
import { ratingList, trend, type TRatingListFilter } from "./trends";

/**
 * The drill-down's steps below the window ranking: each first refuses a window, staff member,
 * item or department outside the caller's scope (checkScope), then computes over the period.
 */
type TDrill = TPeriod & TDrillScope;

function periodOf(input: TPeriod): TPeriod {
  return { from: input.from, to: input.to };
}

/** Staff figures, of the hall or of one window (drill-down step two). */
export async function staffDrill(ctx: TUserContext, input: TDrill) {
  await checkScope(ctx, input);
  return staffPerformance(ctx, periodOf(input), input.windowId);
}

/** Service items, busiest first, within a window, staff member or department when given. */
export async function itemDrill(ctx: TUserContext, input: TDrill) {
  await checkScope(ctx, input);
  return itemPerformance(ctx, periodOf(input), {
    windowId: input.windowId,
    staffId: input.staffId,
    departmentId: input.departmentId,
  });
}

/** The individual ratings and their cases behind a figure. */
export async function ratingDrill(ctx: TUserContext, input: TDrill & TRatingListFilter) {
  await checkScope(ctx, input);
  return ratingList(ctx, periodOf(input), input);
}

/** Daily volume and ratings, 好评率 by week; for one window or staff member when given. */
export async function trendDrill(ctx: TUserContext, input: TDrill) {
  await checkScope(ctx, input);
  return trend(ctx, periodOf(input), { windowId: input.windowId, staffId: input.staffId });
}
