import type { TRPCRouterRecord } from "@trpc/server";

import {
  callerMonthlyReport,
  callerReportVersion,
  callerReportVersions,
  callerYearlySummary,
  regenerateCallerReport,
} from "../services/report/console";
import {
  ZMonthlyReportInput,
  ZMonthlyReportView,
  ZReportVersion,
  ZReportVersionInput,
  ZReportVersionRow,
  ZYearlyReport,
  ZYearlyReportInput,
} from "../services/report/schemas";
import { authedProcedure } from "../trpc";

/**
 * The monthly satisfaction report and its archive (SPEC §7). Hall managers, leadership, auditors
 * and administrators read the hall's; a department head reads a live report of their own
 * department (the archive is hall-wide, so its versions are not theirs to list). Only hall
 * managers and administrators regenerate.
 */
export const reportRouter = {
  /** The month's report: the newest archived version, or built live when the closed month has none yet. */
  monthly: authedProcedure
    .meta({ openapi: { method: "GET", path: "/reports/monthly", tags: ["reports"], summary: "月度满意度报告" } })
    .input(ZMonthlyReportInput)
    .output(ZMonthlyReportView)
    .query(({ ctx, input }) => callerMonthlyReport(ctx, input)),

  /** Every archived version of a hall × month, newest first. */
  versions: authedProcedure
    .meta({ openapi: { method: "GET", path: "/reports/monthly/versions", tags: ["reports"], summary: "月报存档版本" } })
    .input(ZMonthlyReportInput)
    .output(ZReportVersionRow.array())
    .query(({ ctx, input }) => callerReportVersions(ctx, input)),

  /** One archived version: status and progress while generating, the report once ready. */
  version: authedProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/reports/monthly/versions/{id}",
        tags: ["reports"],
        summary: "月报存档版本详情",
      },
    })
    .input(ZReportVersionInput)
    .output(ZReportVersion)
    .query(({ ctx, input }) => callerReportVersion(ctx, input.id)),

  /** A new version of a closed month's report; the old ones stay. Returns at once: poll `version`. */
  regenerate: authedProcedure
    .input(ZMonthlyReportInput)
    .mutation(({ ctx, input }) => regenerateCallerReport(ctx, input)),

  /** The yearly summary: the figures of the hall's annual report, month by month. */
  yearly: authedProcedure
    .meta({ openapi: { method: "GET", path: "/reports/yearly", tags: ["reports"], summary: "年度汇总" } })
    .input(ZYearlyReportInput)
    .output(ZYearlyReport)
    .query(({ ctx, input }) => callerYearlySummary(ctx, input)),
} satisfies TRPCRouterRecord;
