import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { HALL_KIND_KEYS, ZPeriod } from "@hcp/domain";

import { ZRankedFigures, ZRankingSettingsView } from "../schemas";
import { countyHallRankingOf } from "../services/county/views/hall-ranking";
import { authedProcedure } from "../trpc";

const ZCountyHallRef = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(HALL_KIND_KEYS),
  areaCode: z.string().nullable(),
});

const ZCountyPopulation = z.object({
  scope: z.enum(["county", "department"]),
  name: z.string(),
  listed: z.number(),
  ranked: z.number(),
});

const ZCountyHallRanking = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  definitionsVersion: z.string(),
  county: z.object({ id: z.number(), areaCode: z.string(), name: z.string() }),
  settings: ZRankingSettingsView,
  population: ZCountyPopulation,
  rows: z.array(ZRankedFigures.extend({ hall: ZCountyHallRef })),
  red: z.array(z.number()),
  black: z.array(z.number()),
  lastTwoMonthsRunning: z.number().nullable(),
});

/** The county views: figures across the county's halls, for county-scoped users (COUNTY_SCOPE_REQUIRED otherwise). */
export const countyViewProcedures = {
  /** 大厅排名: the county's halls ranked by the windows' fair method, with 红黑榜 and 末位. */
  hallRanking: authedProcedure
    .input(ZPeriod)
    .output(ZCountyHallRanking)
    .query(({ ctx, input }) => countyHallRankingOf(ctx, input)),
} satisfies TRPCRouterRecord;
