import type { Db } from "../client";
import type { Case, NewCase } from "../schema";

export async function insertCase(db: Db, row: NewCase): Promise<number> {
  const result = await db.insertInto("case").values(row).executeTakeFirstOrThrow();
  return Number(result.insertId);
}

/** Several new cases in one statement; read their ids back by number (listCaseIdsByNo). */
export async function insertCases(db: Db, rows: readonly NewCase[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto("case")
      .values([...rows])
      .execute();
}

export async function listCaseIdsByNo(db: Db, caseNos: readonly string[]): Promise<{ id: number; case_no: string }[]> {
  if (caseNos.length === 0) return [];
  return db
    .selectFrom("case")
    .select(["id", "case_no"])
    .where("case_no", "in", [...caseNos])
    .execute();
}

export async function listCasesByNo(db: Db, caseNos: readonly string[]): Promise<Case[]> {
  if (caseNos.length === 0) return [];
  return db
    .selectFrom("case")
    .selectAll()
    .where("case_no", "in", [...caseNos])
    .execute();
}

/** Writes only the columns given (a correction from a business system). */
export async function updateCase(
  db: Db,
  caseId: number,
  changes: Partial<Omit<NewCase, "case_no" | "hall_id">>,
): Promise<void> {
  if (Object.keys(changes).length > 0) await db.updateTable("case").set(changes).where("id", "=", caseId).execute();
}

export async function findCaseById(db: Db, id: number): Promise<Case | undefined> {
  return db.selectFrom("case").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Locks one case's row until the transaction ends: what serialises the writes of its prompts (请评价,
 * 撤回推送) and, through the foreign-key check a rating insert makes on it, its rating. A primary-key
 * lock on a row that exists takes no gap, so writers of different cases never wait for each other.
 * Call it first in the transaction: reads after it see what the previous holder committed.
 */
export async function lockCase(db: Db, caseId: number): Promise<boolean> {
  const row = await db.selectFrom("case").select("id").where("id", "=", caseId).forUpdate().executeTakeFirst();
  return row !== undefined;
}

export async function findCaseByNo(db: Db, caseNo: string): Promise<Case | undefined> {
  return db.selectFrom("case").selectAll().where("case_no", "=", caseNo).executeTakeFirst();
}

/** Completes a case once; returns false when it was already completed (a concurrent click). */
export async function completeCase(db: Db, caseId: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("case")
    .set({ status: "completed", completed_at: now })
    .where("id", "=", caseId)
    .where("status", "=", "received")
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export interface TCaseListRow {
  id: number;
  caseNo: string;
  itemName: string;
  applicantNameMasked: string;
  /** 138****1234; "" where none was recorded */
  applicantContactMasked: string;
  applicantIdNoMasked: string;
  status: Case["status"];
  receivedAt: Date;
  completedAt: Date | null;
  /** a 承诺件's due date; null for a 即办件 */
  dueDate: string | null;
  rated: boolean;
}

/** A staff member's cases received in a period, newest first, with whether each was rated. */
export async function listStaffCases(
  db: Db,
  filter: { staffId: number; start: Date; end: Date; limit: number },
): Promise<TCaseListRow[]> {
  const rows = await db
    .selectFrom("case")
    .innerJoin("service_item", "service_item.id", "case.service_item_id")
    .select((eb) => [
      "case.id",
      "case.case_no as caseNo",
      "service_item.name as itemName",
      "case.applicant_name_masked as applicantNameMasked",
      "case.applicant_contact_masked as applicantContactMasked",
      "case.applicant_id_no_masked as applicantIdNoMasked",
      "case.status",
      "case.received_at as receivedAt",
      "case.completed_at as completedAt",
      "case.due_date as dueDate",
      eb.exists(eb.selectFrom("rating").select("rating.id").whereRef("rating.case_id", "=", "case.id")).as("rated"),
    ])
    .where("case.staff_id", "=", filter.staffId)
    .where("case.received_at", ">=", filter.start)
    .where("case.received_at", "<", filter.end)
    .orderBy("case.id", "desc")
    .limit(filter.limit)
    .execute();
  return rows.map((row) => ({ ...row, rated: Boolean(row.rated) }));
}

export interface TCaseDue {
  id: number;
  caseNo: string;
  receivedAt: Date;
  dueDate: string;
}

/**
 * 承诺件 of every hall received before `receivedBefore` and due on or after `dueFrom`, locked for a
 * calendar confirmation that recounts them. Completed ones too: their 按时办结 verdict is only as
 * right as the calendar their due date was counted on.
 */
export async function listPromisedCaseDuesFrom(trx: Db, dueFrom: string, receivedBefore: Date): Promise<TCaseDue[]> {
  const rows = await trx
    .selectFrom("case")
    .select(["id", "case_no as caseNo", "received_at as receivedAt", "due_date as dueDate"])
    .where("case_type", "=", "promised")
    .where("due_date", ">=", dueFrom)
    .where("received_at", "<", receivedBefore)
    .orderBy("id")
    .forUpdate()
    .execute();
  return rows.flatMap((row) => (row.dueDate === null ? [] : [{ ...row, dueDate: row.dueDate }]));
}

/** Sets one due date on many cases (their rollups follow through the case triggers). */
export async function setCaseDueDate(trx: Db, dueDate: string, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable("case")
    .set({ due_date: dueDate })
    .where("id", "in", [...ids])
    .execute();
}

export interface TCaseNames {
  itemName: string;
  departmentName: string;
  windowName: string | null;
}

/** The names a citizen sees beside a case: its item, the item's department, the window if any. */
export async function findCaseNames(db: Db, row: Pick<Case, "service_item_id" | "window_id">): Promise<TCaseNames> {
  return db
    .selectFrom("service_item")
    .innerJoin("department", "department.id", "service_item.department_id")
    .leftJoin("window", (join) => join.on("window.id", "=", row.window_id ?? -1))
    .select(["service_item.name as itemName", "department.name as departmentName", "window.name as windowName"])
    .where("service_item.id", "=", row.service_item_id)
    .executeTakeFirstOrThrow();
}

export interface TCaseReceiptNames {
  hallName: string;
  itemName: string;
  departmentName: string;
  windowName: string | null;
  staffName: string | null;
  badgeNo: string | null;
}

/** The names printed on a case's 办件回执: hall, item, department, window and handling staff. */
export async function findCaseReceiptNames(db: Db, caseId: number): Promise<TCaseReceiptNames> {
  return db
    .selectFrom("case")
    .innerJoin("hall", "hall.id", "case.hall_id")
    .innerJoin("service_item", "service_item.id", "case.service_item_id")
    .innerJoin("department", "department.id", "case.department_id")
    .leftJoin("window", "window.id", "case.window_id")
    .leftJoin("staff", "staff.id", "case.staff_id")
    .select([
      "hall.name as hallName",
      "service_item.name as itemName",
      "department.name as departmentName",
      "window.name as windowName",
      "staff.name as staffName",
      "staff.badge_no as badgeNo",
    ])
    .where("case.id", "=", caseId)
    .executeTakeFirstOrThrow();
}

/** The case behind a work order as its detail page shows it: masked applicant, item, window, staff. */
export async function findWorkOrderCase(db: Db, caseId: number) {
  return db
    .selectFrom("case")
    .innerJoin("service_item", "service_item.id", "case.service_item_id")
    .innerJoin("department", "department.id", "case.department_id")
    .leftJoin("window", "window.id", "case.window_id")
    .leftJoin("staff", "staff.id", "case.staff_id")
    .select([
      "case.id as caseId",
      "case.case_no as caseNo",
      "case.applicant_contact_masked as applicantContactMasked",
      "case.applicant_id_no_masked as applicantIdNoMasked",
      "service_item.name as itemName",
      "department.name as departmentName",
      "window.code as windowCode",
      "window.name as windowName",
      "staff.name as staffName",
      "staff.badge_no as staffBadgeNo",
      "case.completed_at as completedAt",
    ])
    .where("case.id", "=", caseId)
    .executeTakeFirstOrThrow();
}

/** A hall's case ids whose applicant's phone or ID number has this keyed lookup hash. */
export async function listCaseIdsByApplicantHash(
  db: Db,
  hallId: number,
  column: "applicant_contact_hash" | "applicant_id_no_hash",
  hash: string,
): Promise<number[]> {
  const rows = await db
    .selectFrom("case")
    .select("id")
    .where("hall_id", "=", hallId)
    .where(column, "=", hash)
    .orderBy("id")
    .execute();
  return rows.map((row) => row.id);
}

export type TApplicantDataRow = Pick<
  Case,
  | "id"
  | "applicant_contact_cipher"
  | "applicant_contact_hash"
  | "applicant_contact_masked"
  | "applicant_id_no_cipher"
  | "applicant_id_no_hash"
  | "applicant_id_no_masked"
>;

/** The next page (by id, after `afterId`) of cases holding an applicant cipher, for key rotation. */
export async function listApplicantDataPage(db: Db, afterId: number, pageSize: number): Promise<TApplicantDataRow[]> {
  return db
    .selectFrom("case")
    .select([
      "id",
      "applicant_contact_cipher",
      "applicant_contact_hash",
      "applicant_contact_masked",
      "applicant_id_no_cipher",
      "applicant_id_no_hash",
      "applicant_id_no_masked",
    ])
    .where("id", ">", afterId)
    .where((eb) =>
      eb.or([eb("applicant_contact_cipher", "is not", null), eb("applicant_id_no_cipher", "is not", null)]),
    )
    .orderBy("id")
    .limit(pageSize)
    .execute();
}
