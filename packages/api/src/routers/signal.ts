import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZId } from "@hcp/domain";

import { appError } from "../errors";
import { audit } from "../services/audit";
import { SIGNAL_LABELS } from "../services/signals";
import { roleProcedure } from "../trpc";

const ZSignalView = z.object({
  id: z.number(),
  kind: z.enum(["burst", "fast_tap", "no_prompt", "identical_run", "ip_rate", "refused"]),
  label: z.string(),
  detail: z.string(),
  createdAt: z.string(),
  windowCode: z.string().nullable(),
  caseNo: z.string().nullable(),
  reviewed: z.boolean(),
});

/** Misuse signals for managers to review; reviewing one records who looked, nothing else changes. */
export const signalRouter = {
  list: roleProcedure(["admin", "hall_manager", "auditor"])
    .input(z.object({ reviewed: z.boolean().optional(), limit: z.number().int().min(1).max(500).default(100) }))
    .output(z.array(ZSignalView))
    .query(async ({ ctx, input }) => {
      let query = ctx.db
        .selectFrom("rating_signal")
        .leftJoin("window", "window.id", "rating_signal.window_id")
        .leftJoin("case", "case.id", "rating_signal.case_id")
        .select([
          "rating_signal.id",
          "rating_signal.kind",
          "rating_signal.detail",
          "rating_signal.created_at as createdAt",
          "rating_signal.reviewed_at as reviewedAt",
          "window.code as windowCode",
          "case.case_no as caseNo",
        ])
        .where("rating_signal.hall_id", "=", ctx.user.hall_id);
      if (input.reviewed !== undefined) {
        query = query.where("rating_signal.reviewed_at", input.reviewed ? "is not" : "is", null);
      }
      const rows = await query.orderBy("rating_signal.id", "desc").limit(input.limit).execute();
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        label: SIGNAL_LABELS[row.kind],
        detail: row.detail,
        createdAt: row.createdAt.toISOString(),
        windowCode: row.windowCode,
        caseNo: row.caseNo,
        reviewed: row.reviewedAt !== null,
      }));
    }),

  review: roleProcedure(["admin", "hall_manager"])
    .input(z.object({ id: ZId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      await ctx.db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable("rating_signal")
          .set({ reviewed_by: ctx.user.id, reviewed_at: now })
          .where("id", "=", input.id)
          .where("hall_id", "=", ctx.user.hall_id)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) throw appError("NOT_FOUND", "NOT_FOUND");
        await audit(trx, ctx, { action: "signal.review", entity: "rating_signal", entityId: input.id, after: { reviewedBy: ctx.user.id, reviewedAt: now.toISOString() } });
      });
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
