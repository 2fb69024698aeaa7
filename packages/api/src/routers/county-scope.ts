import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZCountyActIn } from "@hcp/domain";

import { actInHall } from "../services/county/acting/act-in";
import { authedProcedure } from "../trpc";

/** A county user's own place in the county: which hall they work in. */
export const countyScopeProcedures = {
  /** 切换大厅: refused (COUNTY_SCOPE_REQUIRED) for hall users, HALL_OUTSIDE_SCOPE for a hall of another county. */
  actIn: authedProcedure
    .input(ZCountyActIn)
    .output(z.object({ hallId: z.number() }))
    .mutation(({ ctx, input }) => actInHall(ctx, input.hallId)),
} satisfies TRPCRouterRecord;
