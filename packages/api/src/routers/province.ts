import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZId, ZPeriod, ZProvinceExportConfig } from "@hcp/domain";

import { reconciliation } from "../services/province-reconciliation";
import { provinceConfig, rejectedRecords, requeueRecord, updateProvinceConfig } from "../services/province-settings";
import { authedProcedure } from "../trpc";

/** 省级对接: the provincial export's settings, daily reconciliation and parked records. */
export const provinceRouter = {
  config: authedProcedure.query(({ ctx }) => provinceConfig(ctx)),

  updateConfig: authedProcedure.input(ZProvinceExportConfig).mutation(async ({ ctx, input }) => {
    await updateProvinceConfig(ctx, input);
    return { ok: true as const };
  }),

  /** Per day: queued, sent, accepted, rejected (parked) and pending. */
  reconciliation: authedProcedure.input(ZPeriod).query(({ ctx, input }) => reconciliation(ctx, input)),

  rejected: authedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) => rejectedRecords(ctx, input.limit)),

  /** Sends a parked record again once its cause is fixed. */
  requeue: authedProcedure.input(z.object({ id: ZId })).mutation(async ({ ctx, input }) => {
    await requeueRecord(ctx, input.id);
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
