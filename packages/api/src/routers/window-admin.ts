import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZId, ZWindowForm, ZWindowUpdate } from "@hcp/domain";

import {
  createHallWindow,
  listHallWindows,
  retireHallWindow,
  updateHallWindow,
  windowFormValues,
} from "../services/windows/admin";
import { authedProcedure } from "../trpc";

const ZKind = z.enum(["comprehensive", "special"]);

const ZWindowAdminRow = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: ZKind,
  departmentId: z.number().nullable(),
  sortOrder: z.number(),
  active: z.boolean(),
  retiredAt: z.string().nullable(),
  departmentIds: z.array(z.number()),
  itemCount: z.number(),
  hasDevice: z.boolean(),
  devicePaired: z.boolean(),
  staffName: z.string().nullable(),
});

const ZWindowFormValues = z.object({
  id: z.number(),
  active: z.boolean(),
  window: z.object({
    code: z.string(),
    name: z.string(),
    kind: ZKind,
    departmentIds: z.array(z.number()),
    itemCodes: z.array(z.string()),
    sortOrder: z.number(),
  }),
});

const ZOk = z.object({ ok: z.literal(true) });

/** 窗口管理: the hall's windows, kept by its administrators and managers. */
export const windowAdminRouter = {
  list: authedProcedure.output(z.array(ZWindowAdminRow)).query(({ ctx }) => listHallWindows(ctx)),

  byId: authedProcedure
    .input(z.object({ windowId: ZId }))
    .output(ZWindowFormValues)
    .query(({ ctx, input }) => windowFormValues(ctx, input.windowId)),

  create: authedProcedure
    .input(ZWindowForm)
    .output(z.object({ windowId: z.number() }))
    .mutation(({ ctx, input }) => createHallWindow(ctx, input)),

  update: authedProcedure
    .input(ZWindowUpdate)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await updateHallWindow(ctx, input);
      return { ok: true as const };
    }),

  retire: authedProcedure
    .input(z.object({ windowId: ZId }))
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await retireHallWindow(ctx, input.windowId);
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
