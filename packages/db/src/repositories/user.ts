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
