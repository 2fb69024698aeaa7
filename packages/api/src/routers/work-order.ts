import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZId, ZPeriod, ZWorkOrderAct } from "@hcp/domain";

import { workOrderFigures } from "../services/work-order-metrics";
import { workOrderQueue, ZQueueFilter } from "../services/work-order-queue";
import { actOnWorkOrder, workOrderDetail } from "../services/work-orders";
import { authedProcedure } from "../trpc";

const ZRate = z.object({ num: z.number(), den: z.number(), text: z.string() });

export const workOrderRouter = {
  /** The bad-review queue; each role sees its own part of it. */
  list: authedProcedure.input(ZQueueFilter).query(({ ctx, input }) => workOrderQueue(ctx, input)),

  byId: authedProcedure.input(z.object({ id: ZId })).query(({ ctx, input }) => workOrderDetail(ctx, input.id)),

  act: authedProcedure.input(ZWorkOrderAct).mutation(({ ctx, input }) => actOnWorkOrder(ctx, input)),

  /** 差评回复率, 回访整改率, 按时整改率, 回访整改满意率 and open/overdue counts for a period. */
  metrics: authedProcedure
    .input(ZPeriod.and(z.object({ by: z.enum(["hall", "department", "window", "month"]).default("hall") })))
    .output(
      z.array(
        z.object({
          key: z.number().nullable(),
          badReviews: z.number(),
          open: z.number(),
          overdue: z.number(),
          replyRate: ZRate,
          contactRectifyRate: ZRate,
          onTimeRate: ZRate,
          followUpSatisfaction: ZRate,
        }),
      ),
    )
    .query(({ ctx, input }) => workOrderFigures(ctx, input)),
} satisfies TRPCRouterRecord;
