import type { TRPCRouterRecord } from "@trpc/server";

import {
  callerCountyReport,
  callerCountyReportVersion,
  callerCountyReportVersions,
  callerCountyYearly,
  regenerateCallerCountyReport,
} from "../services/county/report/console";
import {
  ZCountyReportInput,
  ZCountyReportVersion,
  ZCountyReportVersionInput,
  ZCountyReportVersionRow,
  ZCountyReportView,
  ZCountyYearlyInput,
  ZCountyYearlyReport,
} from "../services/county/report/schemas";
import { authedProcedure } from "../trpc";

/**
 * The county monthly report (county total, a row per hall, 红黑榜 of the halls, bad reviews by hall
 * and reason) with its archive, and the county's yearly summary: county-scoped users only.
 */
export const countyReportProcedures = {
  report: authedProcedure
    .meta({ openapi: { method: "GET", path: "/county/reports/monthly", tags: ["county"], summary: "全县月度报告" } })
    .input(ZCountyReportInput)
    .output(ZCountyReportView)
    .query(({ ctx, input }) => callerCountyReport(ctx, input)),

  reportVersions: authedProcedure
    .input(ZCountyReportInput)
    .output(ZCountyReportVersionRow.array())
    .query(({ ctx, input }) => callerCountyReportVersions(ctx, input)),

  reportVersion: authedProcedure
    .input(ZCountyReportVersionInput)
    .output(ZCountyReportVersion)
    .query(({ ctx, input }) => callerCountyReportVersion(ctx, input.id)),

  regenerateReport: authedProcedure
    .input(ZCountyReportInput)
    .mutation(({ ctx, input }) => regenerateCallerCountyReport(ctx, input)),

  yearly: authedProcedure
    .meta({ openapi: { method: "GET", path: "/county/reports/yearly", tags: ["county"], summary: "全县年度汇总" } })
    .input(ZCountyYearlyInput)
    .output(ZCountyYearlyReport)
    .query(({ ctx, input }) => callerCountyYearly(ctx, input)),
} satisfies TRPCRouterRecord;
