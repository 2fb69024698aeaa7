import { randomBytes } from "node:crypto";

import { serialize } from "cookie";

import {
  deleteSession,
  findUserByUsername,
  hashPassword,
  insertAudit,
  insertSession,
  verifyPassword,
} from "@hcp/db";
import type { TRole, TSignIn } from "@hcp/domain";

import type { TContext } from "../context";
import { hashToken } from "../context";
import { appError } from "../errors";

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
}

export function toSessionUser(user: NonNullable<TContext["user"]>): TSessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role as TRole,
    staffId: user.staff_id,
    departmentId: user.department_id,
  };
}

export function sessionCookie(ctx: TContext, token: string, maxAgeSeconds: number): string {
  return serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: ctx.secureCookies ?? false,
    path: "/",
    maxAge: maxAgeSeconds,
  });
}

export async function signIn(ctx: TContext, input: TSignIn): Promise<TSessionUser> {
  const user = await findUserByUsername(ctx.db, input.username);
  // An unknown username costs the same argon2 work as a wrong password, so timing reveals nothing.
  const valid = await verifyPassword(user?.password_hash ?? (await unknownUserHash), input.password);
  if (!user || !valid) throw appError("INVALID_CREDENTIALS", "UNAUTHORIZED");
  if (!user.active) throw appError("ACCOUNT_DISABLED", "FORBIDDEN");
  const token = randomBytes(32).toString("base64url");
  const now = ctx.now();
  await insertSession(ctx.db, {
    id: hashToken(token),
    userId: user.id,
    now,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
  });
  await insertAudit(ctx.db, {
    actorUserId: user.id,
    action: "auth.signIn",
    entity: "user",
    entityId: user.id,
    detail: { ip: ctx.request.ip },
    now,
  });
  ctx.request.setCookie(sessionCookie(ctx, token, SESSION_TTL_MS / 1000));
  return toSessionUser(user);
}

export async function signOut(ctx: TContext & { sessionId: string }): Promise<void> {
  await deleteSession(ctx.db, ctx.sessionId);
  ctx.request.setCookie(sessionCookie(ctx, "", 0));
}
