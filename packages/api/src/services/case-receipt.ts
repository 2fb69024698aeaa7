import { findCaseById, findCaseReceiptNames, type User } from "@hcp/db";

import type { TContext } from "../context-types";
import { appError } from "../errors";
import { actorOf, audit } from "./audit";
import { issueRatingLink, ratingLinkPath } from "./online/link";
import { ratingDeadlineOf } from "./rating/window";

type TStaffContext = TContext & { user: User; staffId: number };

export interface TCaseReceipt {
  caseNo: string;
  hallName: string;
  itemName: string;
  departmentName: string;
  windowName: string | null;
  staffName: string | null;
  badgeNo: string | null;
  applicantNameMasked: string;
  completedAt: string;
  ratingDeadline: string;
  ratingToken: string;
  /** for the receipt's QR code (channel 3) */
  qrPath: string;
  /** for an SMS (channel 7) */
  smsPath: string;
}

/**
 * 办件回执 of the staff member's own completed case, with the signed rating link valid until the
 * rating window closes. Issuing one is audited: a link lets its holder rate without the phone.
 */
export async function caseReceipt(ctx: TStaffContext, caseId: number): Promise<TCaseReceipt> {
  const row = await findCaseById(ctx.db, caseId);
  if (row?.hall_id !== ctx.user.hall_id || !row) throw appError("CASE_NOT_FOUND", "NOT_FOUND");
  if (row.staff_id !== ctx.staffId) throw appError("CASE_NOT_YOURS", "FORBIDDEN");
  const deadline = await ratingDeadlineOf(ctx, row);
  if (row.status !== "completed" || !row.completed_at || !deadline)
    throw appError("CASE_NOT_COMPLETED", "PRECONDITION_FAILED");
  const details = await findCaseReceiptNames(ctx.db, row.id);
  const token = issueRatingLink(ctx.dataKey, { caseId: row.id, expiresAt: deadline });
  await audit(ctx.db, actorOf(ctx), { action: "case.receipt", entity: "case", entityId: row.id });
  return {
    caseNo: row.case_no,
    ...details,
    applicantNameMasked: row.applicant_name_masked,
    completedAt: row.completed_at.toISOString(),
    ratingDeadline: deadline.toISOString(),
    ratingToken: token,
    qrPath: ratingLinkPath(token, 3),
    smsPath: ratingLinkPath(token, 7),
  };
}
