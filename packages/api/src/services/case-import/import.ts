import type { TImportMode } from "@hcp/db";
import { labelOf } from "@hcp/domain";

import { audit } from "../audit";
import type { TImportRow } from "../import-file";
import type { TIntegrationContext } from "../integration-case/cases";
import { loadLookups, planCase, type TCasePlan, type TFieldProblem } from "../integration-case/plan";
import { ZIntegrationCaseUpsert, type TIntegrationCaseUpsert } from "../integration-case/schema";
import { writeCasePlans } from "../integration-case/store";
import { CASE_IMPORT_COLUMNS } from "./file";

/**
 * Bulk import of cases (SPEC §4): every row is checked first — the API's schema and the same
 * lookups and rules as PUT /integration/cases/{caseNo} — and nothing is written while any row is
 * wrong, unless the caller asked for the valid rows alone. Rows are then written in chunks, each
 * in a transaction of its own with its audit record, re-planned inside it so a case changed since
 * the check is judged on what it is now.
 */

export interface TRowError {
  row: number;
  field: string;
  /** the field's column header in the template, for people reading the report */
  column: string;
  message: string;
}

export interface TImportProgress {
  /** 0–100 over the whole job: checking, then writing */
  progress: number;
  validRows: number;
  errorRows: number;
  createdRows: number;
  updatedRows: number;
}

export interface TImportReport extends TImportProgress {
  totalRows: number;
  /** false when nothing was written because of bad rows (all-or-nothing) or by request (validate) */
  imported: boolean;
  errors: TRowError[];
}

const CHECK_CHUNK = 1000;
const WRITE_CHUNK = 500;

function rowError(row: number, problem: Pick<TFieldProblem, "field" | "message">): TRowError {
  const column = labelOf(CASE_IMPORT_COLUMNS, problem.field);
  return { row, field: problem.field, column, message: problem.message };
}

interface TCheckedRow {
  rowNo: number;
  input: TIntegrationCaseUpsert;
}

/** Schema, duplicates within the file, then codes and rules against the database, chunk by chunk. */
async function checkRows(
  ctx: TIntegrationContext,
  rows: readonly TImportRow[],
  onChunk: (checked: number) => Promise<void>,
): Promise<{ valid: TCheckedRow[]; errors: TRowError[]; errorRows: number }> {
  const errors: TRowError[] = [];
  const valid: TCheckedRow[] = [];
  const firstRowOf = new Map<string, number>();
  let errorRows = 0;
  for (let start = 0; start < rows.length; start += CHECK_CHUNK) {
    const parsed: TCheckedRow[] = [];
    for (const row of rows.slice(start, start + CHECK_CHUNK)) {
      const result = ZIntegrationCaseUpsert.safeParse(row.values);
      const caseNo = typeof row.values.caseNo === "string" ? row.values.caseNo.trim() : "";
      const earlier = caseNo ? firstRowOf.get(caseNo) : undefined;
      if (caseNo && earlier === undefined) firstRowOf.set(caseNo, row.rowNo);
      const problems = result.success
        ? []
        : result.error.issues.map((issue) => ({ field: String(issue.path[0] ?? ""), message: issue.message }));
      if (earlier !== undefined)
        problems.unshift({ field: "caseNo", message: `与第 ${String(earlier)} 行的办件编号重复` });
      if (problems.length > 0 || !result.success) {
        errorRows++;
        errors.push(...problems.map((problem) => rowError(row.rowNo, problem)));
      } else parsed.push({ rowNo: row.rowNo, input: result.data });
    }
    const lookups = await loadLookups(
      ctx.db,
      ctx.integration.hallId,
      parsed.map((row) => row.input),
    );
    for (const row of parsed) {
      const planned = planCase(row.input, {
        hallId: ctx.integration.hallId,
        now: ctx.now(),
        dataKey: ctx.dataKey,
        lookups,
      });
      if (planned.ok) valid.push(row);
      else {
        errorRows++;
        errors.push(...planned.problems.map((problem) => rowError(row.rowNo, problem)));
      }
    }
    await onChunk(Math.min(start + CHECK_CHUNK, rows.length));
  }
  return { valid, errors, errorRows };
}

/** Thrown inside a chunk's transaction to roll it back when all-or-nothing meets a changed case. */
class ChunkRefused extends Error {}

export async function importCases(
  ctx: TIntegrationContext,
  rows: readonly TImportRow[],
  options: { mode: TImportMode; importId?: number; onProgress?: (progress: TImportProgress) => Promise<void> },
): Promise<TImportReport> {
  const total = rows.length;
  const checkShare = options.mode === "validate" ? 100 : 30;
  const state: TImportProgress = { progress: 0, validRows: 0, errorRows: 0, createdRows: 0, updatedRows: 0 };
  const report = async (progress: number) => {
    state.progress = Math.min(100, Math.floor(progress));
    await options.onProgress?.({ ...state });
  };

  const checked = await checkRows(ctx, rows, (count) =>
    report(total === 0 ? checkShare : (checkShare * count) / total),
  );
  const errors = checked.errors;
  state.validRows = checked.valid.length;
  state.errorRows = checked.errorRows;
  const refused = options.mode === "validate" || (options.mode === "all-or-nothing" && checked.errorRows > 0);
  if (refused || checked.valid.length === 0) {
    await report(100);
    return { ...state, totalRows: total, imported: false, errors };
  }

  const { hallId, actorUserId, actorRole } = ctx.integration;
  for (let start = 0; start < checked.valid.length; start += WRITE_CHUNK) {
    const chunk = checked.valid.slice(start, start + WRITE_CHUNK);
    const chunkErrors: TRowError[] = [];
    const written = await ctx.db
      .transaction()
      .execute(async (trx) => {
        const lookups = await loadLookups(
          trx,
          hallId,
          chunk.map((row) => row.input),
        );
        const plans: TCasePlan[] = [];
        for (const row of chunk) {
          const planned = planCase(row.input, { hallId, now: ctx.now(), dataKey: ctx.dataKey, lookups });
          if (planned.ok) plans.push(planned.plan);
          else chunkErrors.push(...planned.problems.map((problem) => rowError(row.rowNo, problem)));
        }
        if (chunkErrors.length > 0 && options.mode === "all-or-nothing") throw new ChunkRefused();
        // A file imported again: nothing to write, nothing to record.
        if (plans.every((plan) => plan.kind === "unchanged")) return { created: 0, updated: 0 };
        const result = await writeCasePlans(trx, hallId, plans);
        await audit(
          trx,
          { actorUserId, actorRole, now: ctx.now() },
          {
            action: "case.import",
            entity: "case_import",
            entityId: options.importId ?? 0,
            detail: { firstRow: chunk[0]?.rowNo, rows: chunk.length, created: result.created, updated: result.updated },
          },
        );
        return result;
      })
      .catch((error: unknown) => {
        if (error instanceof ChunkRefused) return null;
        throw error;
      });
    errors.push(...chunkErrors);
    state.errorRows += new Set(chunkErrors.map((error) => error.row)).size;
    state.validRows -= new Set(chunkErrors.map((error) => error.row)).size;
    if (!written) {
      // A case changed between the check and this chunk: what was written before stays (each
      // chunk is whole), the rest is not written, and the report says which rows and why.
      await report(100);
      return { ...state, totalRows: total, imported: start > 0, errors };
    }
    state.createdRows += written.created;
    state.updatedRows += written.updated;
    await report(checkShare + ((100 - checkShare) * (start + chunk.length)) / checked.valid.length);
  }
  return { ...state, progress: 100, totalRows: total, imported: true, errors };
}
