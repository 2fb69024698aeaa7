import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { HALL_KIND_KEYS } from "@hcp/domain";

import { countyScopeView } from "../services/county/scope";
import { authedProcedure } from "../trpc";
import { countyReportProcedures } from "./county-report";
import { countyScopeProcedures } from "./county-scope";
import { countyViewProcedures } from "./county-views";

const ZCountyHall = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(HALL_KIND_KEYS),
  areaCode: z.string().nullable(),
  parentHallId: z.number().nullable(),
  sortOrder: z.number(),
});

const ZCountyScopeView = z.object({
  /** null: the caller's hall has no county, or the caller is scoped to their hall */
  county: z.object({ id: z.number(), areaCode: z.string(), name: z.string() }).nullable(),
  halls: z.array(ZCountyHall),
  currentHallId: z.number(),
});

/** One county, many halls. */
export const countyRouter = {
  scope: authedProcedure.output(ZCountyScopeView).query(({ ctx }) => countyScopeView(ctx)),
  ...countyViewProcedures,
  ...countyScopeProcedures,
  ...countyReportProcedures,
} satisfies TRPCRouterRecord;
