import { z } from "zod";

import { ZUploadedFile } from "../schemas";
import { caseImportTemplate } from "../services/case-import/file";
import { readCaseImport, startCaseImport } from "../services/case-import/jobs";
import { integrationProcedure } from "./integration-access";

const ZImportFile = ZUploadedFile.extend({
  mode: z.enum(["validate", "all-or-nothing", "valid-rows"], { error: "请选择校验、全部导入或仅导入无误的行" }),
});

const ZRowError = z.object({ row: z.number(), field: z.string(), column: z.string(), message: z.string() });

const ZImportView = z.object({
  id: z.number(),
  fileName: z.string(),
  format: z.enum(["csv", "xlsx"]),
  mode: z.enum(["validate", "all-or-nothing", "valid-rows"]),
  status: z.enum(["running", "done", "refused", "failed", "interrupted"]),
  progress: z.number(),
  totalRows: z.number(),
  validRows: z.number(),
  errorRows: z.number(),
  createdRows: z.number(),
  updatedRows: z.number(),
  unchangedRows: z.number(),
  errorCount: z.number(),
  errors: z.array(ZRowError),
  failure: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

/**
 * CSV/XLSX import for the console (tRPC only: a file upload is no REST body of ours). The file
 * travels as base64 in one request; the job runs on after the answer, and importStatus is polled.
 */
export const caseImportProcedures = {
  importFile: integrationProcedure
    .input(ZImportFile)
    .output(z.object({ importId: z.number() }))
    .mutation(({ ctx, input }) => startCaseImport(ctx, input, input.mode)),

  importStatus: integrationProcedure
    .input(z.object({ importId: z.number().int().positive() }))
    .output(ZImportView)
    .query(({ ctx, input }) => readCaseImport(ctx, input.importId)),

  /** The template's header row, for the console's download link. */
  importTemplate: integrationProcedure.output(z.object({ fileName: z.string(), csv: z.string() })).query(() => ({
    fileName: "办件导入模板.csv",
    csv: caseImportTemplate(),
  })),
};
