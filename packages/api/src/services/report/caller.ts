import { findHallById, type TMonthlyReportRow } from "@hcp/db";

import { appError } from "../../errors";
import { departmentScope, type TUserContext } from "../overview";

/** The hall asked for: the caller's own unless another is named (and then it must be theirs). */
export async function callerHall(ctx: TUserContext, hallId: number | undefined): Promise<number> {
  if (hallId === undefined || hallId === ctx.user.hall_id) return ctx.user.hall_id;
  if (!(await findHallById(ctx.db, hallId))) throw appError("HALL_NOT_FOUND", "NOT_FOUND");
  throw appError("FORBIDDEN", "FORBIDDEN");
}

/** The archive is hall-wide: its versions are not a department head's to list or read. */
export function refuseDepartmentHead(ctx: TUserContext): void {
  if (departmentScope(ctx) !== undefined) throw appError("REPORT_ARCHIVE_HALL_ONLY", "FORBIDDEN");
}

/** A department head's reports cover their own department; everyone else's the whole hall. */
export function callerScope(ctx: TUserContext): { departmentId?: number } {
  const departmentId = departmentScope(ctx);
  return departmentId === undefined ? {} : { departmentId };
}

/** An archived version's row with its instants as ISO strings. */
export function versionRow(row: TMonthlyReportRow) {
  return { ...row, createdAt: row.createdAt.toISOString(), finishedAt: row.finishedAt?.toISOString() ?? null };
}
