import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZId } from "@hcp/domain";

import { listSignals, reviewSignal } from "../services/signal-review";
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
    .query(({ ctx, input }) => listSignals(ctx, input)),

  review: authedProcedure
    .input(z.object({ id: ZId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await reviewSignal(ctx, input.id);
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
