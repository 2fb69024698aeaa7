import { randomBytes } from "node:crypto";

import { serialize } from "cookie";
import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";

import {
  deletePasswordLinks,
  deleteSession,
  deleteUserSessions,
  findCountyOfHall,
  findUserById,
  findUserByUsername,
  hashPassword,
  insertSession,
  recordSignIn,
  setUserPassword,
  verifyPassword,
  type Db,
  type User,
} from "@hcp/db";
import {
  passwordProblem,
  signInLockedMessage,
  type TPasswordChange,
  type TRole,
  type TSignIn,
  type TUserScope,
} from "@hcp/domain";

import { hashToken } from "../context";
import type { TContext } from "../context-types";
import { AppError, appError } from "../errors";
import { actorOf, audit } from "./audit";
import { announceWithdrawn, withdrawInTransaction } from "./prompts";

export const SESSION_COOKIE = "hcp_session";
export const DEVICE_COOKIE = "hcp_device";

const unknownUserHash = hashPassword(randomBytes(16).toString("hex"));

/** A working day and a bit: staff sign in each morning. */
const SESSION_TTL_MS = 12 * 3_600_000;

export interface TSessionUser {
  id: number;
  username: string;
  displayName: string;
  role: TRole;
  staffId: number | null;
  departmentId: number | null;
  /** someone else chose the password (a new account, a reset): nothing else opens until it is changed */
  mustChangePassword: boolean;
  /** 'county': the user may work in every hall of the county (切换大厅) */
  scope: TUserScope;
  /** the hall this session works in: the user's own, or the one a county user chose */
  hallId: number;
  /** the county of that hall; null for a hall on its own */
  county: { id: number; areaCode: string; name: string } | null;
}

export async function toSessionUser(db: Db, user: User): Promise<TSessionUser> {
  const county = await findCountyOfHall(db, user.hall_id);
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    staffId: user.staff_id,
    departmentId: user.department_id,
    mustChangePassword: user.must_change_password,
    scope: user.scope,
    hallId: user.hall_id,
    county: county ?? null,
  };
}

function sessionCookie(ctx: TContext, token: string, maxAgeSeconds: number): string {
  return serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: ctx.secureCookies ?? false,
    path: "/",
    maxAge: maxAgeSeconds,
  });
}

/**
 * Wrong passwords: five per username within a quarter hour lock that username until the quarter
 * hour is over (guessing one account), thirty per address lock the address (guessing many). In memory, like the other
 * attempt budgets: one server process per hall. A right password clears the username's count.
 */
export const SIGN_IN_LIMITS = { perUsername: 5, perAddress: 30, lockSeconds: 15 * 60 } as const;
const failuresByUsername = new RateLimiterMemory({
  points: SIGN_IN_LIMITS.perUsername,
  duration: SIGN_IN_LIMITS.lockSeconds,
});
const failuresByAddress = new RateLimiterMemory({
  points: SIGN_IN_LIMITS.perAddress,
  duration: SIGN_IN_LIMITS.lockSeconds,
});

/** SIGN_IN_LOCKED, its message naming the minutes to wait. */
class SignInLockedError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(msBeforeNext: number) {
    super("SIGN_IN_LOCKED", "TOO_MANY_REQUESTS");
    this.retryAfterSeconds = Math.ceil(msBeforeNext / 1000);
    this.message = signInLockedMessage(msBeforeNext / 60_000);
  }
}

function throttleKeys(ctx: TContext, username: string): { username: string; address: string } {
  return { username: username.trim().toLowerCase(), address: ctx.request.ip ?? "unknown" };
}

async function refuseWhileLocked(keys: { username: string; address: string }): Promise<void> {
  const [byUsername, byAddress] = await Promise.all([
    failuresByUsername.get(keys.username),
    failuresByAddress.get(keys.address),
  ]);
  const locked = [
    byUsername && byUsername.consumedPoints >= SIGN_IN_LIMITS.perUsername ? byUsername : null,
    byAddress && byAddress.consumedPoints >= SIGN_IN_LIMITS.perAddress ? byAddress : null,
  ].filter((entry): entry is RateLimiterRes => entry !== null);
  if (locked.length > 0) throw new SignInLockedError(Math.max(...locked.map((entry) => entry.msBeforeNext)));
}

/** Counts a wrong password; the attempt that uses up a budget is already answered with the lock. */
async function countFailure(keys: { username: string; address: string }): Promise<void> {
  const spent = await Promise.allSettled([
    failuresByUsername.consume(keys.username),
    failuresByAddress.consume(keys.address),
  ]);
  const refused = spent.flatMap((result) => {
    if (result.status === "rejected") return [result.reason as RateLimiterRes];
    return result.value.remainingPoints === 0 ? [result.value] : [];
  });
  if (refused.length > 0) throw new SignInLockedError(Math.max(...refused.map((entry) => entry.msBeforeNext)));
}

/**
 * The user a username and password name, under the sign-in attempt budgets (a wrong password
 * counts against the username and the address, a right one clears the username's count). Used
 * by the sign-in and by a manager's approval typed in on a staff member's desk.
 */
export async function verifyCredentials(ctx: TContext, input: TSignIn): Promise<User> {
  const keys = throttleKeys(ctx, input.username);
  await refuseWhileLocked(keys);
  const user = await findUserByUsername(ctx.db, input.username);
  // An unknown username costs the same argon2 work as a wrong password, so timing reveals nothing.
  const valid = await verifyPassword(user?.password_hash ?? (await unknownUserHash), input.password);
  if (!user || !valid) {
    await countFailure(keys);
    throw appError("INVALID_CREDENTIALS", "UNAUTHORIZED");
  }
  await failuresByUsername.delete(keys.username);
  if (!user.active) throw appError("ACCOUNT_DISABLED", "FORBIDDEN");
  return user;
}

/**
 * A new session of the user, in the caller's transaction with its "auth.signIn" record (append it
 * last); the cookie is set once that has committed, with the token this answers.
 */
export async function openSession(trx: Db, ctx: TContext, user: User, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await insertSession(trx, {
    id: hashToken(token),
    userId: user.id,
    now,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
  });
  await recordSignIn(trx, user.id, now);
  await audit(
    trx,
    { actorUserId: user.id, actorRole: user.role, now },
    { action: "auth.signIn", entity: "user", entityId: user.id, detail: { ip: ctx.request.ip } },
  );
  return token;
}

export function setSessionCookie(ctx: TContext, token: string): void {
  ctx.request.setCookie(sessionCookie(ctx, token, SESSION_TTL_MS / 1000));
}

export async function signIn(ctx: TContext, input: TSignIn): Promise<TSessionUser> {
  const user = await verifyCredentials(ctx, input);
  const now = ctx.now();
  // The session and its "auth.signIn" record commit together.
  const token = await ctx.db.transaction().execute((trx) => openSession(trx, ctx, user, now));
  setSessionCookie(ctx, token);
  return toSessionUser(ctx.db, user);
}

/**
 * 退出登录. A staff member's session ending withdraws the prompts they pushed that are still open,
 * in the same commit: nobody is left at the desk to see what the evaluator shows.
 */
export async function signOut(ctx: TContext & { sessionId: string }): Promise<void> {
  const staffId = ctx.user?.staff_id ?? null;
  const withdrawn = await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, ctx.sessionId);
    return staffId === null ? [] : withdrawInTransaction(trx, actorOf(ctx), { staffId }, "sessionEnded");
  });
  announceWithdrawn(ctx, withdrawn);
  ctx.request.setCookie(sessionCookie(ctx, "", 0));
}

/**
 * 退出所有设备: every session of the user ends, this one included (a lost phone, a shared PC); like
 * 退出登录, a staff member's open prompts are withdrawn, all in one commit with the record.
 */
export async function signOutEverywhere(ctx: TContext & { user: NonNullable<TContext["user"]> }): Promise<number> {
  const user = ctx.user;
  const { ended, withdrawn } = await ctx.db.transaction().execute(async (trx) => {
    const count = await deleteUserSessions(trx, user.id);
    await audit(trx, actorOf(ctx), {
      action: "auth.signOutEverywhere",
      entity: "user",
      entityId: user.id,
      detail: { ended: count },
    });
    const closed =
      user.staff_id === null
        ? []
        : await withdrawInTransaction(trx, actorOf(ctx), { staffId: user.staff_id }, "sessionEnded");
    return { ended: count, withdrawn: closed };
  });
  announceWithdrawn(ctx, withdrawn);
  ctx.request.setCookie(sessionCookie(ctx, "", 0));
  return ended;
}

/**
 * A new password for the signed-in user: the current one proves it is them, the rules of
 * passwordProblem apply, and every other session ends (whoever knew the old password is out). A
 * one-time password (a new account's, a reset's) must be replaced by a different one; the change
 * lifts the forced change at first sign-in.
 */
export async function changePassword(
  ctx: TContext & { user: NonNullable<TContext["user"]>; sessionId: string },
  input: TPasswordChange,
): Promise<void> {
  const user = await findUserById(ctx.db, ctx.user.id);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword)))
    throw appError("PASSWORD_WRONG", "BAD_REQUEST");
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) throw appError(problem, "BAD_REQUEST");
  if (input.newPassword === input.currentPassword) throw appError("PASSWORD_UNCHANGED", "BAD_REQUEST");
  const passwordHash = await hashPassword(input.newPassword);
  // The new password, the other sessions' end and the record commit together.
  await ctx.db.transaction().execute(async (trx) => {
    await setUserPassword(trx, user.id, passwordHash);
    // A set-password link still waiting would replace the password the user just chose.
    await deletePasswordLinks(trx, user.id);
    await deleteUserSessions(trx, user.id, ctx.sessionId);
    await audit(trx, actorOf(ctx), { action: "auth.changePassword", entity: "user", entityId: user.id });
  });
}
