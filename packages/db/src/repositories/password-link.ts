import type { Db } from "../client";
import type { User } from "../schema";

/** 设置密码链接: a new link of the account, its earlier ones deleted (one link at a time). */
export async function replacePasswordLinks(
  db: Db,
  link: { tokenHash: string; userId: number; createdByUserId: number; now: Date; expiresAt: Date },
): Promise<void> {
  await deletePasswordLinks(db, link.userId);
  await db
    .insertInto("password_link")
    .values({
      token_hash: link.tokenHash,
      user_id: link.userId,
      created_by_user_id: link.createdByUserId,
      created_at: link.now,
      expires_at: link.expiresAt,
    })
    .execute();
}

/** Every link of the account ends: used, reset, disabled or replaced. Answers how many there were. */
export async function deletePasswordLinks(db: Db, userId: number): Promise<number> {
  const result = await db.deleteFrom("password_link").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The active account an unexpired link opens, with the link's end; `lock` holds the link's row until
 * the transaction ends (two uses of one link at once: the second finds it gone).
 */
export async function findPasswordLinkUser(
  db: Db,
  tokenHash: string,
  now: Date,
  options: { lock?: boolean } = {},
): Promise<{ user: User; expiresAt: Date } | undefined> {
  let query = db
    .selectFrom("password_link")
    .innerJoin("user", "user.id", "password_link.user_id")
    .selectAll("user")
    .select("password_link.expires_at as link_expires_at")
    .where("password_link.token_hash", "=", tokenHash)
    .where("password_link.expires_at", ">", now)
    .where("user.active", "=", true);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const { link_expires_at: expiresAt, ...user } = row;
  return { user, expiresAt };
}
