import type { Db } from "../client";
import type { User } from "../schema";

export async function insertSession(
  db: Db,
  session: { id: string; userId: number; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto("session")
    .values({
      id: session.id,
      user_id: session.userId,
      created_at: session.now,
      expires_at: session.expiresAt,
      last_seen_at: session.now,
    })
    .execute();
}

/** The signed-in user behind a session, if the session is unexpired and the user still active. */
export async function findSessionUser(db: Db, sessionId: string, now: Date): Promise<User | undefined> {
  return db
    .selectFrom("session")
    .innerJoin("user", "user.id", "session.user_id")
    .selectAll("user")
    .where("session.id", "=", sessionId)
    .where("session.expires_at", ">", now)
    .where("user.active", "=", true)
    .executeTakeFirst();
}

export async function touchSession(db: Db, sessionId: string, now: Date, expiresAt: Date): Promise<void> {
  await db
    .updateTable("session")
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where("id", "=", sessionId)
    .execute();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom("session").where("id", "=", sessionId).execute();
}
