import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZDepartmentFields, ZDepartmentUpdate, ZId } from "@hcp/domain";

import {
  createDepartment,
  departmentList,
  editDepartment,
  restoreDepartment,
  retireDepartment,
} from "../services/department/admin";
import { authedProcedure } from "../trpc";

const ZDepartmentView = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string(),
  creditCode: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  sortOrder: z.number(),
  retiredAt: z.string().nullable(),
  activeItems: z.number(),
  activeStaff: z.number(),
});
const ZDone = z.object({ ok: z.literal(true) });

/** 部门管理: the hall's departments, created, edited, retired and restored by administrators. */
export const departmentRouter = {
  list: authedProcedure.output(z.array(ZDepartmentView)).query(({ ctx }) => departmentList(ctx)),

  create: authedProcedure
    .input(ZDepartmentFields)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => createDepartment(ctx, input)),

  update: authedProcedure
    .input(ZDepartmentUpdate)
    .output(ZDone)
    .mutation(async ({ ctx, input: { id, ...fields } }) => {
      await editDepartment(ctx, id, fields);
      return { ok: true as const };
    }),

  retire: authedProcedure
    .input(z.object({ id: ZId }))
    .output(ZDone)
    .mutation(async ({ ctx, input }) => {
      await retireDepartment(ctx, input.id);
      return { ok: true as const };
    }),

  restore: authedProcedure
    .input(z.object({ id: ZId }))
    .output(ZDone)
    .mutation(async ({ ctx, input }) => {
      await restoreDepartment(ctx, input.id);
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
