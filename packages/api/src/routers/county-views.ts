import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { HALL_KIND_KEYS, ZId, ZPeriod } from "@hcp/domain";

import { ZMetricsView, ZRankedFigures, ZRankingSettingsView } from "../schemas";
import { countyHallRankingOf } from "../services/county/views/hall-ranking";
import { countyFeed, countyOverview } from "../services/county/views/overview";
import { countyWindowRanking } from "../services/county/views/window-ranking";
import { authedProcedure } from "../trpc";

const ZCountyHallRef = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(HALL_KIND_KEYS),
  areaCode: z.string().nullable(),
});

const ZCounty = z.object({ id: z.number(), areaCode: z.string(), name: z.string() });

const ZCountyPopulation = z.object({
  scope: z.enum(["county", "department", "hall"]),
  name: z.string(),
  listed: z.number(),
  ranked: z.number(),
});

const ZCountyHallRanking = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  definitionsVersion: z.string(),
  county: ZCounty,
  settings: ZRankingSettingsView,
  population: ZCountyPopulation,
  rows: z.array(ZRankedFigures.extend({ hall: ZCountyHallRef })),
  red: z.array(z.number()),
  black: z.array(z.number()),
  lastTwoMonthsRunning: z.number().nullable(),
});

const ZCountyWindowRanking = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  definitionsVersion: z.string(),
  county: ZCounty,
  hall: ZCountyHallRef.nullable(),
  settings: ZRankingSettingsView,
  population: ZCountyPopulation,
  rows: z.array(
    ZRankedFigures.omit({ id: true }).extend({
      window: z.object({ id: z.number(), code: z.string(), name: z.string(), kind: z.string() }),
      hall: ZCountyHallRef,
    }),
  ),
  red: z.array(z.number()),
  black: z.array(z.number()),
  lastTwoMonthsRunning: z.number().nullable(),
});

const ZCountyFigures = z.object({ metrics: ZMetricsView, openWorkOrders: z.number(), overdueWorkOrders: z.number() });
const ZEvaluatorHealth = z.object({ paired: z.number(), offline: z.number() }).nullable();

const ZCountyOverview = z.object({
  county: ZCounty,
  definitionsVersion: z.string(),
  today: z.object({ from: z.string(), to: z.string() }),
  month: z.object({ from: z.string(), to: z.string() }),
  population: z.object({ scope: z.enum(["county", "department"]), name: z.string() }),
  halls: z.array(
    z.object({ hall: ZCountyHallRef, today: ZCountyFigures, month: ZCountyFigures, evaluators: ZEvaluatorHealth }),
  ),
  total: z.object({ today: ZCountyFigures, month: ZCountyFigures, evaluators: ZEvaluatorHealth }),
});

/** The county views: figures across the county's halls, for county-scoped users (COUNTY_SCOPE_REQUIRED otherwise). */
export const countyViewProcedures = {
  /** 全县概况: each hall's today and this month, and the county's total. */
  overview: authedProcedure
    .input(z.object({}).optional())
    .output(ZCountyOverview)
    .query(({ ctx }) => countyOverview(ctx)),

  /** The county overview's feed over SSE: some hall's figures changed, re-read them. */
  events: authedProcedure
    .input(z.object({ lastEventId: z.string().nullish() }).optional())
    .subscription(({ ctx, signal }) => countyFeed(ctx, signal)),

  /** 大厅排名: the county's halls ranked by the windows' fair method, with 红黑榜 and 末位. */
  hallRanking: authedProcedure
    .input(ZPeriod)
    .output(ZCountyHallRanking)
    .query(({ ctx, input }) => countyHallRankingOf(ctx, input)),

  /** 窗口排名 across the county's halls, or within one hall (by that hall's own settings). */
  windowRanking: authedProcedure
    .input(ZPeriod.and(z.object({ hallId: ZId.optional() })))
    .output(ZCountyWindowRanking)
    .query(({ ctx, input }) => countyWindowRanking(ctx, input)),
} satisfies TRPCRouterRecord;
