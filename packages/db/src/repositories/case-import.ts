import type { Insertable, Selectable, Updateable } from "kysely";

import type { Db } from "../client";
import { integrationDb, type CaseImportTable } from "../integration-tables";

export type CaseImport = Selectable<CaseImportTable>;

/** Records an import job; its id is the job id the uploader polls. */
export async function insertCaseImport(db: Db, row: Insertable<CaseImportTable>): Promise<number> {
  const inserted = await integrationDb(db).insertInto("case_import").values(row).executeTakeFirstOrThrow();
  return Number(inserted.insertId);
}

/** Moves a job's progress, counts or outcome. */
export async function updateCaseImport(db: Db, importId: number, changes: Updateable<CaseImportTable>): Promise<void> {
  await integrationDb(db).updateTable("case_import").set(changes).where("id", "=", importId).execute();
}

export async function findCaseImport(db: Db, importId: number): Promise<CaseImport | undefined> {
  return integrationDb(db).selectFrom("case_import").selectAll().where("id", "=", importId).executeTakeFirst();
}
