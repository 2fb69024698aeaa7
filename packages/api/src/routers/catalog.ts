import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZDepartmentRow, ZServiceItemRow } from "../schemas";
import { hallDepartments, hallServiceItems } from "../services/catalog";
import { authedProcedure } from "../trpc";

export const catalogRouter = {
  departments: authedProcedure
    .meta({ openapi: { method: "GET", path: "/departments", tags: ["catalog"], summary: "进驻部门及其事项数" } })
    .input(z.object({}).optional())
    .output(z.array(ZDepartmentRow))
    .query(({ ctx }) => hallDepartments(ctx)),

  items: authedProcedure
    .meta({ openapi: { method: "GET", path: "/service-items", tags: ["catalog"], summary: "服务事项（分页）" } })
    .input(
      z.object({
        departmentId: z.coerce.number().int().positive().optional(),
        search: z.string().trim().max(50, { error: "搜索词不能超过 50 字" }).optional(),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
    )
    .output(z.object({ total: z.number(), items: z.array(ZServiceItemRow) }))
    .query(({ ctx, input }) => hallServiceItems(ctx, input)),
} satisfies TRPCRouterRecord;
