import { tracked, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZPeriod } from "@hcp/domain";

import { ZDepartmentPerformance, ZMetricsView, ZPeriodOverview } from "../schemas";
import { departmentPerformance, monthlyTrend, periodOverview } from "../services/overview";
import { authedProcedure } from "../trpc";

let eventSequence = 0;

export const overviewRouter = {
  /** Hall totals and window performance for a period of hall-local dates. */
  period: authedProcedure
    .meta({ openapi: { method: "GET", path: "/overview", tags: ["metrics"], summary: "大厅概况与窗口绩效" } })
    .input(ZPeriod)
    .output(ZPeriodOverview)
    .query(({ ctx, input }) => periodOverview(ctx, input)),

  monthly: authedProcedure
    .input(z.object({ year: z.number().int().min(2000).max(2100) }))
    .output(z.array(z.object({ month: z.number(), metrics: ZMetricsView })))
    .query(({ ctx, input }) => monthlyTrend(ctx, input.year)),

  departments: authedProcedure
    .input(ZPeriod)
    .output(z.array(ZDepartmentPerformance))
    .query(({ ctx, input }) => departmentPerformance(ctx, input)),

  /**
   * The live overview's feed over SSE: it says only that the hall's figures changed, and the
   * console re-reads them. Nothing is replayed: `ready` opens each (re)connection and stands in
   * for whatever happened while the connection was down.
   */
  events: authedProcedure
    .input(z.object({ lastEventId: z.string().nullish() }).optional())
    .subscription(async function* ({ ctx, signal }) {
      const events = ctx.bus.listenHall(ctx.user.hall_id, signal);
      yield tracked(`o${++eventSequence}`, { type: "ready" as const });
      for await (const [event] of events) {
        yield tracked(`o${++eventSequence}`, event);
      }
    }),
} satisfies TRPCRouterRecord;
