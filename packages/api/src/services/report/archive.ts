import {
  failMonthlyReport,
  findMonthlyReport,
  finishMonthlyReport,
  insertMonthlyReportVersion,
  listLatestReadyReports,
  listMonthlyReportVersions,
  setMonthlyReportProgress,
  type TMonthlyReportRow,
  type TReportArchive,
} from "@hcp/db";
import { METRIC_DEFINITIONS_VERSION } from "@hcp/domain";

import { appError, isDuplicateKey } from "../../errors";
import {
  buildMonthlyReport,
  calendarMarks,
  hallOrThrow,
  type TCalendarMarks,
  type TProgress,
  type TReportDeps,
  type TReportScope,
} from "./build";
import { checkMonth, requireClosedMonth } from "./month";
import type { TMonthlyReport } from "./types";

/**
 * The immutable archive of monthly reports: each generation is a new version row of its hall ×
 * month, 'generating' → 'ready' (body stored once) or 'failed' (error, no body). No ready row is
 * written again: every update is conditional on the row still generating. The unique key
 * (hall_id, month, version) settles races between processes and double clicks alike.
 */

/** A version still 'generating' after this long was left by a process that died: another may take over. */
const REPORT_STALE_MINUTES = 15;

export const INTERRUPTED_MESSAGE = `生成中断：超过 ${String(REPORT_STALE_MINUTES)} 分钟未完成，已重新生成`;

export function staleBefore(now: Date): Date {
  return new Date(now.getTime() - REPORT_STALE_MINUTES * 60_000);
}

export interface TStartedReport {
  id: number;
  version: number;
  /** settles when the version is ready or failed; never rejects */
  done: Promise<"ready" | "failed" | "taken_over">;
}

/**
 * What an archive of reports needs besides its rows: the hall's monthly report (monthly_report) and
 * the county's (county_report) are versioned, claimed, filled and taken over by the same code.
 */
export interface TArchiveKind {
  archive: TReportArchive;
  /** the unique key (owner, month, version) a concurrent claim runs into */
  uniqueKey: string;
  /** refuses an owner that does not exist */
  requireOwner: (deps: TReportDeps, ownerId: number) => Promise<unknown>;
  build: (deps: TReportDeps, ownerId: number, month: string, onProgress: TProgress) => Promise<unknown>;
}

const HALL_ARCHIVE: TArchiveKind = {
  archive: "hall",
  uniqueKey: "monthly_report_hall_id_month_version_uq",
  requireOwner: (deps, hallId) => hallOrThrow(deps.db, hallId),
  build: (deps, hallId, month, onProgress) => buildMonthlyReport(deps, hallId, month, onProgress),
};

/**
 * Inserts the version row. With `version` the caller claims exactly that version (the scheduler
 * claims version 1): null when another process holds it. Without, the next free version is taken,
 * trying again when a concurrent regeneration took the same number.
 */
async function claimVersion(
  kind: TArchiveKind,
  deps: TReportDeps,
  ownerId: number,
  month: string,
  createdBy: number | null,
  version?: number,
): Promise<{ id: number; version: number } | null> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const claimed =
      version ?? ((await listMonthlyReportVersions(deps.db, ownerId, month, kind.archive))[0]?.version ?? 0) + 1;
    try {
      const id = await insertMonthlyReportVersion(
        deps.db,
        {
          hallId: ownerId,
          month,
          version: claimed,
          definitionsVersion: METRIC_DEFINITIONS_VERSION,
          createdBy,
          now: deps.now(),
        },
        kind.archive,
      );
      return { id, version: claimed };
    } catch (error) {
      if (!isDuplicateKey(error, kind.uniqueKey)) throw error;
      if (version !== undefined) return null;
    }
  }
  throw appError("REPORT_GENERATING", "CONFLICT");
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function fill(
  kind: TArchiveKind,
  deps: TReportDeps,
  ownerId: number,
  month: string,
  id: number,
): Promise<"ready" | "failed" | "taken_over"> {
  try {
    const report = await kind.build(deps, ownerId, month, async (percent) => {
      await setMonthlyReportProgress(deps.db, id, percent, kind.archive);
    });
    const body = JSON.stringify(report);
    return (await finishMonthlyReport(deps.db, id, body, deps.now(), kind.archive)) ? "ready" : "taken_over";
  } catch (error) {
    // The row says why; nothing half-built reaches the body.
    const failed = await failMonthlyReport(deps.db, id, errorText(error), deps.now(), undefined, kind.archive).catch(
      () => false,
    );
    return failed ? "failed" : "taken_over";
  }
}

interface TStartOptions {
  userId?: number | null;
  version?: number;
}

type TGenerated = { id: number; version: number; status: "ready" | "failed" | "taken_over" } | null;

/**
 * Starts a new version of a closed month's report and returns once its row exists; the body is
 * built in the background (`done`). `version` claims that exact version (null when another
 * process holds it).
 */
async function startReport(
  kind: TArchiveKind,
  deps: TReportDeps,
  ownerId: number,
  month: string,
  options: TStartOptions = {},
): Promise<TStartedReport | null> {
  requireClosedMonth(month, deps.now());
  await kind.requireOwner(deps, ownerId);
  const claimed = await claimVersion(kind, deps, ownerId, month, options.userId ?? null, options.version);
  if (!claimed) return null;
  return { ...claimed, done: fill(kind, deps, ownerId, month, claimed.id) };
}

/** Generates a version and waits for it: the scheduler's and the tests' way in. */
export async function generateArchivedReport(
  kind: TArchiveKind,
  deps: TReportDeps,
  ownerId: number,
  month: string,
  options: TStartOptions = {},
): Promise<TGenerated> {
  const started = await startReport(kind, deps, ownerId, month, options);
  if (!started) return null;
  return { id: started.id, version: started.version, status: await started.done };
}

export async function generateMonthlyReport(
  deps: TReportDeps,
  hallId: number,
  month: string,
  options: TStartOptions = {},
): Promise<TGenerated> {
  return generateArchivedReport(HALL_ARCHIVE, deps, hallId, month, options);
}

/** A person's regeneration: refused while a live (not stale) version of the month is being built. */
export async function regenerateArchivedReport(
  kind: TArchiveKind,
  deps: TReportDeps,
  ownerId: number,
  month: string,
  userId: number,
): Promise<TStartedReport> {
  requireClosedMonth(month, deps.now());
  const versions = await listMonthlyReportVersions(deps.db, ownerId, month, kind.archive);
  const cutoff = staleBefore(deps.now());
  if (versions.some((row) => row.status === "generating" && row.createdAt >= cutoff))
    throw appError("REPORT_GENERATING", "CONFLICT");
  const started = await startReport(kind, deps, ownerId, month, { userId });
  if (!started) throw appError("REPORT_GENERATING", "CONFLICT");
  return started;
}

export async function regenerateMonthlyReport(
  deps: TReportDeps,
  hallId: number,
  month: string,
  userId: number,
): Promise<TStartedReport> {
  return regenerateArchivedReport(HALL_ARCHIVE, deps, hallId, month, userId);
}

/** One archived version with its body parsed, only within its owner (else not found). */
export async function findArchivedVersion<TReport>(
  kind: TArchiveKind,
  deps: TReportDeps,
  ownerId: number,
  id: number,
): Promise<TMonthlyReportRow & { report: TReport | null }> {
  const row = await findMonthlyReport(deps.db, id, kind.archive);
  if (row?.hallId !== ownerId) throw appError("REPORT_NOT_FOUND", "NOT_FOUND");
  const { body, ...version } = row;
  // Our own JSON, written once from a report of this archive by `fill`.
  return { ...version, report: body === null ? null : (JSON.parse(body) as TReport) };
}

/** The newest ready version of a month with its report, or null while none is archived. */
export async function latestArchivedReport<TReport>(
  kind: TArchiveKind,
  deps: TReportDeps,
  ownerId: number,
  month: string,
): Promise<{ versionId: number; version: number; report: TReport } | null> {
  const [latest] = await listLatestReadyReports(deps.db, ownerId, month, month, kind.archive);
  if (!latest) return null;
  const found = await findArchivedVersion<TReport>(kind, deps, ownerId, latest.id);
  return found.report ? { versionId: latest.id, version: latest.version, report: found.report } : null;
}

export interface TReportVersion extends TMonthlyReportRow {
  report: TMonthlyReport | null;
}

export async function listReportVersions(
  deps: TReportDeps,
  hallId: number,
  month: string,
): Promise<TMonthlyReportRow[]> {
  checkMonth(month);
  await hallOrThrow(deps.db, hallId);
  return listMonthlyReportVersions(deps.db, hallId, month);
}

/** One version with its report once ready; only within the caller's hall. */
export async function getReportVersion(deps: TReportDeps, hallId: number, id: number): Promise<TReportVersion> {
  return findArchivedVersion<TMonthlyReport>(HALL_ARCHIVE, deps, hallId, id);
}

export interface TMonthlyReportView {
  /** "archive": the newest ready version; "live": built now, none archived yet */
  source: "archive" | "live";
  versionId: number | null;
  version: number | null;
  report: TMonthlyReport;
  /** an archived version says 暂按周末计算 where every year it rests on is confirmed now: 重新生成 recounts it */
  recountable: boolean;
}

/** Whether a report's marks say 暂按周末计算 anywhere (its working days or its on-time figures). */
function saysProvisional(marks: TCalendarMarks): boolean {
  const { workingDaysProvisional: days, deadlinesProvisional: deadlines } = marks;
  return [
    days.current,
    days.previousMonth,
    days.lastYear,
    deadlines.onTimeCompletion.current,
    deadlines.onTimeCompletion.previousMonth,
    deadlines.onTimeCompletion.lastYear,
    deadlines.workOrders,
  ].some(Boolean);
}

/**
 * An archived report is a snapshot and is never rewritten: one counted while a year was unconfirmed
 * keeps its 暂按周末计算 marks. Once the figures it marked no longer rest on any unconfirmed year, a
 * new version would count them on the confirmed calendar, so the console offers 重新生成.
 */
async function isRecountable(deps: TReportDeps, hallId: number, report: TMonthlyReport): Promise<boolean> {
  return saysProvisional(report.summary) && !saysProvisional(await calendarMarks(deps.db, hallId, report.month));
}

export async function monthlyReport(
  deps: TReportDeps,
  hallId: number,
  month: string,
  scope: TReportScope = {},
): Promise<TMonthlyReportView> {
  checkMonth(month);
  await hallOrThrow(deps.db, hallId);
  if (scope.departmentId === undefined) {
    const latest = await latestArchivedReport<TMonthlyReport>(HALL_ARCHIVE, deps, hallId, month);
    if (latest) return { source: "archive", ...latest, recountable: await isRecountable(deps, hallId, latest.report) };
  }
  requireClosedMonth(month, deps.now());
  return {
    source: "live",
    versionId: null,
    version: null,
    report: await buildMonthlyReport(deps, hallId, month, undefined, scope),
    recountable: false,
  };
}
