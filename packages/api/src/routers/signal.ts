import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { listRatingSignals, markRatingSignalReviewed } from "@hcp/db";
import { ZId } from "@hcp/domain";

import { appError } from "../errors";
import { actorOf, audit } from "../services/audit";
import { SIGNAL_LABELS } from "../services/signals";
import { authedProcedure } from "../trpc";

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
  list: authedProcedure
    .input(z.object({ reviewed: z.boolean().optional(), limit: z.number().int().min(1).max(500).default(100) }))
    .output(z.array(ZSignalView))
    .query(async ({ ctx, input }) => {
      const rows = await listRatingSignals(ctx.db, { hallId: ctx.user.hall_id, reviewed: input.reviewed, limit: input.limit });
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

  review: authedProcedure
    .input(z.object({ id: ZId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      await ctx.db.transaction().execute(async (trx) => {
        const reviewed = await markRatingSignalReviewed(trx, { id: input.id, hallId: ctx.user.hall_id, reviewedBy: ctx.user.id, now });
        if (!reviewed) throw appError("NOT_FOUND", "NOT_FOUND");
        await audit(trx, actorOf(ctx), { action: "signal.review", entity: "rating_signal", entityId: input.id, after: { reviewedBy: ctx.user.id, reviewedAt: now.toISOString() } });
      });
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
