import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZId, ZPeriod, ZRankingWeights } from "@hcp/domain";

import { ZRankedFigures, ZRankingPopulation, ZRankingSettingsView } from "../schemas";
import { channelBreakdown, coverage, departmentBreakdown, reasonBreakdown } from "../services/performance/breakdowns";
import { itemDrill, ratingDrill, staffDrill, trendDrill } from "../services/performance/drill";
import { rankingSettings, updateRankingSettings, windowRanking } from "../services/performance/ranking";
import { myPerformance } from "../services/performance/trends";
import { authedProcedure } from "../trpc";

const ZRankingSettings = z.object({
  weights: ZRankingWeights,
  minSample: z
    .number()
    .int()
    .min(1, { error: "最低样本量至少为 1" })
    .max(10_000, { error: "最低样本量不能超过 10000" }),
});

const ZWindowRankingRow = ZRankedFigures.omit({ id: true }).extend({
  window: z.object({ id: z.number(), code: z.string(), name: z.string(), kind: z.string() }),
  staff: z.array(z.object({ id: z.number(), name: z.string(), badgeNo: z.string(), casesCompleted: z.number() })),
  staffName: z.string().nullable(),
});

export const ZWindowRanking = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  population: ZRankingPopulation,
  settings: ZRankingSettingsView,
  rows: z.array(ZWindowRankingRow),
  red: z.array(z.number()),
  black: z.array(z.number()),
  lastTwoMonthsRunning: z.number().nullable(),
  deadlinesProvisional: z.object({ onTimeCompletion: z.boolean(), workOrders: z.boolean() }).meta({
    description:
      "暂按周末计算：按时办结率、按时整改率的期限跨越节假日安排尚未确认的年份，暂按周一至周五上班计算，确认后重算",
  }),
});

const ZDrill = ZPeriod.and(
  z.object({
    windowId: ZId.optional(),
    staffId: ZId.optional(),
    serviceItemId: ZId.optional(),
    departmentId: ZId.optional(),
  }),
);

const ZRatingListInput = ZDrill.and(
  z.object({
    level: z.number().int().min(1).max(5).optional(),
    badOnly: z.boolean().optional(),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  }),
);

export const performanceRouter = {
  /** Window performance and ranking for a period: SPEC §6's columns, composite score, 红黑榜, 末位. */
  windows: authedProcedure
    .meta({ openapi: { method: "GET", path: "/performance/windows", tags: ["metrics"], summary: "窗口绩效与排名" } })
    .input(ZPeriod)
    .output(ZWindowRanking)
    .query(({ ctx, input }) => windowRanking(ctx, input)),

  /** Staff figures, of the hall or of one window (drill-down step two). */
  staff: authedProcedure.input(ZDrill).query(({ ctx, input }) => staffDrill(ctx, input)),

  /** Service items, busiest first, within a window, staff member or department when given. */
  items: authedProcedure.input(ZDrill).query(({ ctx, input }) => itemDrill(ctx, input)),

  /** The individual ratings and their cases behind a figure. */
  ratings: authedProcedure.input(ZRatingListInput).query(({ ctx, input }) => ratingDrill(ctx, input)),

  departments: authedProcedure.input(ZPeriod).query(({ ctx, input }) => departmentBreakdown(ctx, input)),
  channels: authedProcedure.input(ZPeriod).query(({ ctx, input }) => channelBreakdown(ctx, input)),
  reasons: authedProcedure.input(ZPeriod).query(({ ctx, input }) => reasonBreakdown(ctx, input)),
  coverage: authedProcedure.input(ZPeriod).query(({ ctx, input }) => coverage(ctx, input)),

  /** Daily volume and ratings, 好评率 by week; for one window or staff member when given. */
  trend: authedProcedure.input(ZDrill).query(({ ctx, input }) => trendDrill(ctx, input)),

  /** A window staff member's own results, up to yesterday, with anonymised comments. */
  mine: authedProcedure.input(ZPeriod).query(({ ctx, input }) => myPerformance(ctx, input)),

  rankingSettings: authedProcedure.query(({ ctx }) => rankingSettings(ctx)),
  updateRankingSettings: authedProcedure
    .input(ZRankingSettings)
    .mutation(({ ctx, input }) => updateRankingSettings(ctx, input)),
} satisfies TRPCRouterRecord;
