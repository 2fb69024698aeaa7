import {
  deleteUserSessions,
  disableStaffAccount,
  findHallStaffRecord,
  insertStaff,
  listActiveHallWindowIds,
  listStaffForAdmin,
  listStaffWindowIds,
  lockHallDepartmentsInUse,
  markStaffLeft,
  setStaffWindows,
  signOutOfWindow,
  updateStaff,
  type Db,
  type TStaffRecord,
} from "@hcp/db";
import { certificateState, hallDate, maskPhone, type TStaffForm, type TStaffUpdate } from "@hcp/domain";

import type { TContext } from "../../context-types";
import { appError, isDuplicateKey } from "../../errors";
import { actorOf, audit } from "../audit";
import { encryptContact } from "../contact";
import { announceWithdrawn, withdrawInTransaction } from "../prompts";
import { announceStaff } from "../window-presence";

type TUserContext = TContext & { user: NonNullable<TContext["user"]> };

/**
 * 工作人员: the hall's staff with their windows (home first), masked phone, 上岗证 and its state
 * on the hall's date (持证上岗: expired or expiring ones warn the manager). A department head sees
 * their department's staff only.
 */
export async function listHallStaff(ctx: TUserContext) {
  const departmentId = ctx.user.role === "department_head" ? (ctx.user.department_id ?? -1) : undefined;
  const today = hallDate(ctx.now());
  const rows = await listStaffForAdmin(ctx.db, { hallId: ctx.user.hall_id, departmentId });
  return rows.map((row) => ({ ...row, certificateState: certificateState(row.certificateExpiresOn, today) }));
}

/** Checks the windows against the hall; the stored columns (the phone encrypted). */
async function resolveForm(
  ctx: TUserContext,
  form: TStaffForm,
  keep: { phoneCipher: string | null; phoneMasked: string } | null,
): Promise<TStaffRecord> {
  const windows = await listActiveHallWindowIds(ctx.db, ctx.user.hall_id, form.windowIds);
  if (windows.length !== form.windowIds.length) throw appError("STAFF_WINDOW_UNKNOWN", "BAD_REQUEST");
  // Absent on an edit: the stored number stays; "" removes it.
  const phone =
    form.phone === undefined
      ? { phoneCipher: keep?.phoneCipher ?? null, phoneMasked: keep?.phoneMasked ?? "" }
      : form.phone === ""
        ? { phoneCipher: null, phoneMasked: "" }
        : { phoneCipher: encryptContact(ctx.dataKey, form.phone), phoneMasked: maskPhone(form.phone) };
  return {
    badgeNo: form.badgeNo,
    name: form.name,
    departmentId: form.departmentId,
    ...phone,
    certificateNo: form.certificateNo,
    certificateExpiresOn: form.certificateExpiresOn === "" ? null : form.certificateExpiresOn,
  };
}

/** What the audit trail keeps of a staff member: the phone by its mask only, never the cipher. */
function auditView(record: TStaffRecord, windowIds: readonly number[]) {
  return {
    badgeNo: record.badgeNo,
    name: record.name,
    departmentId: record.departmentId,
    windowIds: [...windowIds],
    phone: record.phoneMasked,
    certificateNo: record.certificateNo,
    certificateExpiresOn: record.certificateExpiresOn,
  };
}

/** The staff member's department, in service and locked against its retirement until the change commits. */
async function lockDepartment(trx: Db, hallId: number, departmentId: number): Promise<void> {
  const inUse = await lockHallDepartmentsInUse(trx, hallId, [departmentId]);
  if (inUse.length !== 1) throw appError("DEPARTMENT_NOT_FOUND", "BAD_REQUEST");
}

function duplicateBadge(error: unknown): never {
  if (isDuplicateKey(error, "badge_no")) throw appError("STAFF_BADGE_EXISTS", "CONFLICT");
  throw error;
}

export async function createHallStaff(ctx: TUserContext, form: TStaffForm): Promise<{ staffId: number }> {
  const record = await resolveForm(ctx, form, null);
  try {
    const staffId = await ctx.db.transaction().execute(async (trx) => {
      await lockDepartment(trx, ctx.user.hall_id, record.departmentId);
      const id = await insertStaff(trx, ctx.user.hall_id, record);
      await setStaffWindows(trx, id, form.windowIds);
      await audit(trx, actorOf(ctx), {
        action: "staff.create",
        entity: "staff",
        entityId: id,
        before: null,
        after: auditView(record, form.windowIds),
      });
      return id;
    });
    return { staffId };
  } catch (error) {
    return duplicateBadge(error);
  }
}

async function lockActiveStaff(trx: Db, hallId: number, staffId: number) {
  const staff = await findHallStaffRecord(trx, hallId, staffId, { lock: true });
  if (!staff) throw appError("STAFF_NOT_FOUND", "NOT_FOUND");
  if (!staff.active) throw appError("STAFF_LEFT", "CONFLICT");
  return staff;
}

export async function updateHallStaff(ctx: TUserContext, input: TStaffUpdate): Promise<void> {
  const stored = await findHallStaffRecord(ctx.db, ctx.user.hall_id, input.staffId);
  if (!stored) throw appError("STAFF_NOT_FOUND", "NOT_FOUND");
  const record = await resolveForm(ctx, input.staff, stored);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const before = await lockActiveStaff(trx, ctx.user.hall_id, input.staffId);
      await lockDepartment(trx, ctx.user.hall_id, record.departmentId);
      const windowsBefore = await listStaffWindowIds(trx, before.id);
      await updateStaff(trx, before.id, record);
      await setStaffWindows(trx, before.id, input.staff.windowIds);
      await audit(trx, actorOf(ctx), {
        action: "staff.update",
        entity: "staff",
        entityId: before.id,
        before: auditView(before, windowsBefore),
        after: auditView(record, input.staff.windowIds),
      });
    });
  } catch (error) {
    duplicateBadge(error);
  }
}

/**
 * 离职: the staff member is kept (ratings and work orders keep pointing at them) but serves no more.
 * Signed in at a window, they are signed out in the same commit, their open prompts withdrawn; their
 * account is disabled and its sessions end in that commit too.
 */
export async function markHallStaffLeft(ctx: TUserContext, staffId: number): Promise<void> {
  const now = ctx.now();
  const leftOn = hallDate(now);
  const { left, withdrawn } = await ctx.db.transaction().execute(async (trx) => {
    const staff = await lockActiveStaff(trx, ctx.user.hall_id, staffId);
    const windowId = await signOutOfWindow(trx, staff.id, now);
    const closed =
      windowId === null ? [] : await withdrawInTransaction(trx, actorOf(ctx), { windowIds: [windowId] }, "signOut");
    await markStaffLeft(trx, staff.id, leftOn);
    // Whoever has left must not keep reading the hall's cases and contacts through their account.
    const accountDisabled = await disableStaffAccount(trx, staff.id);
    const sessionsEnded = accountDisabled === null ? 0 : await deleteUserSessions(trx, accountDisabled);
    await audit(trx, actorOf(ctx, now), {
      action: "staff.leave",
      entity: "staff",
      entityId: staff.id,
      before: { active: true },
      after: { active: false, leftOn, signedOutOfWindow: windowId, accountDisabled, sessionsEnded },
    });
    return { left: windowId, withdrawn: closed };
  });
  announceWithdrawn(ctx, withdrawn);
  if (left !== null) await announceStaff(ctx, [left]);
}
