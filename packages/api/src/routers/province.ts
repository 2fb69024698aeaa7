import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { findProvinceConfig, listRejectedOutboxRows, provinceReconciliation, requeueOutboxRow, saveProvinceConfig } from "@hcp/db";
import { hallDayBounds, PROVINCE_RECORD_KIND_LABELS, ZId, ZPeriod, ZProvinceExportConfig } from "@hcp/domain";

import { appError } from "../errors";
import { actorOf, audit } from "../services/audit";
import { exportConfigOf } from "../services/province-export";
import { authedProcedure } from "../trpc";


/** 省级对接: the provincial export's settings, daily reconciliation and parked records. */
export const provinceRouter = {
  config: authedProcedure.query(async ({ ctx }) => {
    const stored = await findProvinceConfig(ctx.db, ctx.user.hall_id);
    return stored
      ? exportConfigOf(stored)
      : { enabled: false, endpoint: "", channelMap: {}, levelCoding: "national" as const, dataSource: "", timeoutMs: 10_000 };
  }),

  updateConfig: authedProcedure.input(ZProvinceExportConfig).mutation(async ({ ctx, input }) => {
    if (input.enabled && input.endpoint === "") throw appError("PROVINCE_ENDPOINT_REQUIRED", "BAD_REQUEST");
    const stored = await findProvinceConfig(ctx.db, ctx.user.hall_id);
    await ctx.db.transaction().execute(async (trx) => {
      await saveProvinceConfig(
        trx,
        {
          hallId: ctx.user.hall_id,
          enabled: input.enabled,
          endpoint: input.endpoint,
          channelMap: JSON.stringify(input.channelMap),
          levelCoding: input.levelCoding,
          dataSource: input.dataSource,
          timeoutMs: input.timeoutMs,
        },
        ctx.now(),
      );
      const before = stored ? exportConfigOf(stored) : null;
      await audit(trx, actorOf(ctx), { action: "province.updateConfig", entity: "province_export_config", entityId: ctx.user.hall_id, before, after: input });
    });
    return { ok: true as const };
  }),

  /** Per day: queued, sent, accepted, rejected (parked) and pending. */
  reconciliation: authedProcedure.input(ZPeriod).query(({ ctx, input }) => {
    const bounds = hallDayBounds(input.from, input.to);
    return provinceReconciliation(ctx.db, ctx.user.hall_id, bounds.start, bounds.end);
  }),

  rejected: authedProcedure.input(z.object({ limit: z.number().int().min(1).max(500).default(100) })).query(async ({ ctx, input }) => {
    const rows = await listRejectedOutboxRows(ctx.db, ctx.user.hall_id, input.limit);
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      kindLabel: PROVINCE_RECORD_KIND_LABELS[row.kind] ?? row.kind,
      refId: row.ref_id,
      attempts: row.attempts,
      reason: row.last_error,
      createdAt: row.created_at.toISOString(),
      settledAt: row.settled_at?.toISOString() ?? null,
    }));
  }),

  /** Sends a parked record again once its cause is fixed. */
  requeue: authedProcedure.input(z.object({ id: ZId })).mutation(async ({ ctx, input }) => {
    if (!(await requeueOutboxRow(ctx.db, ctx.user.hall_id, input.id, ctx.now()))) throw appError("NOT_FOUND", "NOT_FOUND");
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
