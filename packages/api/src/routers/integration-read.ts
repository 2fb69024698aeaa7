import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZPeriod } from "@hcp/domain";

import { integrationMonthlyReport, integrationWindowRanking } from "../services/integration-reads";
import { ZReportMonth } from "../services/report/month";
import { ZMonthlyReportView } from "../services/report/schemas";
import { apiClientProcedure } from "../trpc";
import { ZWindowRanking } from "./performance";

const ZHallChoice = z.coerce
  .number()
  .int()
  .positive()
  .optional()
  .meta({ description: "大厅编号；API 客户端只授权一个大厅时可省略（也可用 X-Hall-Id 请求头）" });

const HALL_ERRORS = {
  400: "INVALID_INPUT（details 按字段列出问题）、API_HALL_REQUIRED（授权了多个大厅时须指明 hallId）",
  403: "API_SCOPE_MISSING、API_HALL_FORBIDDEN（该大厅未授权给此客户端）",
};

/** Figures for business systems (SPEC §6, §7), read as the hall's read-only reader. */
export const integrationReadRouter = {
  windows: apiClientProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/integration/performance/windows",
        tags: ["integration"],
        summary: "窗口绩效与排名（指定期间）",
        description:
          "与控制台“窗口绩效”相同的数字：SPEC §6 各列、综合得分、红黑榜、末位。需要权限范围 performance:read。",
        errorResponses: {
          ...HALL_ERRORS,
          400: `${HALL_ERRORS[400]}、PERIOD_TOO_LONG、PERIOD_IN_FUTURE`,
          404: "HALL_NOT_FOUND",
        },
      },
    })
    .input(ZPeriod.safeExtend({ hallId: ZHallChoice }))
    .output(ZWindowRanking)
    .query(({ ctx, input }) => integrationWindowRanking(ctx, ctx.apiClient, input)),

  monthlyReport: apiClientProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/integration/reports/monthly",
        tags: ["integration"],
        summary: "大厅月度满意度报告",
        description: "最新的存档版本；已结束但尚未存档的月份即时生成。需要权限范围 reports:read。",
        errorResponses: {
          ...HALL_ERRORS,
          400: `${HALL_ERRORS[400]}、REPORT_MONTH_INVALID、REPORT_MONTH_NOT_CLOSED、REPORT_MONTH_IN_FUTURE`,
          404: "HALL_NOT_FOUND",
        },
      },
    })
    .input(z.object({ hallId: ZHallChoice, month: ZReportMonth }))
    .output(ZMonthlyReportView)
    .query(({ ctx, input }) => integrationMonthlyReport(ctx, ctx.apiClient, input)),
} satisfies TRPCRouterRecord;
