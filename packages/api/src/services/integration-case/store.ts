import {
  findServiceItemWithDepartment,
  findWindow,
  findWorkOrderOfCase,
  insertCases,
  listCaseIdsByNo,
  listCaseRatings,
  listCaseStaffBadgeNos,
  listReasonsOfRatings,
  listStaffBadgeNos,
  replaceCaseStaffLinks,
  updateCase,
  type Case,
  type Db,
  type TCaseStaffLink,
} from "@hcp/db";
import { WORK_ORDER_STATES } from "@hcp/domain";

import { isDueDateProvisional, provisionalCalendar } from "../calendar";
import type { TCasePlan } from "./plan";
import type { TIntegrationCaseView } from "./schema";

type TWritten = { created: number; updated: number; caseIds: Map<string, number> };

/**
 * Writes a batch of plans inside the caller's transaction: new cases in one statement, changed
 * ones one by one (each only in the columns that moved), the handler and assistants beside them.
 * The rollup triggers see every write, so a correction to a completed case moves its counts.
 */
export async function writeCasePlans(trx: Db, hallId: number, plans: readonly TCasePlan[]): Promise<TWritten> {
  const caseIds = new Map<string, number>();
  const creates = plans.flatMap((plan) => (plan.kind === "create" ? [plan] : []));
  if (creates.length > 0) {
    await insertCases(
      trx,
      creates.map((plan) => ({ ...plan.columns, case_no: plan.caseNo, hall_id: hallId })),
    );
    const rows = await listCaseIdsByNo(
      trx,
      creates.map((plan) => plan.caseNo),
    );
    for (const row of rows) caseIds.set(row.case_no, row.id);
  }
  const staffLinks: TCaseStaffLink[] = [];
  const relinked: number[] = [];
  for (const plan of creates) {
    const caseId = caseIds.get(plan.caseNo) ?? 0;
    plan.staffIds.forEach((staffId, index) => staffLinks.push({ case_id: caseId, seq: index + 1, staff_id: staffId }));
  }
  let updated = 0;
  for (const plan of plans) {
    if (plan.kind !== "update") continue;
    caseIds.set(plan.caseNo, plan.caseId);
    await updateCase(trx, plan.caseId, plan.changes);
    if (plan.staffIds) {
      relinked.push(plan.caseId);
      plan.staffIds.forEach((staffId, index) =>
        staffLinks.push({ case_id: plan.caseId, seq: index + 1, staff_id: staffId }),
      );
    }
    updated++;
  }
  await replaceCaseStaffLinks(trx, relinked, staffLinks);
  for (const plan of plans) if (plan.kind === "unchanged") caseIds.set(plan.caseNo, plan.caseId);
  return { created: creates.length, updated, caseIds };
}

/** The case as a business system may read it: codes, masks and outcomes, no applicant data. */
export async function readIntegrationCase(db: Db, row: Case): Promise<TIntegrationCaseView> {
  const [item, window, staff, ratings, workOrder] = await Promise.all([
    findServiceItemWithDepartment(db, row.service_item_id),
    row.window_id === null ? undefined : findWindow(db, row.window_id),
    listCaseStaffBadgeNos(db, row.id),
    listCaseRatings(db, row.id),
    findWorkOrderOfCase(db, row.id),
  ]);
  const reasons = await listReasonsOfRatings(
    db,
    ratings.map((rating) => rating.id),
  );
  // A case booked at the desk has its handler only on the case row.
  const badges = staff.length > 0 || row.staff_id === null ? staff : await listStaffBadgeNos(db, row.staff_id);
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
          state: workOrder.state,
          stateLabel: WORK_ORDER_STATES[workOrder.state],
          contactDue: workOrder.contact_due,
          rectifyDue: workOrder.rectify_due,
          closedAt: workOrder.closed_at?.toISOString() ?? null,
        }
      : null,
  };
}
