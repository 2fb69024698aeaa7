import type { TContext } from "../../../context-types";
import type { TUserContext } from "../../overview";
import { versionRow } from "../../report/caller";
import { requireCountyScope } from "../scope";
import {
  countyReport,
  getCountyReportVersion,
  listCountyReportVersions,
  regenerateCountyReport,
  type TCountyReportView,
} from "./archive";
import { countyYearlySummary } from "./yearly";

/**
 * The county report and its archive as the console and the REST API ask for them: only a
 * county-scoped user, and only their own county (requireCountyScope refuses everyone else with
 * COUNTY_SCOPE_REQUIRED).
 */
async function callerCounty(ctx: TContext): Promise<number> {
  return (await requireCountyScope(ctx)).county.id;
}

function countyVersionRow(row: Parameters<typeof versionRow>[0]) {
  const { hallId, ...rest } = versionRow(row);
  return { ...rest, countyId: hallId };
}

export async function callerCountyReport(ctx: TUserContext, input: { month: string }): Promise<TCountyReportView> {
  return countyReport(ctx, await callerCounty(ctx), input.month);
}

export async function callerCountyReportVersions(ctx: TUserContext, input: { month: string }) {
  const rows = await listCountyReportVersions(ctx, await callerCounty(ctx), input.month);
  return rows.map(countyVersionRow);
}

export async function callerCountyReportVersion(ctx: TUserContext, id: number) {
  const version = await getCountyReportVersion(ctx, await callerCounty(ctx), id);
  return { ...countyVersionRow(version), report: version.report };
}

/** A new version of a closed month's county report; returns at once, the caller polls the version. */
export async function regenerateCallerCountyReport(
  ctx: TUserContext,
  input: { month: string },
): Promise<{ id: number; version: number }> {
  const started = await regenerateCountyReport(ctx, await callerCounty(ctx), input.month, ctx.user.id);
  // Built in the background; `done` never rejects, and the row records a failure.
  void started.done;
  return { id: started.id, version: started.version };
}

export async function callerCountyYearly(ctx: TUserContext, input: { year: number }) {
  return countyYearlySummary(ctx, await callerCounty(ctx), input.year);
}
