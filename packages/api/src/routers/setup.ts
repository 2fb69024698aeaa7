import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { SETUP_CHECKS, SETUP_STEPS } from "@hcp/domain";

import { setupStatus } from "../services/setup/status";
import { authedProcedure } from "../trpc";

const ZSetupRef = z.object({ code: z.string(), name: z.string() });

const ZSetupStatus = z.object({
  ready: z.boolean(),
  items: z.array(
    z.object({
      check: z.enum(SETUP_CHECKS),
      step: z.enum(SETUP_STEPS),
      done: z.boolean(),
      lacking: z.array(ZSetupRef),
    }),
  ),
});

/** 开始设置: the guided first setup's checklist. */
export const setupRouter = {
  status: authedProcedure.output(ZSetupStatus).query(({ ctx }) => setupStatus(ctx)),
} satisfies TRPCRouterRecord;
