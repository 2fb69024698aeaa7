import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZPeriod } from "@hcp/domain";

import { ZDepartmentPerformance, ZMetricsView, ZPeriodOverview } from "../schemas";
import { hallFeed } from "../services/hall-feed";
import { dataMonths, departmentPerformance, monthlyTrend, periodOverview } from "../services/overview";
import { authedProcedure } from "../trpc";

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

  /** The months the hall has cases or ratings in, newest first: the periods the console offers. */
  dataMonths: authedProcedure
    .input(z.object({}).optional())
    .output(z.object({ months: z.array(z.string()) }))
    .query(({ ctx }) => dataMonths(ctx)),

  /** The live overview's feed over SSE: the hall's figures changed, re-read them (services/hall-feed.ts). */
  events: authedProcedure
    .input(z.object({ lastEventId: z.string().nullish() }).optional())
    .subscription(({ ctx, signal }) => hallFeed(ctx, signal)),
} satisfies TRPCRouterRecord;
