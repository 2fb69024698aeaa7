import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZCountyActIn, ZCountyHallCreate, ZCountyHallUpdate } from "@hcp/domain";

import { actInHall } from "../services/county/acting/act-in";
import { createCountyHall, updateCountyHallDetails } from "../services/county/halls/manage";
import { authedProcedure } from "../trpc";

/** A county user's place in the county (which hall they work in) and the county's halls (county administrators). */
export const countyScopeProcedures = {
  /** 切换大厅: refused (COUNTY_SCOPE_REQUIRED) for hall users, HALL_OUTSIDE_SCOPE for a hall of another county. */
  actIn: authedProcedure
    .input(ZCountyActIn)
    .output(z.object({ hallId: z.number() }))
    .mutation(({ ctx, input }) => actInHall(ctx, input.hallId)),

  /** 新增大厅 (county administrators): bad area codes are refused with what is wrong with them. */
  createHall: authedProcedure
    .input(ZCountyHallCreate)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => createCountyHall(ctx, input)),

  updateHall: authedProcedure
    .input(ZCountyHallUpdate)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await updateCountyHallDetails(ctx, input);
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
