import {
  findCaseById,
  findHallById,
  findOpenPromptOfCase,
  findRatingOfCase,
  findServiceItem,
  findStaffWindowId,
  findWindowPresence,
  insertCase,
  insertPrompt,
  listPendingPrompts,
  lockCase,
  completeCase as markCaseCompleted,
  nextCounterValue,
  type Case,
} from "@hcp/db";
import { caseNumberPrefix, hallDate, maskApplicantName, type TCaseCreate, type THallKind } from "@hcp/domain";

import type { TContext } from "../context-types";
import { appError } from "../errors";
import { actorOf, audit, type TAuditActor } from "./audit";
import { addHallWorkingDays, isDueDateProvisional, provisionalCalendar } from "./calendar";
import { applicantDataColumns } from "./privacy";
import { announceWithdrawn, toPromptEvent, withdrawInTransaction } from "./prompts";

type TStaffContext = TContext & { user: NonNullable<TContext["user"]>; staffId: number };

export interface TCaseView {
  id: number;
  caseNo: string;
  status: Case["status"];
  receivedAt: string;
  completedAt: string | null;
  dueDate: string | null;
  /** the due date was counted across a year without a confirmed schedule: "暂按周末计算" */
  dueDateProvisional: boolean;
}

async function toCaseView(db: TContext["db"], row: Case): Promise<TCaseView> {
  const provisional = await provisionalCalendar(db);
  return {
    id: row.id,
    caseNo: row.case_no,
    status: row.status,
    receivedAt: row.received_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    dueDate: row.due_date,
    dueDateProvisional: isDueDateProvisional(provisional, row.received_at, row.due_date),
  };
}

async function requireWindow(ctx: TStaffContext): Promise<number> {
  const windowId = await findStaffWindowId(ctx.db, ctx.staffId);
  if (windowId === null) throw appError("NOT_AT_WINDOW", "PRECONDITION_FAILED");
  return windowId;
}

/** Case numbers: the hall's case-number prefix + hall-local date + a five-digit daily sequence. */
async function nextCaseNo(
  ctx: TContext,
  hall: { id: number; region_code: string; kind: THallKind; area_code: string | null },
  on: string,
): Promise<string> {
  const day = on.replaceAll("-", "");
  const sequence = await nextCounterValue(ctx.db, `case:${hall.id}:${day}`);
  const prefix = caseNumberPrefix({ kind: hall.kind, areaCode: hall.area_code, regionCode: hall.region_code });
  return `${prefix}${day}${String(sequence).padStart(5, "0")}`;
}

export async function createCase(ctx: TStaffContext, input: TCaseCreate): Promise<TCaseView> {
  const windowId = await requireWindow(ctx);
  const item = await findServiceItem(ctx.db, input.serviceItemId);
  if (!item?.active || item.hall_id !== ctx.user.hall_id) throw appError("ITEM_NOT_FOUND", "NOT_FOUND");
  const hall = await findHallById(ctx.db, item.hall_id);
  if (!hall) throw appError("ITEM_NOT_FOUND", "NOT_FOUND");
  const now = ctx.now();
  const today = hallDate(now);
  const caseNo = await nextCaseNo(ctx, hall, today);
  const dueDate = item.case_type === "promised" ? await addHallWorkingDays(ctx.db, today, item.promised_days) : null;
  // The case and its "case.create" record commit together: neither exists without the other.
  const caseId = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertCase(trx, {
      case_no: caseNo,
      hall_id: hall.id,
      department_id: item.department_id,
      service_item_id: item.id,
      window_id: windowId,
      staff_id: ctx.staffId,
      handling_channel: "window",
      case_type: item.case_type,
      promised_days: item.promised_days,
      applicant_type: input.applicantType,
      applicant_name_masked: maskApplicantName(input.applicantType, input.applicantName),
      ...applicantDataColumns(ctx.dataKey, { phone: input.applicantPhone, idNo: input.applicantIdNo }),
      status: "received",
      received_at: now,
      completed_at: null,
      due_date: dueDate,
    });
    await audit(trx, actorOf(ctx, now), { action: "case.create", entity: "case", entityId: id });
    return id;
  });
  const created = await findCaseById(ctx.db, caseId);
  if (!created) throw appError("CASE_NOT_FOUND", "NOT_FOUND");
  return toCaseView(ctx.db, created);
}

async function requireOwnCase(ctx: TStaffContext, caseId: number): Promise<Case> {
  const row = await findCaseById(ctx.db, caseId);
  if (row?.hall_id !== ctx.user.hall_id || !row) throw appError("CASE_NOT_FOUND", "NOT_FOUND");
  if (row.staff_id !== ctx.staffId) throw appError("CASE_NOT_YOURS", "FORBIDDEN");
  return row;
}

export async function completeCase(ctx: TStaffContext, caseId: number): Promise<TCaseView> {
  const row = await requireOwnCase(ctx, caseId);
  if (row.status === "completed") throw appError("CASE_ALREADY_COMPLETED", "CONFLICT");
  const now = ctx.now();
  // The completion and its "case.complete" record commit together; a concurrent completion wins.
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await markCaseCompleted(trx, caseId, now))) throw appError("CASE_ALREADY_COMPLETED", "CONFLICT");
    await audit(trx, actorOf(ctx, now), { action: "case.complete", entity: "case", entityId: caseId });
  });
  return toCaseView(ctx.db, { ...row, status: "completed", completed_at: now });
}

/**
 * 请评价 (and 重新推送 once the last prompt has ended): put the case on the evaluator of the window
 * the staff member is signed in at, in their current staff session.
 */
export async function inviteRating(ctx: TStaffContext, caseId: number): Promise<{ promptId: number }> {
  const row = await requireOwnCase(ctx, caseId);
  return promptAtWindow(ctx, row, {
    windowId: () => requireWindow(ctx),
    staffId: ctx.staffId,
    actor: actorOf(ctx),
    ownSession: true,
  });
}

/**
 * 撤回推送: the staff member takes their case off the evaluator. The prompt ends as withdrawn (an
 * event, never a rating), with its audit record in the same transaction.
 */
export async function withdrawInvitation(ctx: TStaffContext, caseId: number): Promise<{ withdrawn: number }> {
  await requireOwnCase(ctx, caseId);
  // The case's row first, as 请评价 and a rating's insert take it: the three then queue on it instead
  // of meeting in the case_id gaps of rating_prompt in different orders.
  const withdrawn = await ctx.db.transaction().execute(async (trx) => {
    await lockCase(trx, caseId);
    return withdrawInTransaction(trx, actorOf(ctx), { caseId }, "staff");
  });
  if (withdrawn.length === 0) throw appError("PROMPT_NOT_FOUND", "NOT_FOUND");
  announceWithdrawn(ctx, withdrawn);
  return { withdrawn: withdrawn.length };
}

/**
 * Shows a completed, unrated case on a window's evaluator: the staff console's 请评价 and a
 * business system's "completed, please prompt" alike. An open prompt for the case is returned,
 * not doubled (a retry); a closed one (timed out, withdrawn) is never reopened — a new prompt is
 * written. The prompt belongs to the window's current staff session and commits together with its
 * `rating.invite` record: neither exists without the other. `windowId` is asked for only once the
 * case is known to be ready for a rating.
 */
export async function promptAtWindow(
  ctx: TContext,
  row: Case,
  by: {
    windowId: () => Promise<number>;
    staffId: number | null;
    actor: Pick<TAuditActor, "actorUserId" | "actorRole">;
    /** staff pressing 请评价: the prompt joins their own session at the window or is refused */
    ownSession?: boolean;
  },
): Promise<{ promptId: number }> {
  const caseId = row.id;
  if (row.status !== "completed") throw appError("CASE_NOT_COMPLETED", "PRECONDITION_FAILED");
  if (await findRatingOfCase(ctx.db, caseId)) throw appError("ALREADY_RATED", "CONFLICT");
  const windowId = await by.windowId();
  const now = ctx.now();
  const { promptId, created } = await ctx.db.transaction().execute(async (trx) => {
    // The case's row lock comes first and alone orders invites of one case (a double press, a
    // retry) and a rating racing them; the reads below are made after it, so they see what the
    // one before committed — its prompt to return, or a rating that has closed the case.
    await lockCase(trx, caseId);
    if (await findRatingOfCase(trx, caseId)) throw appError("ALREADY_RATED", "CONFLICT");
    const open = await findOpenPromptOfCase(trx, caseId, windowId);
    if (open) return { promptId: open.id, created: false };
    // Read under a shared lock: a sign-out cannot end this session between the read and the commit.
    const presence = await findWindowPresence(trx, windowId, { lock: true });
    // The window was read before this transaction: a sign-in by someone else since then has ended
    // the staff member's session, and their case must not join the next occupant's.
    if (by.ownSession && presence?.staffId !== by.staffId) throw appError("NOT_AT_WINDOW", "PRECONDITION_FAILED");
    const id = await insertPrompt(trx, {
      caseId,
      windowId,
      staffId: by.staffId,
      presenceId: presence?.id ?? null,
      now,
    });
    await audit(
      trx,
      { actorUserId: by.actor.actorUserId, actorRole: by.actor.actorRole, now },
      {
        action: "rating.invite",
        entity: "case",
        entityId: caseId,
        detail: { promptId: id, windowId },
      },
    );
    return { promptId: id, created: true };
  });
  if (created) {
    const prompt = (await listPendingPrompts(ctx.db, windowId, promptId - 1)).find(
      (view) => view.promptId === promptId,
    );
    if (prompt) ctx.bus.publish(windowId, { type: "prompt", prompt: toPromptEvent(prompt) });
  }
  return { promptId };
}
