import { z } from "zod";

import { listWorkOrders } from "@hcp/db";
import {
  hallDate,
  WORK_ORDER_SORTS,
  WORK_ORDER_STATE_KEYS,
  WORK_ORDER_STATES,
  workingDaysLeft,
  ZId,
  ZWorkOrderCaseNoSearch,
  ZWorkOrderStaffSearch,
} from "@hcp/domain";

import { appError } from "../errors";
import { exceptionsCovering, provisionalCalendar } from "./calendar";
import type { TUserContext } from "./overview";
import { orderRowForViewer } from "./staff-view";
import { currentDeadline, monthBounds, queueScope } from "./work-orders";

export const ZQueueFilter = z.object({
  states: z.array(z.enum(WORK_ORDER_STATE_KEYS)).optional(),
  departmentId: ZId.optional(),
  windowId: ZId.optional(),
  overdue: z.boolean().optional(),
  reasonCode: z
    .string()
    .regex(/^\d{3}$/)
    .optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, { error: "月份格式应为 YYYY-MM" })
    .optional(),
  caseNo: ZWorkOrderCaseNoSearch.optional(),
  staff: ZWorkOrderStaffSearch.optional(),
  sort: z.enum(WORK_ORDER_SORTS).default("urgency"),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
type TQueueFilter = z.output<typeof ZQueueFilter>;

/** The earlier of two optional bounds. */
function earliest(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a || !b) return a ?? b;
  return a < b ? a : b;
}

/** The bad-review queue, a page of it; each role sees its own part (queueScope). */
export async function workOrderQueue(ctx: TUserContext, input: TQueueFilter) {
  const scope = queueScope(ctx);
  // Staff never see their orders' case numbers, so they cannot look one up by it either.
  if (input.caseNo && ctx.user.role === "window_staff") throw appError("WORK_ORDER_CASE_SEARCH_FORBIDDEN", "FORBIDDEN");
  const month = input.month ? monthBounds(input.month) : null;
  const { total, rows } = await listWorkOrders(ctx.db, {
    hallId: ctx.user.hall_id,
    departmentId: scope.departmentId ?? input.departmentId,
    staffId: scope.staffId,
    windowId: input.windowId,
    states: input.states,
    reasonCode: input.reasonCode,
    from: month?.from,
    to: earliest(month?.to, scope.openedBefore),
    overdueOn: input.overdue ? hallDate(ctx.now()) : undefined,
    caseNo: input.caseNo,
    staff: input.staff,
    sort: input.sort,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const today = hallDate(ctx.now());
  const deadlines = rows.map((row) => currentDeadline(row, today));
  const [exceptions, provisional] = await Promise.all([
    exceptionsCovering(ctx.db, [today, ...deadlines.flatMap((deadline) => (deadline.due ? [deadline.due] : []))]),
    provisionalCalendar(ctx.db),
  ]);
  return {
    total,
    rows: rows.map((row, index) => {
      const state = row.state;
      const deadline = deadlines[index] ?? { deadline: null, due: null, overdue: false };
      return orderRowForViewer(ctx, {
        id: row.id,
        state,
        stateLabel: WORK_ORDER_STATES[state],
        caseNo: row.caseNo,
        itemName: row.itemName,
        departmentName: row.departmentName,
        windowCode: row.windowCode,
        // Staff see their own orders without case number or time of day (services/staff-view.ts).
        staffName: row.staffName,
        level: row.level,
        createdAt: row.createdAt.toISOString(),
        contactDue: row.contactDue,
        rectifyDue: row.rectifyDue,
        deadline: deadline.deadline,
        due: deadline.due,
        daysLeft: deadline.due === null ? null : workingDaysLeft(today, deadline.due, exceptions),
        /** a deadline, or the days left, rest on a year without a confirmed schedule: "暂按周末计算" */
        deadlineProvisional: provisional(
          hallDate(row.createdAt),
          row.contactDue,
          row.rectifyDue,
          ...(deadline.due === null ? [] : [today]),
        ),
        overdue: deadline.overdue,
        escalation: row.escalation,
        extension: row.extension,
      });
    }),
  };
}
