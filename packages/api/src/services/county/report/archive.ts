import { listMonthlyReportVersions, type TMonthlyReportRow } from "@hcp/db";

import {
  findArchivedVersion,
  generateArchivedReport,
  latestArchivedReport,
  regenerateArchivedReport,
  type TArchiveKind,
  type TStartedReport,
} from "../../report/archive";
import type { TReportDeps } from "../../report/build";
import { checkMonth, requireClosedMonth } from "../../report/month";
import { buildCountyReport, countyOrThrow, type TCountyMonthlyReport } from "./build";

/**
 * The county report's archive (county_report): versioned, claimed, filled and taken over exactly
 * as the hall report's, keyed by the county.
 */
const COUNTY_ARCHIVE: TArchiveKind = {
  archive: "county",
  uniqueKey: "county_report_county_id_month_version_uq",
  requireOwner: countyOrThrow,
  build: buildCountyReport,
};

export interface TCountyReportView {
  source: "archive" | "live";
  versionId: number | null;
  version: number | null;
  report: TCountyMonthlyReport;
}

/** The month's county report: the newest archived version, or built live when the closed month has none yet. */
export async function countyReport(deps: TReportDeps, countyId: number, month: string): Promise<TCountyReportView> {
  checkMonth(month);
  await countyOrThrow(deps, countyId);
  const latest = await latestArchivedReport<TCountyMonthlyReport>(COUNTY_ARCHIVE, deps, countyId, month);
  if (latest) return { source: "archive", ...latest };
  requireClosedMonth(month, deps.now());
  return { source: "live", versionId: null, version: null, report: await buildCountyReport(deps, countyId, month) };
}

export async function listCountyReportVersions(
  deps: TReportDeps,
  countyId: number,
  month: string,
): Promise<TMonthlyReportRow[]> {
  checkMonth(month);
  return listMonthlyReportVersions(deps.db, countyId, month, "county");
}

export async function getCountyReportVersion(deps: TReportDeps, countyId: number, id: number) {
  return findArchivedVersion<TCountyMonthlyReport>(COUNTY_ARCHIVE, deps, countyId, id);
}

/** Generates a version and waits for it (the tests' way in). */
export async function generateCountyReport(
  deps: TReportDeps,
  countyId: number,
  month: string,
  options: { userId?: number | null; version?: number } = {},
) {
  return generateArchivedReport(COUNTY_ARCHIVE, deps, countyId, month, options);
}

/** A person's regeneration: a new version, the old ones stay; refused while one is being built. */
export async function regenerateCountyReport(
  deps: TReportDeps,
  countyId: number,
  month: string,
  userId: number,
): Promise<TStartedReport> {
  return regenerateArchivedReport(COUNTY_ARCHIVE, deps, countyId, month, userId);
}
