import type { TRPCRouterRecord } from "@trpc/server";

import { findHallById, type TMonthlyReportRow } from "@hcp/db";

import { appError } from "../errors";
import { departmentScope, type TUserContext } from "../services/overview";
import {
  getReportVersion,
  listReportVersions,
  monthlyReport,
  regenerateMonthlyReport,
} from "../services/report/archive";
import {
  ZMonthlyReportInput,
  ZMonthlyReportView,
  ZReportVersion,
  ZReportVersionInput,
  ZReportVersionRow,
  ZYearlyReport,
  ZYearlyReportInput,
} from "../services/report/schemas";
import { yearlySummary } from "../services/report/yearly";
import { authedProcedure } from "../trpc";

/**
 * The monthly satisfaction report and its archive (SPEC §7). Hall managers, leadership, auditors
 * and administrators read the hall's; a department head reads a live report of their own
 * department (the archive is hall-wide, so its versions are not theirs to list). Only hall
 * managers and administrators regenerate.
 */

/** The hall asked for: the caller's own unless another is named (and then it must be theirs). */
async function callerHall(ctx: TUserContext, hallId: number | undefined): Promise<number> {
  if (hallId === undefined || hallId === ctx.user.hall_id) return ctx.user.hall_id;
  if (!(await findHallById(ctx.db, hallId))) throw appError("HALL_NOT_FOUND", "NOT_FOUND");
  throw appError("FORBIDDEN", "FORBIDDEN");
}

function refuseDepartmentHead(ctx: TUserContext): void {
  if (departmentScope(ctx) !== undefined) throw appError("REPORT_ARCHIVE_HALL_ONLY", "FORBIDDEN");
}

function scopeOf(ctx: TUserContext): { departmentId?: number } {
  const departmentId = departmentScope(ctx);
  return departmentId === undefined ? {} : { departmentId };
}

function versionRow(row: TMonthlyReportRow) {
  return { ...row, createdAt: row.createdAt.toISOString(), finishedAt: row.finishedAt?.toISOString() ?? null };
}

export const reportRouter = {
  /** The month's report: the newest archived version, or built live when the closed month has none yet. */
  monthly: authedProcedure
    .meta({ openapi: { method: "GET", path: "/reports/monthly", tags: ["reports"], summary: "月度满意度报告" } })
    .input(ZMonthlyReportInput)
    .output(ZMonthlyReportView)
    .query(async ({ ctx, input }) =>
      monthlyReport(ctx, await callerHall(ctx, input.hallId), input.month, scopeOf(ctx)),
    ),

  /** Every archived version of a hall × month, newest first. */
  versions: authedProcedure
    .meta({ openapi: { method: "GET", path: "/reports/monthly/versions", tags: ["reports"], summary: "月报存档版本" } })
    .input(ZMonthlyReportInput)
    .output(ZReportVersionRow.array())
    .query(async ({ ctx, input }) => {
      refuseDepartmentHead(ctx);
      const rows = await listReportVersions(ctx, await callerHall(ctx, input.hallId), input.month);
      return rows.map(versionRow);
    }),

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
    .query(async ({ ctx, input }) => {
      refuseDepartmentHead(ctx);
      const version = await getReportVersion(ctx, ctx.user.hall_id, input.id);
      return { ...versionRow(version), report: version.report };
    }),

  /** A new version of a closed month's report; the old ones stay. Returns at once: poll `version`. */
  regenerate: authedProcedure.input(ZMonthlyReportInput).mutation(async ({ ctx, input }) => {
    const hallId = await callerHall(ctx, input.hallId);
    const started = await regenerateMonthlyReport(ctx, hallId, input.month, ctx.user.id);
    // Built in the background; `done` never rejects, and the row records a failure.
    void started.done;
    return { id: started.id, version: started.version };
  }),

  /** The yearly summary: the figures of the hall's annual report, month by month. */
  yearly: authedProcedure
    .meta({ openapi: { method: "GET", path: "/reports/yearly", tags: ["reports"], summary: "年度汇总" } })
    .input(ZYearlyReportInput)
    .output(ZYearlyReport)
    .query(async ({ ctx, input }) => yearlySummary(ctx, await callerHall(ctx, input.hallId), input.year, scopeOf(ctx))),
} satisfies TRPCRouterRecord;
