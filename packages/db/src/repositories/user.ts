import type { TRole } from "@hcp/domain";

import type { Db } from "../client";
import type { NewUser, User } from "../schema";

export async function findUserByUsername(db: Db, username: string): Promise<User | undefined> {
  return db.selectFrom("user").selectAll().where("username", "=", username).executeTakeFirst();
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  return db.selectFrom("user").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertUser(db: Db, user: NewUser): Promise<number> {
  const result = await db.insertInto("user").values(user).executeTakeFirstOrThrow();
  return Number(result.insertId);
}

/**
 * Names of the active users holding a role in a hall (and department, for department heads):
 * whom a work order waits for, by name.
 */
export async function listActiveUserNames(
  db: Db,
  who: { hallId: number; role: TRole; departmentId?: number },
): Promise<string[]> {
  let query = db
    .selectFrom("user")
    .select("display_name")
    .where("hall_id", "=", who.hallId)
    .where("role", "=", who.role)
    .where("active", "=", true);
  if (who.departmentId !== undefined) query = query.where("department_id", "=", who.departmentId);
  const rows = await query.orderBy("id").execute();
  return rows.map((row) => row.display_name);
}

/**
 * A new password. `mustChange`: someone else chose it (a new account's, a reset's), so the user
 * changes it at the next sign-in; a user choosing their own clears the mark.
 */
export async function setUserPassword(
  db: Db,
  userId: number,
  passwordHash: string,
  options: { mustChange?: boolean } = {},
): Promise<void> {
  await db
    .updateTable("user")
    .set({ password_hash: passwordHash, must_change_password: options.mustChange ?? false })
    .where("id", "=", userId)
    .execute();
}
