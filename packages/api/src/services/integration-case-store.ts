import type { Transaction } from "kysely";

import { findWorkOrderOfCase } from "@hcp/db";
import type { Case, Database, Db } from "@hcp/db";
import { WORK_ORDER_STATES } from "@hcp/domain";
import type { TWorkOrderState } from "@hcp/domain";

import type { TCasePlan } from "./integration-case-plan";
import type { TIntegrationCaseView } from "./integration-case-schema";
import { isDueDateProvisional, provisionalCalendar } from "./calendar";
import { integrationDb, integrationTrx } from "./integration-case-tables";

type TWritten = { created: number; updated: number; caseIds: Map<string, number> };

/**
 * Writes a batch of plans inside the caller's transaction: new cases in one statement, changed
 * ones one by one (each only in the columns that moved), the handler and assistants beside them.
 * The rollup triggers see every write, so a correction to a completed case moves its counts.
 */
export async function writeCasePlans(trx: Transaction<Database>, hallId: number, plans: readonly TCasePlan[]): Promise<TWritten> {
  const tdb = integrationTrx(trx);
  const caseIds = new Map<string, number>();
  const creates = plans.flatMap((plan) => (plan.kind === "create" ? [plan] : []));
  if (creates.length > 0) {
    await trx
      .insertInto("case")
      .values(creates.map((plan) => ({ ...plan.columns, case_no: plan.caseNo, hall_id: hallId })))
      .execute();
    const rows = await trx
      .selectFrom("case")
      .select(["id", "case_no"])
      .where(
        "case_no",
        "in",
        creates.map((plan) => plan.caseNo),
      )
      .execute();
    for (const row of rows) caseIds.set(row.case_no, row.id);
  }
  const staffLinks: { case_id: number; seq: number; staff_id: number }[] = [];
  const relinked: number[] = [];
  for (const plan of creates) {
    const caseId = caseIds.get(plan.caseNo) ?? 0;
    plan.staffIds.forEach((staffId, index) => staffLinks.push({ case_id: caseId, seq: index + 1, staff_id: staffId }));
  }
  let updated = 0;
  for (const plan of plans) {
    if (plan.kind !== "update") continue;
    caseIds.set(plan.caseNo, plan.caseId);
    if (Object.keys(plan.changes).length > 0) await trx.updateTable("case").set(plan.changes).where("id", "=", plan.caseId).execute();
    if (plan.staffIds) {
      relinked.push(plan.caseId);
      plan.staffIds.forEach((staffId, index) => staffLinks.push({ case_id: plan.caseId, seq: index + 1, staff_id: staffId }));
    }
    updated++;
  }
  if (relinked.length > 0) await tdb.deleteFrom("case_staff").where("case_id", "in", relinked).execute();
  if (staffLinks.length > 0) await tdb.insertInto("case_staff").values(staffLinks).execute();
  for (const plan of plans) if (plan.kind === "unchanged") caseIds.set(plan.caseNo, plan.caseId);
  return { created: creates.length, updated, caseIds };
}

/** The case as a business system may read it: codes, masks and outcomes, no applicant data. */
export async function readIntegrationCase(db: Db, row: Case): Promise<TIntegrationCaseView> {
  const idb = integrationDb(db);
  const [item, window, staff, ratings, workOrder] = await Promise.all([
    db
      .selectFrom("service_item")
      .innerJoin("department", "department.id", "service_item.department_id")
      .select(["service_item.code", "service_item.name", "department.name as departmentName"])
      .where("service_item.id", "=", row.service_item_id)
      .executeTakeFirstOrThrow(),
    row.window_id === null ? undefined : db.selectFrom("window").select("code").where("id", "=", row.window_id).executeTakeFirst(),
    idb
      .selectFrom("case_staff")
      .innerJoin("staff", "staff.id", "case_staff.staff_id")
      .select("staff.badge_no")
      .where("case_staff.case_id", "=", row.id)
      .orderBy("case_staff.seq")
      .execute(),
    db
      .selectFrom("rating")
      .leftJoin("rating_exclusion", "rating_exclusion.rating_id", "rating.id")
      .select(["rating.id", "rating.seq", "rating.level", "rating.channel", "rating.is_default", "rating.rated_at", "rating_exclusion.id as exclusionId"])
      .where("rating.case_id", "=", row.id)
      .orderBy("rating.seq")
      .execute(),
    findWorkOrderOfCase(db, row.id),
  ]);
  const reasons =
    ratings.length === 0
      ? []
      : await db
          .selectFrom("rating_reason")
          .select(["rating_id", "reason_code"])
          .where(
            "rating_id",
            "in",
            ratings.map((rating) => rating.id),
          )
          .orderBy("reason_code")
          .execute();
  // A case booked at the desk has its handler only on the case row.
  const badges =
    staff.length > 0 || row.staff_id === null
      ? staff.map((member) => member.badge_no)
      : (await db.selectFrom("staff").select("badge_no").where("id", "=", row.staff_id).execute()).map((member) => member.badge_no);
  return {
    caseNo: row.case_no,
    itemCode: item.code,
    itemName: item.name,
    departmentName: item.departmentName,
    windowCode: window?.code ?? null,
    staffBadgeNos: badges,
    handlingChannel: row.handling_channel,
    applicantType: row.applicant_type,
    applicantNameMasked: row.applicant_name_masked,
    applicantPhoneMasked: row.applicant_contact_masked,
    applicantIdNoMasked: row.applicant_id_no_masked,
    status: row.status,
    receivedAt: row.received_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    caseType: row.case_type,
    promisedDays: row.promised_days,
    dueDate: row.due_date,
    dueDateProvisional: isDueDateProvisional(await provisionalCalendar(db), row.received_at, row.due_date),
    ratings: ratings.map((rating) => ({
      seq: rating.seq,
      level: rating.level,
      channel: rating.channel,
      isDefault: Boolean(rating.is_default),
      excluded: rating.exclusionId !== null,
      reasonCodes: reasons.filter((reason) => reason.rating_id === rating.id).map((reason) => reason.reason_code),
      ratedAt: rating.rated_at.toISOString(),
    })),
    workOrder: workOrder
      ? {
          id: workOrder.id,
          state: workOrder.state as TWorkOrderState,
          stateLabel: WORK_ORDER_STATES[workOrder.state as TWorkOrderState],
          contactDue: workOrder.contact_due,
          rectifyDue: workOrder.rectify_due,
          closedAt: workOrder.closed_at?.toISOString() ?? null,
        }
      : null,
  };
}
