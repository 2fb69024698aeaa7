import type { Readable } from "node:stream";

import { findHallById, listLatestReadyReports, listMonthlyReportVersions, type User } from "@hcp/db";

import { admit, ruleOf } from "../access";
import type { TContext } from "../context-types";
import { appError } from "../errors";
import { departmentScope } from "../services/overview";
import { getReportVersion, monthlyReport } from "../services/report/archive";
import { requireClosedMonth } from "../services/report/month";
import type { TMonthlyReport } from "../services/report/types";
import { ratingRowsCsv } from "./rating-csv";
import { reportPdf } from "./report-pdf";
import { reportXlsx } from "./report-xlsx";

/**
 * What a download of the monthly report is, decided without HTTP: who may have it, which report
 * (an archived version, else the newest ready one, else built live for a closed month), and the
 * bytes with their name and type. The same rules as `report.monthly`: the caller's own hall only;
 * a department head gets their department's live report and neither archived versions nor the
 * hall-wide rating rows. The three formats resolve the version alike: the CSV of an archived
 * version holds the rating rows that version counted (received and withdrawn as of its
 * generation), so every file of one version agrees with its page.
 */
export const REPORT_FORMATS = ["pdf", "xlsx", "csv"] as const;
export type TReportFormat = (typeof REPORT_FORMATS)[number];

const CONTENT_TYPES: Record<TReportFormat, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

export interface TReportDownloadRequest {
  hallId: number;
  month: string;
  format: TReportFormat;
  /** an archived version; the newest ready one (or a live build) when absent, for every format */
  version?: number;
}

export interface TReportDownload {
  contentType: string;
  /** e.g. "LX-2023-06-满意度月报.pdf" */
  filename: string;
  /** the same in ASCII, for clients that ignore RFC 5987's filename* */
  asciiFilename: string;
  /** a Buffer for the report; the CSV streams */
  body: Buffer | Readable;
}

type TSignedIn = TContext & { user: User };

/** Admitted by the access rule `report.download`, as every procedure is by its own. */
async function signedInReader(ctx: TContext): Promise<TSignedIn> {
  await admit(ctx, ruleOf("report.download"));
  const user = await ctx.credentials.user();
  if (!user) throw appError("UNAUTHENTICATED", "UNAUTHORIZED");
  return { ...ctx, user };
}

/** Another hall's report is never the caller's: unknown halls and others' halls refused apart. */
async function requireOwnHall(ctx: TSignedIn, hallId: number): Promise<{ code: string }> {
  const hall = await findHallById(ctx.db, hallId);
  if (!hall) throw appError("HALL_NOT_FOUND", "NOT_FOUND");
  if (hall.id !== ctx.user.hall_id) throw appError("FORBIDDEN", "FORBIDDEN");
  return hall;
}

async function archivedVersion(
  ctx: TSignedIn,
  hallId: number,
  month: string,
  version: number,
): Promise<TMonthlyReport> {
  if (departmentScope(ctx) !== undefined) throw appError("REPORT_ARCHIVE_HALL_ONLY", "FORBIDDEN");
  const row = (await listMonthlyReportVersions(ctx.db, hallId, month)).find(
    (candidate) => candidate.version === version,
  );
  if (row?.status === "generating") throw appError("REPORT_GENERATING", "CONFLICT");
  const archived = row ? await getReportVersion(ctx, hallId, row.id) : null;
  if (!archived?.report) throw appError("REPORT_VERSION_NOT_FOUND", "NOT_FOUND");
  return archived.report;
}

/**
 * Whose rating rows the CSV holds: the named archived version's, else the newest ready one's,
 * else (nothing archived yet) the live rows. The time is the version's generation.
 */
async function csvVersion(
  ctx: TSignedIn,
  hallId: number,
  month: string,
  version?: number,
): Promise<{ version: number; asOf: Date } | null> {
  if (version !== undefined)
    return { version, asOf: new Date((await archivedVersion(ctx, hallId, month, version)).generatedAt) };
  const [latest] = await listLatestReadyReports(ctx.db, hallId, month, month);
  if (!latest) return null;
  const archived = await getReportVersion(ctx, hallId, latest.id);
  return archived.report ? { version: latest.version, asOf: new Date(archived.report.generatedAt) } : null;
}

/** ASCII stand-in for a name part: letters, digits, dot, dash; anything else becomes "_". */
function ascii(text: string): string {
  return text.replace(/[^\w.-]/g, "_");
}

export async function reportDownload(context: TContext, request: TReportDownloadRequest): Promise<TReportDownload> {
  const ctx = await signedInReader(context);
  const hall = await requireOwnHall(ctx, request.hallId);
  // Reports exist for closed months only: archived ones are, and a live one must be.
  requireClosedMonth(request.month, ctx.now());
  const departmentId = departmentScope(ctx);
  const stem = `${hall.code}-${request.month}`;

  if (request.format === "csv") {
    if (departmentId !== undefined) throw appError("REPORT_CSV_HALL_ONLY", "FORBIDDEN");
    const archived = await csvVersion(ctx, request.hallId, request.month, request.version);
    const suffix = archived ? `-v${String(archived.version)}` : "";
    return {
      contentType: CONTENT_TYPES.csv,
      filename: `${stem}-评价明细${suffix}.csv`,
      asciiFilename: `${ascii(stem)}-ratings${suffix}.csv`,
      body: ratingRowsCsv(ctx.db, request.hallId, request.month, archived ? { asOf: archived.asOf } : {}),
    };
  }

  let report: TMonthlyReport;
  let version = request.version;
  if (version !== undefined) {
    report = await archivedVersion(ctx, request.hallId, request.month, version);
  } else {
    const view = await monthlyReport(
      ctx,
      request.hallId,
      request.month,
      departmentId === undefined ? {} : { departmentId },
    );
    report = view.report;
    version = view.version ?? undefined;
  }
  const department = report.scope?.departmentName;
  const suffix = `${department ? `-${department}` : ""}${version === undefined ? "" : `-v${String(version)}`}`;
  const asciiSuffix = `${departmentId === undefined ? "" : `-department${String(departmentId)}`}${version === undefined ? "" : `-v${String(version)}`}`;
  return {
    contentType: CONTENT_TYPES[request.format],
    filename: `${stem}-满意度月报${suffix}.${request.format}`,
    asciiFilename: `${ascii(stem)}-report${asciiSuffix}.${request.format}`,
    body: request.format === "pdf" ? await reportPdf(report) : await reportXlsx(report),
  };
}
