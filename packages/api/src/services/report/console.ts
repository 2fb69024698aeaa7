import type { TUserContext } from "../overview";
import {
  getReportVersion,
  listReportVersions,
  monthlyReport,
  regenerateMonthlyReport,
  type TMonthlyReportView,
} from "./archive";
import { callerHall, callerScope, refuseDepartmentHead, versionRow } from "./caller";
import type { TYearlyReport } from "./types";
import { yearlySummary } from "./yearly";

/**
 * The monthly satisfaction report and its archive as the console and the REST API ask for them
 * (SPEC §7): hall managers, leadership, auditors and administrators read the hall's; a department
 * head reads a live report of their own department (the archive is hall-wide, so its versions are
 * not theirs to list).
 */

/** The month's report: the newest archived version, or built live when the closed month has none yet. */
export async function callerMonthlyReport(
  ctx: TUserContext,
  input: { hallId?: number; month: string },
): Promise<TMonthlyReportView> {
  return monthlyReport(ctx, await callerHall(ctx, input.hallId), input.month, callerScope(ctx));
}

/** Every archived version of a hall × month, newest first. */
export async function callerReportVersions(ctx: TUserContext, input: { hallId?: number; month: string }) {
  refuseDepartmentHead(ctx);
  const rows = await listReportVersions(ctx, await callerHall(ctx, input.hallId), input.month);
  return rows.map(versionRow);
}

/** One archived version of the caller's hall: status and progress while generating, the report once ready. */
export async function callerReportVersion(ctx: TUserContext, id: number) {
  refuseDepartmentHead(ctx);
  const version = await getReportVersion(ctx, ctx.user.hall_id, id);
  return { ...versionRow(version), report: version.report };
}

/** A new version of a closed month's report; the old ones stay. Returns at once: the caller polls it. */
export async function regenerateCallerReport(
  ctx: TUserContext,
  input: { hallId?: number; month: string },
): Promise<{ id: number; version: number }> {
  const hallId = await callerHall(ctx, input.hallId);
  const started = await regenerateMonthlyReport(ctx, hallId, input.month, ctx.user.id);
  // Built in the background; `done` never rejects, and the row records a failure.
  void started.done;
  return { id: started.id, version: started.version };
}

/** The yearly summary: the figures of the hall's annual report, month by month. */
export async function callerYearlySummary(
  ctx: TUserContext,
  input: { hallId?: number; year: number },
): Promise<TYearlyReport> {
  return yearlySummary(ctx, await callerHall(ctx, input.hallId), input.year, callerScope(ctx));
}
