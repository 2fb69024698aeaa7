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

/** Signed in for this long without a call, a session ends (a desk left unattended). */
export const SESSION_IDLE_MS = 2 * 3_600_000;
/** last_seen_at is moved on at most this often: one write a minute per user, not one per call. */
const SESSION_TOUCH_AFTER_MS = 60_000;

/**
 * The signed-in user behind a session, if the session is unexpired (absolute end), was used within
 * the idle limit, and the user is still active. Moves the session's last use on as a side effect.
 * A county user working in another hall of their county comes back with that hall as `hall_id`:
 * every per-hall procedure then serves the hall they chose, and no one else can choose one.
 */
export async function findSessionUser(
  db: Db,
  sessionId: string,
  now: Date,
  idleMs = SESSION_IDLE_MS,
): Promise<User | undefined> {
  const row = await db
    .selectFrom("session")
    .innerJoin("user", "user.id", "session.user_id")
    .innerJoin("hall as home", "home.id", "user.hall_id")
    .leftJoin("hall as acting", (join) =>
      join.onRef("acting.id", "=", "session.acting_hall_id").onRef("acting.county_id", "=", "home.county_id"),
    )
    .selectAll("user")
    .select(["session.last_seen_at as session_last_seen_at", "acting.id as acting_hall_id"])
    .where("session.id", "=", sessionId)
    .where("session.expires_at", ">", now)
    .where("session.last_seen_at", ">", new Date(now.getTime() - idleMs))
    .where("user.active", "=", true)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_last_seen_at: lastSeenAt, acting_hall_id: actingHallId, ...user } = row;
  if (user.scope === "county" && actingHallId !== null) user.hall_id = actingHallId;
  if (now.getTime() - lastSeenAt.getTime() > SESSION_TOUCH_AFTER_MS) {
    await db.updateTable("session").set({ last_seen_at: now }).where("id", "=", sessionId).execute();
  }
  return user;
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

/** Every session of a user, for 退出所有设备 and a password change; `except` keeps the caller's own. */
export async function deleteUserSessions(db: Db, userId: number, except?: string): Promise<number> {
  let query = db.deleteFrom("session").where("user_id", "=", userId);
  if (except !== undefined) query = query.where("id", "!=", except);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The hall a county user's session works in from now on (null: their own); checked by the caller. */
export async function setSessionActingHall(db: Db, sessionId: string, hallId: number | null): Promise<void> {
  await db.updateTable("session").set({ acting_hall_id: hallId }).where("id", "=", sessionId).execute();
}
