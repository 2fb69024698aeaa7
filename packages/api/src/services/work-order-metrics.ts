import { countWorkOrders } from "@hcp/db";
import { formatPercent, hallDate, hallDayBounds, workOrderMetrics, type TPeriod } from "@hcp/domain";

import type { TUserContext } from "./overview";

/** Groupings of the work-order figures: the hall, or per department, window or month. */
type TWorkOrderMetricsBy = Parameters<typeof countWorkOrders>[1]["by"];

const rate = (ratio: { num: number; den: number }) => ({ ...ratio, text: formatPercent(ratio) });

/**
 * 差评回复率, 回访整改率, 按时整改率, 回访整改满意率 and open/overdue counts for a period, per
 * grouping key; a department head's cover their own department.
 */
export async function workOrderFigures(ctx: TUserContext, input: TPeriod & { by: TWorkOrderMetricsBy }) {
  const bounds = hallDayBounds(input.from, input.to);
  const tallies = await countWorkOrders(ctx.db, {
    hallId: ctx.user.hall_id,
    start: bounds.start,
    end: bounds.end,
    today: hallDate(ctx.now()),
    by: input.by,
    departmentId: ctx.user.role === "department_head" ? (ctx.user.department_id ?? -1) : undefined,
  });
  return [...tallies].map(([key, tally]) => {
    const metrics = workOrderMetrics(tally);
    return {
      key,
      badReviews: tally.badReviews,
      open: tally.open,
      overdue: tally.overdue,
      replyRate: rate(metrics.replyRate),
      contactRectifyRate: rate(metrics.contactRectifyRate),
      onTimeRate: rate(metrics.onTimeRate),
      followUpSatisfaction: rate(metrics.followUpSatisfaction),
    };
  });
}
