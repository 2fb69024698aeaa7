import {
  listCatalogueItems,
  listDepartmentRefs,
  listItemCodesOfOtherHalls,
  listWindowRefs,
  lockHall,
  type Db,
} from "@hcp/db";

import type { TContext } from "../../context-types";
import { appError, isDuplicateKey } from "../../errors";
import { actorOf, audit } from "../audit";
import { importFileBytes, ImportFileRefusal, importFormatOf, type TImportFile } from "../import-file";
import { fieldRefusal } from "../integration-case/cases";
import { readCatalogueFile, type TCatalogueFile } from "./file";
import { planCatalogue, type TCataloguePlan } from "./plan";
import { auditState, writeItems } from "./store";

/**
 * 事项目录导入 (SPEC: the province's catalogue export): a dry run reports what the file would add,
 * change field by field, retire and refuse; applying writes exactly that plan in one transaction —
 * every row, or with `validRowsOnly` the valid ones — or nothing when the catalogue or the file
 * moved since the dry run.
 */

type TUserContext = TContext & { user: NonNullable<TContext["user"]> };

export interface TCataloguePreview {
  fileName: string;
  totalRows: number;
  added: { row: number; code: string; name: string; department: string }[];
  changed: { row: number; code: string; name: string; changes: TCataloguePlan["changed"][number]["changes"] }[];
  unchanged: number;
  retired: { code: string; name: string; department: string }[];
  refused: TCataloguePlan["refused"];
  /** hands the dry run's plan to the apply step, which refuses another */
  planHash: string;
}

export interface TCatalogueApplied {
  added: number;
  changed: number;
  retired: number;
  unchanged: number;
  /** rows left out (validRowsOnly) */
  refused: number;
}

async function readFile(file: TImportFile): Promise<TCatalogueFile> {
  const format = importFormatOf(file.fileName);
  if (!format)
    throw fieldRefusal([{ field: "fileName", code: "CASE_IMPORT_UNREADABLE", message: "请上传 .csv 或 .xlsx 文件" }]);
  try {
    return await readCatalogueFile(importFileBytes(file), format);
  } catch (error) {
    if (error instanceof ImportFileRefusal)
      throw fieldRefusal([{ field: "content", code: error.code, message: error.message }]);
    throw error;
  }
}

async function planFor(db: Db, hallId: number, file: TCatalogueFile) {
  const codes = [
    ...new Set(file.rows.flatMap((row) => (typeof row.values.code === "string" ? [row.values.code] : []))),
  ];
  const [items, departments, windows, otherHallCodes] = await Promise.all([
    listCatalogueItems(db, hallId),
    listDepartmentRefs(db, hallId),
    listWindowRefs(db, hallId),
    listItemCodesOfOtherHalls(db, hallId, codes),
  ]);
  const state = { items, departments, windows, otherHallCodes };
  return { plan: planCatalogue(file, state), departments: new Map(departments.map((ref) => [ref.id, ref.name])) };
}

export async function previewCatalogueImport(ctx: TUserContext, file: TImportFile): Promise<TCataloguePreview> {
  const read = await readFile(file);
  const { plan, departments } = await planFor(ctx.db, ctx.user.hall_id, read);
  const department = (id: number) => departments.get(id) ?? "";
  return {
    fileName: file.fileName,
    totalRows: plan.totalRows,
    added: plan.added.map((item) => ({
      row: item.row,
      code: item.after.code,
      name: item.after.name,
      department: department(item.after.department_id),
    })),
    changed: plan.changed.map((item) => ({
      row: item.row,
      code: item.after.code,
      name: item.after.name,
      changes: item.changes,
    })),
    unchanged: plan.unchanged,
    retired: plan.retired.map((item) => ({
      code: item.code,
      name: item.name,
      department: department(item.department_id),
    })),
    refused: plan.refused,
    planHash: plan.hash,
  };
}

export async function applyCatalogueImport(
  ctx: TUserContext,
  input: { file: TImportFile; planHash: string; validRowsOnly: boolean },
): Promise<TCatalogueApplied> {
  const read = await readFile(input.file);
  const hallId = ctx.user.hall_id;
  const now = ctx.now();
  const applied = ctx.db.transaction().execute(async (trx) => {
    // Catalogue changes of a hall queue behind each other: the plan is the catalogue as it is now.
    await lockHall(trx, hallId);
    const { plan } = await planFor(trx, hallId, read);
    if (plan.hash !== input.planHash) throw appError("CATALOGUE_IMPORT_STALE", "CONFLICT");
    if (plan.refused.length > 0 && !input.validRowsOnly) throw appError("CATALOGUE_IMPORT_ROWS_INVALID", "BAD_REQUEST");
    const writes = [
      ...plan.added,
      ...plan.changed,
      ...plan.retired.map((item) => ({ before: item, after: { ...item, active: false } })),
    ];
    const result = {
      added: plan.added.length,
      changed: plan.changed.length,
      retired: plan.retired.length,
      unchanged: plan.unchanged,
      refused: plan.refused.length,
    };
    if (writes.length === 0) return result;
    await writeItems(trx, writes, { now, source: "import", userId: ctx.user.id });
    await audit(trx, actorOf(ctx, now), {
      action: "serviceItem.import",
      entity: "hall",
      entityId: hallId,
      detail: { fileName: input.file.fileName, ...result, refusedRows: plan.refused.map((item) => item.row) },
      before: Object.fromEntries(
        writes.flatMap((write) => (write.before ? [[write.before.code, auditState(write.before)]] : [])),
      ),
      after: Object.fromEntries(writes.map((write) => [write.after.code, auditState(write.after)])),
    });
    return result;
  });
  // Another hall took one of the new codes since the dry run.
  return applied.catch((error: unknown) => {
    throw isDuplicateKey(error) ? appError("CATALOGUE_IMPORT_STALE", "CONFLICT") : error;
  });
}
