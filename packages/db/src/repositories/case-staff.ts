import type { Db } from "../client";
import { integrationDb } from "../integration-tables";

export interface TCaseStaffLink {
  case_id: number;
  /** 1 = the handler, then whoever assisted */
  seq: number;
  staff_id: number;
}

/** The staff of each case in handling order (handler first). */
export async function listCaseStaffLinks(
  db: Db,
  caseIds: readonly number[],
): Promise<{ case_id: number; staff_id: number }[]> {
  if (caseIds.length === 0) return [];
  return integrationDb(db)
    .selectFrom("case_staff")
    .select(["case_id", "staff_id"])
    .where("case_id", "in", [...caseIds])
    .orderBy("case_id")
    .orderBy("seq")
    .execute();
}

/** The badge numbers of a case's staff in handling order; empty for a case booked at the desk. */
export async function listCaseStaffBadgeNos(db: Db, caseId: number): Promise<string[]> {
  const rows = await integrationDb(db)
    .selectFrom("case_staff")
    .innerJoin("staff", "staff.id", "case_staff.staff_id")
    .select("staff.badge_no")
    .where("case_staff.case_id", "=", caseId)
    .orderBy("case_staff.seq")
    .execute();
  return rows.map((row) => row.badge_no);
}

/** Drops the links of `relinkedCaseIds`, then stores `links` (new cases' and the relinked ones'). */
export async function replaceCaseStaffLinks(
  db: Db,
  relinkedCaseIds: readonly number[],
  links: readonly TCaseStaffLink[],
): Promise<void> {
  const idb = integrationDb(db);
  if (relinkedCaseIds.length > 0)
    await idb
      .deleteFrom("case_staff")
      .where("case_id", "in", [...relinkedCaseIds])
      .execute();
  if (links.length > 0)
    await idb
      .insertInto("case_staff")
      .values([...links])
      .execute();
}
