import { sql } from "kysely";

import { hallDate } from "@hcp/domain";

import type { Db } from "../client";
import type { Window } from "../schema";
import { foldRollupChanges } from "./rollup";

export interface TWindowStaff {
  staffId: number;
  name: string;
  badgeNo: string;
  photoUrl: string;
  departmentName: string;
  /** 持证上岗: their 上岗证 expired before the hall's today; the 亮牌 card says so */
  certificateExpired: boolean;
}

export interface TWindowWithStaff {
  id: number;
  code: string;
  name: string;
  kind: Window["kind"];
  staff: TWindowStaff | null;
}

export async function findWindow(db: Db, id: number): Promise<Window | undefined> {
  return db.selectFrom("window").selectAll().where("id", "=", id).executeTakeFirst();
}

function presenceQuery(db: Db) {
  return db
    .selectFrom("window_presence")
    .innerJoin("staff", "staff.id", "window_presence.staff_id")
    .innerJoin("department", "department.id", "staff.department_id")
    .where("window_presence.signed_out_at", "is", null)
    .select([
      "window_presence.window_id as windowId",
      "staff.id as staffId",
      "staff.name",
      "staff.badge_no as badgeNo",
      "staff.photo_url as photoUrl",
      "department.name as departmentName",
      "staff.certificate_expires_on as certificateExpiresOn",
    ]);
}

/** Whether a 上岗证 valid through `expiresOn` has expired on the hall's date now. */
function certificateExpired(expiresOn: string | null): boolean {
  return expiresOn !== null && expiresOn < hallDate(new Date());
}

/** The windows of a hall with whoever is signed in at each (亮牌). */
export async function listWindowsWithStaff(db: Db, hallId: number): Promise<TWindowWithStaff[]> {
  const [windows, presences] = await Promise.all([
    db
      .selectFrom("window")
      .select(["id", "code", "name", "kind"])
      .where("hall_id", "=", hallId)
      .where("active", "=", true)
      .orderBy("sort_order")
      .orderBy("code")
      .execute(),
    presenceQuery(db)
      .innerJoin("window", "window.id", "window_presence.window_id")
      .where("window.hall_id", "=", hallId)
      .execute(),
  ]);
  const byWindow = new Map(presences.map((presence) => [presence.windowId, presence]));
  return windows.map((window) => {
    const presence = byWindow.get(window.id);
    return {
      ...window,
      staff: presence
        ? {
            staffId: presence.staffId,
            name: presence.name,
            badgeNo: presence.badgeNo,
            photoUrl: presence.photoUrl,
            departmentName: presence.departmentName,
            certificateExpired: certificateExpired(presence.certificateExpiresOn),
          }
        : null,
    };
  });
}

export async function findWindowStaff(db: Db, windowId: number): Promise<TWindowStaff | null> {
  const presence = await presenceQuery(db).where("window_presence.window_id", "=", windowId).executeTakeFirst();
  if (!presence) return null;
  return {
    staffId: presence.staffId,
    name: presence.name,
    badgeNo: presence.badgeNo,
    photoUrl: presence.photoUrl,
    departmentName: presence.departmentName,
    certificateExpired: certificateExpired(presence.certificateExpiresOn),
  };
}

/** The window a staff member is signed in at, if any. */
export async function findStaffWindowId(db: Db, staffId: number): Promise<number | null> {
  const row = await db
    .selectFrom("window_presence")
    .select("window_id")
    .where("staff_id", "=", staffId)
    .where("signed_out_at", "is", null)
    .executeTakeFirst();
  return row?.window_id ?? null;
}

/** The open staff session (window_presence) at a window and whose it is, if anyone is signed in there. */
export async function findWindowPresence(
  db: Db,
  windowId: number,
  options: { lock?: boolean } = {},
): Promise<{ id: number; staffId: number } | null> {
  let query = db
    .selectFrom("window_presence")
    .select(["id", "staff_id as staffId"])
    .where("window_id", "=", windowId)
    .where("signed_out_at", "is", null);
  // MariaDB spells FOR SHARE the older way.
  if (options.lock) query = query.modifyEnd(sql`lock in share mode`);
  return (await query.executeTakeFirst()) ?? null;
}

/**
 * Sign a staff member in at a window. One person per window and one window per person, so both the
 * staff member's previous window and the window's previous occupant are signed out first.
 * Returns the windows whose occupant changed. Call it in a transaction: the sessions it ends have
 * open prompts to withdraw in the same commit.
 */
export async function signInAtWindow(
  trx: Db,
  presence: { windowId: number; staffId: number; now: Date },
): Promise<number[]> {
  const open = await trx
    .selectFrom("window_presence")
    .select(["id", "window_id"])
    .where("signed_out_at", "is", null)
    .where((eb) => eb.or([eb("window_id", "=", presence.windowId), eb("staff_id", "=", presence.staffId)]))
    .forUpdate()
    .execute();
  if (open.length > 0) {
    await trx
      .updateTable("window_presence")
      .set({ signed_out_at: presence.now })
      .where(
        "id",
        "in",
        open.map((row) => row.id),
      )
      .execute();
  }
  await trx
    .insertInto("window_presence")
    .values({
      window_id: presence.windowId,
      staff_id: presence.staffId,
      signed_in_at: presence.now,
      signed_out_at: null,
    })
    .execute();
  return [...new Set([presence.windowId, ...open.map((row) => row.window_id)])];
}

/** Returns the window the staff member left, if they were signed in. Call it in a transaction. */
export async function signOutOfWindow(trx: Db, staffId: number, now: Date): Promise<number | null> {
  const open = await trx
    .selectFrom("window_presence")
    .select(["id", "window_id"])
    .where("staff_id", "=", staffId)
    .where("signed_out_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
  if (!open) return null;
  await trx
    .updateTable("window_presence")
    .set({ signed_out_at: now })
    .where("staff_id", "=", staffId)
    .where("signed_out_at", "is", null)
    .execute();
  return open.window_id;
}

export interface TWindowServer {
  windowId: number;
  staffId: number;
  name: string;
  badgeNo: string;
  /** cases this person completed at the window in the period */
  casesCompleted: number;
}

/**
 * Who served at each window of a hall in a period: everyone signed in there at some moment of it
 * (presence history) and everyone who completed a case there (the cases' own staff, also when a
 * business system entered them without a sign-in). With a department, only its cases and its staff.
 */
export async function listWindowServers(
  db: Db,
  scope: { hallId: number; from: string; to: string; start: Date; end: Date; departmentId?: number },
): Promise<TWindowServer[]> {
  await foldRollupChanges(db);
  let cases = db
    .selectFrom("rollup_window_day")
    .select(["window_id as windowId", "staff_id as staffId", sql<number>`sum(completed)`.as("cases")])
    .where("hall_id", "=", scope.hallId)
    .where("day", ">=", scope.from)
    .where("day", "<=", scope.to)
    .where("window_id", ">", 0)
    .where("staff_id", ">", 0)
    .groupBy(["window_id", "staff_id"])
    .having(sql`sum(completed)`, ">", 0);
  if (scope.departmentId !== undefined) cases = cases.where("department_id", "=", scope.departmentId);
  let presences = db
    .selectFrom("window_presence")
    .innerJoin("window", "window.id", "window_presence.window_id")
    .innerJoin("staff", "staff.id", "window_presence.staff_id")
    .select(["window_presence.window_id as windowId", "window_presence.staff_id as staffId"])
    .distinct()
    .where("window.hall_id", "=", scope.hallId)
    .where("window_presence.signed_in_at", "<", scope.end)
    .where((eb) =>
      eb.or([eb("window_presence.signed_out_at", "is", null), eb("window_presence.signed_out_at", ">", scope.start)]),
    );
  if (scope.departmentId !== undefined) presences = presences.where("staff.department_id", "=", scope.departmentId);
  const [caseRows, presenceRows] = await Promise.all([cases.execute(), presences.execute()]);
  const served = new Map<string, { windowId: number; staffId: number; casesCompleted: number }>();
  for (const row of presenceRows)
    served.set(`${row.windowId}:${row.staffId}`, { windowId: row.windowId, staffId: row.staffId, casesCompleted: 0 });
  for (const row of caseRows) {
    const windowId = Number(row.windowId);
    const staffId = Number(row.staffId);
    served.set(`${windowId}:${staffId}`, { windowId, staffId, casesCompleted: Number(row.cases) });
  }
  if (served.size === 0) return [];
  const staffIds = [...new Set([...served.values()].map((row) => row.staffId))];
  const people = new Map(
    (
      await db.selectFrom("staff").select(["id", "name", "badge_no as badgeNo"]).where("id", "in", staffIds).execute()
    ).map((person) => [person.id, person]),
  );
  return [...served.values()].flatMap((row) => {
    const person = people.get(row.staffId);
    return person ? [{ ...row, name: person.name, badgeNo: person.badgeNo }] : [];
  });
}

/** A hall's windows by code. */
export async function listHallWindowsByCode(
  db: Db,
  hallId: number,
  codes: readonly string[],
): Promise<{ id: number; code: string }[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom("window")
    .select(["id", "code"])
    .where("hall_id", "=", hallId)
    .where("code", "in", [...codes])
    .execute();
}

export async function findWindowOfHall(db: Db, hallId: number, windowId: number): Promise<{ id: number } | undefined> {
  return db
    .selectFrom("window")
    .select("id")
    .where("id", "=", windowId)
    .where("hall_id", "=", hallId)
    .executeTakeFirst();
}
