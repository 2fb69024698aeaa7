import { firstOrBlankHall, hasAdministrator, insertUser, lockActiveAdministrators, type Db } from "@hcp/db";
import { BLANK_HALL, ZUsername } from "@hcp/domain";

import { audit, systemActor } from "../audit";
import { issueOneTimePassword } from "./one-time-password";

/**
 * 从零开始: the first administrator of an installation without one, with a one-time password that
 * is returned this once (the caller prints it) and must be changed at the first sign-in. Nothing
 * else is created but the blank hall every account belongs to. Null when an administrator exists
 * already: starting again never prints a password twice nor adds a second one.
 */
export async function ensureFirstAdministrator(
  db: Db,
  username: string,
  now: Date,
): Promise<{ username: string; password: string } | null> {
  const parsed = ZUsername.safeParse(username);
  if (!parsed.success) throw new Error(`administrator username "${username}": ${parsed.error.issues[0]?.message}`);
  const name = parsed.data;
  if (await hasAdministrator(db)) return null;
  const { password, passwordHash } = await issueOneTimePassword(name);
  const created = await db.transaction().execute(async (trx) => {
    // Two processes starting at once: the second waits on the first's locks, then finds its administrator.
    await lockActiveAdministrators(trx);
    if (await hasAdministrator(trx)) return false;
    const hallId = await firstOrBlankHall(trx, BLANK_HALL);
    await insertFirstAdministrator(trx, { hallId, username: name, passwordHash, now });
    return true;
  });
  return created ? { username: name, password } : null;
}

/**
 * A hall's first administrator, in the caller's transaction: 系统管理员 with a one-time password's
 * hash (changed at the first sign-in), audited as created by the system.
 */
export async function insertFirstAdministrator(
  trx: Db,
  account: { hallId: number; username: string; passwordHash: string; now: Date },
): Promise<number> {
  const userId = await insertUser(trx, {
    username: account.username,
    password_hash: account.passwordHash,
    display_name: "系统管理员",
    role: "admin",
    hall_id: account.hallId,
    department_id: null,
    staff_id: null,
    active: true,
    created_at: account.now,
    must_change_password: true,
  });
  await audit(trx, systemActor(account.now), {
    action: "account.create",
    entity: "user",
    entityId: userId,
    before: null,
    after: { username: account.username, role: "admin", firstAdministrator: true },
  });
  return userId;
}
