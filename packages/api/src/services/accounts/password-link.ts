import { randomBytes } from "node:crypto";

import {
  deletePasswordLinks,
  deleteUserSessions,
  findPasswordLinkUser,
  hashPassword,
  replacePasswordLinks,
  setUserPassword,
  type Db,
} from "@hcp/db";
import { PASSWORD_LINK_HOURS, passwordProblem, type TPasswordLinkUse } from "@hcp/domain";

import { hashToken } from "../../context";
import type { TContext } from "../../context-types";
import { appError } from "../../errors";
import { audit } from "../audit";
import { openSession, setSessionCookie, toSessionUser, type TSessionUser } from "../auth";

/**
 * 设置密码链接: instead of a one-time password, whoever creates or resets an account may hand over a
 * link with which its owner chooses their own password and is signed in. The token (256 random
 * bits) travels only in the link's fragment and in this answer; the server keeps its sha-256. A
 * link lasts PASSWORD_LINK_HOURS, opens once, and ends when the account is reset, disabled or
 * given another link, or changes its password.
 */

export interface TPasswordLink {
  /** the path the console opens it at; the token is in the fragment, which browsers never send */
  path: string;
  expiresAt: string;
}

function passwordLinkPath(token: string): string {
  return `/console/set-password#${token}`;
}

/** A new link of the account in the caller's transaction (its earlier links end). */
export async function issuePasswordLink(
  trx: Db,
  link: { userId: number; createdByUserId: number; now: Date },
): Promise<TPasswordLink> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(link.now.getTime() + PASSWORD_LINK_HOURS * 3_600_000);
  await replacePasswordLinks(trx, { ...link, tokenHash: hashToken(token), expiresAt });
  return { path: passwordLinkPath(token), expiresAt: expiresAt.toISOString() };
}

async function linkedUser(db: Db, token: string, now: Date, options: { lock?: boolean } = {}) {
  const found = await findPasswordLinkUser(db, hashToken(token), now, options);
  if (!found) throw appError("PASSWORD_LINK_INVALID", "NOT_FOUND");
  return found;
}

/** Whose account the link opens (the page greets them by name), while it is valid. */
export async function passwordLinkAccount(
  ctx: TContext,
  token: string,
): Promise<{ username: string; displayName: string; expiresAt: string }> {
  const { user, expiresAt } = await linkedUser(ctx.db, token, ctx.now());
  return { username: user.username, displayName: user.display_name, expiresAt: expiresAt.toISOString() };
}

/**
 * The owner's own password through the link: the password rules apply, the link is used up, any
 * session of the account ends, and the owner is signed in with a new one — all in one commit.
 */
export async function setPasswordByLink(ctx: TContext, input: TPasswordLinkUse): Promise<TSessionUser> {
  const { user } = await linkedUser(ctx.db, input.token, ctx.now());
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) throw appError(problem, "BAD_REQUEST");
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.now();
  const { token, signedIn } = await ctx.db.transaction().execute(async (trx) => {
    // Two uses of the link at once: the second waits here and finds it gone.
    const locked = await linkedUser(trx, input.token, now, { lock: true });
    if (locked.user.id !== user.id) throw appError("PASSWORD_LINK_INVALID", "NOT_FOUND");
    await setUserPassword(trx, user.id, passwordHash);
    await deletePasswordLinks(trx, user.id);
    const ended = await deleteUserSessions(trx, user.id);
    await audit(
      trx,
      { actorUserId: user.id, actorRole: user.role, now },
      { action: "auth.setPasswordByLink", entity: "user", entityId: user.id, detail: { sessionsEnded: ended } },
    );
    const session = await openSession(trx, ctx, user, now);
    return { token: session, signedIn: { ...locked.user, must_change_password: false } };
  });
  setSessionCookie(ctx, token);
  return toSessionUser(ctx.db, signedIn);
}
