import { findCaseImport, insertCaseImport, updateCaseImport, type TImportMode, type TImportStatus } from "@hcp/db";
import { APP_ERROR_MESSAGES } from "@hcp/domain";

import { appError } from "../../errors";
import { log } from "../../log";
import { importFileBytes, ImportFileRefusal, importFormatOf, type TImportFile } from "../import-file";
import { fieldRefusal, type TIntegrationContext } from "../integration-case/cases";
import { readImportFile } from "./file";
import { importCases, type TImportProgress, type TRowError } from "./import";

/**
 * Import jobs: the upload returns at once with a job id, the work runs on in this process, and its
 * progress and report live in `case_import`, so a page that polls — or a manager back after a
 * server restart — reads the same report. A job whose process went away stops moving: it is
 * reported as interrupted, and importing the same file again finishes it (rows are upserts).
 */

/** The report keeps this many row errors; error_count says how many there were. */
const MAX_REPORTED_ERRORS = 2000;
/** A running job that has not moved for this long has lost its process. */
const STALE_MS = 2 * 60_000;

const running = new Map<number, Promise<void>>();

/** Resolves when the job this process runs has finished (at once for any other): tests, shutdown. */
export function importSettled(importId: number): Promise<void> {
  return running.get(importId) ?? Promise.resolve();
}

async function saveProgress(ctx: TIntegrationContext, importId: number, progress: TImportProgress): Promise<void> {
  await updateCaseImport(ctx.db, importId, {
    progress: progress.progress,
    valid_rows: progress.validRows,
    error_rows: progress.errorRows,
    created_rows: progress.createdRows,
    updated_rows: progress.updatedRows,
    updated_at: ctx.now(),
  });
}

async function finish(
  ctx: TIntegrationContext,
  importId: number,
  outcome: {
    status: TImportStatus;
    failure?: string;
    totalRows?: number;
    errors?: TRowError[];
    progress?: TImportProgress;
  },
): Promise<void> {
  const errors = outcome.errors ?? [];
  const now = ctx.now();
  await updateCaseImport(ctx.db, importId, {
    status: outcome.status,
    failure: outcome.failure ?? "",
    progress: 100,
    ...(outcome.totalRows === undefined ? {} : { total_rows: outcome.totalRows }),
    ...(outcome.progress
      ? {
          valid_rows: outcome.progress.validRows,
          error_rows: outcome.progress.errorRows,
          created_rows: outcome.progress.createdRows,
          updated_rows: outcome.progress.updatedRows,
        }
      : {}),
    error_count: errors.length,
    errors: JSON.stringify(errors.slice(0, MAX_REPORTED_ERRORS)),
    updated_at: now,
    finished_at: now,
  });
}

async function runImport(
  ctx: TIntegrationContext,
  importId: number,
  bytes: Uint8Array,
  format: "csv" | "xlsx",
  mode: TImportMode,
): Promise<void> {
  try {
    const rows = await readImportFile(bytes, format);
    await updateCaseImport(ctx.db, importId, { total_rows: rows.length, updated_at: ctx.now() });
    const report = await importCases(ctx, rows, {
      mode,
      importId,
      onProgress: (progress) => saveProgress(ctx, importId, progress),
    });
    const refused = mode === "all-or-nothing" && !report.imported && report.errorRows > 0;
    await finish(ctx, importId, {
      status: refused ? "refused" : "done",
      failure: refused ? APP_ERROR_MESSAGES.CASE_IMPORT_ROWS_INVALID : "",
      totalRows: report.totalRows,
      errors: report.errors,
      progress: report,
    });
  } catch (error) {
    if (error instanceof ImportFileRefusal) return finish(ctx, importId, { status: "refused", failure: error.message });
    // The error's class, code and frames only: its message may quote a row — names, phone numbers.
    log.error({ component: "case-import", importId, err: error }, "case import failed");
    await finish(ctx, importId, { status: "failed", failure: APP_ERROR_MESSAGES.INTERNAL }).catch(() => undefined);
  }
}

/** Accepts a file, records its job and starts it; the answer is the job id, before any row is read. */
export async function startCaseImport(
  ctx: TIntegrationContext,
  file: TImportFile,
  mode: TImportMode,
): Promise<{ importId: number }> {
  const format = importFormatOf(file.fileName);
  if (!format)
    throw fieldRefusal([{ field: "fileName", code: "CASE_IMPORT_UNREADABLE", message: "请上传 .csv 或 .xlsx 文件" }]);
  const bytes = importFileBytes(file);
  const now = ctx.now();
  const importId = await insertCaseImport(ctx.db, {
    hall_id: ctx.integration.hallId,
    created_by: ctx.integration.actorUserId,
    file_name: file.fileName,
    format,
    mode,
    status: "running",
    errors: "[]",
    created_at: now,
    updated_at: now,
    finished_at: null,
  });
  const run = runImport(ctx, importId, bytes, format, mode).finally(() => running.delete(importId));
  running.set(importId, run);
  return { importId };
}

export interface TImportView {
  id: number;
  fileName: string;
  format: "csv" | "xlsx";
  mode: TImportMode;
  status: TImportStatus | "interrupted";
  progress: number;
  totalRows: number;
  validRows: number;
  errorRows: number;
  createdRows: number;
  updatedRows: number;
  unchangedRows: number;
  errorCount: number;
  errors: TRowError[];
  failure: string;
  createdAt: string;
  finishedAt: string | null;
}

/** A job of the caller's hall, with its report. */
export async function readCaseImport(ctx: TIntegrationContext, importId: number): Promise<TImportView> {
  const row = await findCaseImport(ctx.db, importId);
  if (row?.hall_id !== ctx.integration.hallId || !row) throw appError("CASE_IMPORT_NOT_FOUND", "NOT_FOUND");
  const stale =
    row.status === "running" && !running.has(row.id) && ctx.now().getTime() - row.updated_at.getTime() > STALE_MS;
  const written = row.mode !== "validate" && row.status === "done";
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format,
    mode: row.mode,
    status: stale ? "interrupted" : row.status,
    progress: row.progress,
    totalRows: row.total_rows,
    validRows: row.valid_rows,
    errorRows: row.error_rows,
    createdRows: row.created_rows,
    updatedRows: row.updated_rows,
    unchangedRows: written ? Math.max(0, row.valid_rows - row.created_rows - row.updated_rows) : 0,
    errorCount: row.error_count,
    // Our own JSON, written by this file's runner from the importer's TRowError list.
    errors: JSON.parse(row.errors) as TRowError[],
    failure: row.failure,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}
