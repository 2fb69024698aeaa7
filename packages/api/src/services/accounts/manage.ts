import {
  deletePasswordLinks,
  deleteUserSessions,
  findHallAccount,
  findStaffForAccount,
  insertUser,
  listHallAccounts,
  listStaffForAccounts,
  lockActiveAdministrators,
  lockHallDepartmentsInUse,
  setAccountActive,
  setUserPassword,
  updateAccount,
  type Db,
  type TAccountRecord,
} from "@hcp/db";
import { mayManageRole, type TAccountCreate, type TAccountUpdate, type THandover, type TRole } from "@hcp/domain";

import type { TContext } from "../../context-types";
import { appError, isDuplicateKey } from "../../errors";
import { actorOf, audit } from "../audit";
import { announceWithdrawn, withdrawInTransaction } from "../prompts";
import { issueOneTimePassword } from "./one-time-password";
import { issuePasswordLink, type TPasswordLink } from "./password-link";

type TUserContext = TContext & { user: NonNullable<TContext["user"]> };

/** 账号管理: the hall's accounts; `manageable` says which the caller may change (a manager: those below them). */
export async function listAccounts(ctx: TUserContext) {
  const rows = await listHallAccounts(ctx.db, ctx.user.hall_id);
  return rows.map((row) => ({
    ...row,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    manageable: mayManageRole(ctx.user.role, row.role),
  }));
}

/** What the account form picks from: the staff in service (and whether an account is linked already). */
export async function accountStaffChoices(ctx: TUserContext) {
  const rows = await listStaffForAccounts(ctx.db, ctx.user.hall_id);
  return rows.map((row) => ({ ...row, userId: row.userId ?? null }));
}

function refuseRole(ctx: TUserContext, role: TRole): void {
  if (!mayManageRole(ctx.user.role, role)) throw appError("ACCOUNT_ROLE_FORBIDDEN", "FORBIDDEN");
}

/** The staff record of a scope exists in the caller's hall and has no other account. */
async function checkScope(
  db: Db,
  hallId: number,
  scope: { departmentId: number | null; staffId: number | null },
  userId: number | null,
): Promise<void> {
  if (scope.staffId !== null) {
    const staff = await findStaffForAccount(db, hallId, scope.staffId);
    if (!staff) throw appError("ACCOUNT_STAFF_UNKNOWN", "BAD_REQUEST");
    if (staff.userId !== null && staff.userId !== userId) throw appError("ACCOUNT_STAFF_TAKEN", "CONFLICT");
  }
}

/** The scope's department, in service and locked against its retirement until the change commits. */
async function lockScopeDepartment(trx: Db, hallId: number, departmentId: number | null): Promise<void> {
  if (departmentId === null) return;
  const inUse = await lockHallDepartmentsInUse(trx, hallId, [departmentId]);
  if (inUse.length === 0) throw appError("ACCOUNT_DEPARTMENT_UNKNOWN", "BAD_REQUEST");
}

/** The unique keys of `user`: the username, and one account per staff record. */
function duplicate(error: unknown): never {
  if (isDuplicateKey(error, "username")) throw appError("ACCOUNT_USERNAME_EXISTS", "CONFLICT");
  if (isDuplicateKey(error, "staff_id")) throw appError("ACCOUNT_STAFF_TAKEN", "CONFLICT");
  throw error;
}

/** What the audit trail keeps of an account (never a password or its hash). */
function auditView(account: Omit<TAccountRecord, "id">) {
  return {
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    departmentId: account.departmentId,
    staffId: account.staffId,
    active: account.active,
  };
}

/** What a creator or a reset hands over: the one-time password, or the set-password link. */
export interface THandedOver {
  initialPassword: string | null;
  passwordLink: TPasswordLink | null;
}

/**
 * A new account with a one-time password, returned this once for the creator to hand over (the
 * account must change it at its first sign-in), or with a set-password link instead (its password
 * then is one nobody knows until the owner chooses theirs through the link).
 */
export async function createAccount(
  ctx: TUserContext,
  input: TAccountCreate,
): Promise<{ userId: number } & THandedOver> {
  refuseRole(ctx, input.role);
  await checkScope(ctx.db, ctx.user.hall_id, input, null);
  const { password, passwordHash } = await issueOneTimePassword(input.username);
  const { handover, ...account } = input;
  const now = ctx.now();
  try {
    const created = await ctx.db.transaction().execute(async (trx) => {
      await lockScopeDepartment(trx, ctx.user.hall_id, input.departmentId);
      const id = await insertUser(trx, {
        username: input.username,
        password_hash: passwordHash,
        display_name: input.displayName,
        role: input.role,
        hall_id: ctx.user.hall_id,
        department_id: input.departmentId,
        staff_id: input.staffId,
        active: true,
        created_at: now,
        must_change_password: true,
      });
      const link =
        handover === "link" ? await issuePasswordLink(trx, { userId: id, createdByUserId: ctx.user.id, now }) : null;
      await audit(trx, actorOf(ctx, now), {
        action: "account.create",
        entity: "user",
        entityId: id,
        before: null,
        after: auditView({ ...account, active: true }),
        detail: { handover },
      });
      return { id, link };
    });
    return {
      userId: created.id,
      initialPassword: handover === "password" ? password : null,
      passwordLink: created.link,
    };
  } catch (error) {
    return duplicate(error);
  }
}

/**
 * An account's row, locked for a change. An administrator's change locks every active
 * administrator first, always in the same order, so two administrators disabling or demoting each
 * other at once are judged one after the other (the second sees the first's change) instead of
 * deadlocking.
 */
async function lockAccount(trx: Db, hallId: number, userId: number): Promise<TAccountRecord> {
  const seen = await findHallAccount(trx, hallId, userId);
  if (!seen) throw appError("ACCOUNT_NOT_FOUND", "NOT_FOUND");
  if (seen.role === "admin") await lockActiveAdministrators(trx);
  const account = await findHallAccount(trx, hallId, userId, { lock: true });
  if (!account) throw appError("ACCOUNT_NOT_FOUND", "NOT_FOUND");
  return account;
}

/** Refuses a change that would leave the platform without an active administrator. */
async function keepOneAdministrator(trx: Db, account: TAccountRecord): Promise<void> {
  if (account.role !== "admin" || !account.active) return;
  const admins = await lockActiveAdministrators(trx);
  if (admins.filter((id) => id !== account.id).length === 0) throw appError("ACCOUNT_LAST_ADMIN", "CONFLICT");
}

/** The account's name, role and scope. A manager may neither touch nor grant a role at or above theirs. */
export async function updateAccountDetails(ctx: TUserContext, input: TAccountUpdate): Promise<void> {
  refuseRole(ctx, input.account.role);
  await checkScope(ctx.db, ctx.user.hall_id, input.account, input.userId);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const before = await lockAccount(trx, ctx.user.hall_id, input.userId);
      refuseRole(ctx, before.role);
      if (input.account.role !== before.role) await keepOneAdministrator(trx, before);
      await lockScopeDepartment(trx, ctx.user.hall_id, input.account.departmentId);
      await updateAccount(trx, before.id, input.account);
      await audit(trx, actorOf(ctx), {
        action: "account.update",
        entity: "user",
        entityId: before.id,
        before: auditView(before),
        after: auditView({ ...before, ...input.account }),
      });
    });
  } catch (error) {
    duplicate(error);
  }
}

/**
 * Every session and set-password link of the account ends, in the caller's transaction; a staff
 * member's open prompts are withdrawn with them (nobody is left at the desk to stand behind them).
 */
async function endSessions(trx: Db, ctx: TUserContext, account: TAccountRecord) {
  await deletePasswordLinks(trx, account.id);
  const ended = await deleteUserSessions(trx, account.id);
  const withdrawn =
    account.staffId === null
      ? []
      : await withdrawInTransaction(trx, actorOf(ctx), { staffId: account.staffId }, "sessionEnded");
  return { ended, withdrawn };
}

/**
 * 重置密码: a new one-time password, returned once, or a new set-password link; every session of
 * the account ends (whoever knew the old password is out), an earlier link ends, and the account
 * must change a one-time password at its next sign-in.
 */
export async function resetAccountPassword(
  ctx: TUserContext,
  userId: number,
  handover: THandover,
): Promise<THandedOver> {
  const account = await findHallAccount(ctx.db, ctx.user.hall_id, userId);
  if (!account) throw appError("ACCOUNT_NOT_FOUND", "NOT_FOUND");
  refuseRole(ctx, account.role);
  const { password, passwordHash } = await issueOneTimePassword(account.username);
  const now = ctx.now();
  const { withdrawn, link } = await ctx.db.transaction().execute(async (trx) => {
    await setUserPassword(trx, account.id, passwordHash, { mustChange: true });
    const { ended, withdrawn: closed } = await endSessions(trx, ctx, account);
    const issued =
      handover === "link"
        ? await issuePasswordLink(trx, { userId: account.id, createdByUserId: ctx.user.id, now })
        : null;
    await audit(trx, actorOf(ctx, now), {
      action: "account.resetPassword",
      entity: "user",
      entityId: account.id,
      detail: { sessionsEnded: ended, handover },
    });
    return { withdrawn: closed, link: issued };
  });
  announceWithdrawn(ctx, withdrawn);
  return { initialPassword: handover === "password" ? password : null, passwordLink: link };
}

/**
 * 停用: the account can no longer sign in and every session of it ends at once (a staff member's
 * open prompts are withdrawn with them). Never oneself, never the last active administrator.
 */
export async function disableAccount(ctx: TUserContext, userId: number): Promise<void> {
  if (userId === ctx.user.id) throw appError("ACCOUNT_SELF", "CONFLICT");
  const withdrawn = await ctx.db.transaction().execute(async (trx) => {
    const account = await lockAccount(trx, ctx.user.hall_id, userId);
    refuseRole(ctx, account.role);
    if (!account.active) return [];
    await keepOneAdministrator(trx, account);
    await setAccountActive(trx, account.id, false);
    const { ended, withdrawn: closed } = await endSessions(trx, ctx, account);
    await audit(trx, actorOf(ctx), {
      action: "account.disable",
      entity: "user",
      entityId: account.id,
      before: { active: true },
      after: { active: false },
      detail: { sessionsEnded: ended },
    });
    return closed;
  });
  announceWithdrawn(ctx, withdrawn);
}

/** 启用: a disabled account may sign in again with the password it had. */
export async function enableAccount(ctx: TUserContext, userId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const account = await findHallAccount(trx, ctx.user.hall_id, userId, { lock: true });
    if (!account) throw appError("ACCOUNT_NOT_FOUND", "NOT_FOUND");
    refuseRole(ctx, account.role);
    if (account.active) return;
    await setAccountActive(trx, account.id, true);
    await audit(trx, actorOf(ctx), {
      action: "account.enable",
      entity: "user",
      entityId: account.id,
      before: { active: false },
      after: { active: true },
    });
  });
}
