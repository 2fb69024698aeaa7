import type { TRole } from "@hcp/domain";

import type { Db } from "../client";

/** One row of 账号管理: the account, its scope by name, and when it last signed in. */
export interface TAccountRow {
  id: number;
  username: string;
  displayName: string;
  role: TRole;
  departmentId: number | null;
  departmentName: string | null;
  staffId: number | null;
  staffName: string | null;
  staffBadgeNo: string | null;
  active: boolean;
  mustChangePassword: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
}

/** Every account of the hall, active ones first, then by role and username. */
export async function listHallAccounts(db: Db, hallId: number): Promise<TAccountRow[]> {
  const rows = await db
    .selectFrom("user")
    .leftJoin("department", "department.id", "user.department_id")
    .leftJoin("staff", "staff.id", "user.staff_id")
    .select([
      "user.id as id",
      "user.username as username",
      "user.display_name as displayName",
      "user.role as role",
      "user.department_id as departmentId",
      "department.name as departmentName",
      "user.staff_id as staffId",
      "staff.name as staffName",
      "staff.badge_no as staffBadgeNo",
      "user.active as active",
      "user.must_change_password as mustChangePassword",
      "user.last_sign_in_at as lastSignInAt",
      "user.created_at as createdAt",
    ])
    .where("user.hall_id", "=", hallId)
    .orderBy("user.active", "desc")
    .orderBy("user.role")
    .orderBy("user.username")
    .execute();
  return rows.map((row) => ({
    ...row,
    active: Boolean(row.active),
    mustChangePassword: Boolean(row.mustChangePassword),
  }));
}

/** The fields of an account a change may touch, as the audit trail records them. */
export interface TAccountRecord {
  id: number;
  username: string;
  displayName: string;
  role: TRole;
  departmentId: number | null;
  staffId: number | null;
  active: boolean;
}

/** An account of the hall; `lock` holds its row until the transaction ends (a change reads, then writes). */
export async function findHallAccount(
  db: Db,
  hallId: number,
  userId: number,
  options: { lock?: boolean } = {},
): Promise<TAccountRecord | undefined> {
  let query = db
    .selectFrom("user")
    .select([
      "id",
      "username",
      "display_name as displayName",
      "role",
      "department_id as departmentId",
      "staff_id as staffId",
      "active",
    ])
    .where("hall_id", "=", hallId)
    .where("id", "=", userId);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row;
}

export async function updateAccount(
  db: Db,
  userId: number,
  account: { displayName: string; role: TRole; departmentId: number | null; staffId: number | null },
): Promise<void> {
  await db
    .updateTable("user")
    .set({
      display_name: account.displayName,
      role: account.role,
      department_id: account.departmentId,
      staff_id: account.staffId,
    })
    .where("id", "=", userId)
    .execute();
}

export async function setAccountActive(db: Db, userId: number, active: boolean): Promise<void> {
  await db.updateTable("user").set({ active }).where("id", "=", userId).execute();
}

/** Disables the active account linked to a staff member (离职), if there is one, and says which. */
export async function disableStaffAccount(db: Db, staffId: number): Promise<number | null> {
  const account = await db
    .selectFrom("user")
    .select("id")
    .where("staff_id", "=", staffId)
    .where("active", "=", true)
    .forUpdate()
    .executeTakeFirst();
  if (!account) return null;
  await setAccountActive(db, account.id, false);
  return account.id;
}

/**
 * The active administrators, their rows locked until the transaction ends: two administrators
 * disabling each other at once cannot both pass the "not the last one" check.
 */
export async function lockActiveAdministrators(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom("user")
    .select("id")
    .where("role", "=", "admin")
    .where("active", "=", true)
    .forUpdate()
    .execute();
  return rows.map((row) => row.id);
}

/** The hall's staff an account may be linked to: in service, with the account already linked, if any. */
export async function listStaffForAccounts(db: Db, hallId: number) {
  const rows = await db
    .selectFrom("staff")
    .innerJoin("department", "department.id", "staff.department_id")
    .leftJoin("user", "user.staff_id", "staff.id")
    .select([
      "staff.id as id",
      "staff.name as name",
      "staff.badge_no as badgeNo",
      "department.name as departmentName",
      "user.id as userId",
    ])
    .where("staff.hall_id", "=", hallId)
    .where("staff.active", "=", true)
    .where("staff.left_on", "is", null)
    .orderBy("staff.badge_no")
    .execute();
  return rows;
}

/** A staff member of the hall still in service, and the account linked to them, if any. */
export async function findStaffForAccount(
  db: Db,
  hallId: number,
  staffId: number,
): Promise<{ id: number; userId: number | null } | undefined> {
  return db
    .selectFrom("staff")
    .leftJoin("user", "user.staff_id", "staff.id")
    .select(["staff.id as id", "user.id as userId"])
    .where("staff.hall_id", "=", hallId)
    .where("staff.id", "=", staffId)
    .where("staff.active", "=", true)
    .where("staff.left_on", "is", null)
    .executeTakeFirst();
}

export async function recordSignIn(db: Db, userId: number, now: Date): Promise<void> {
  await db.updateTable("user").set({ last_sign_in_at: now }).where("id", "=", userId).execute();
}

/** Whether any administrator account exists, active or not: the empty start creates the first one only. */
export async function hasAdministrator(db: Db): Promise<boolean> {
  const row = await db.selectFrom("user").select("id").where("role", "=", "admin").limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * The hall the first administrator belongs to: the existing one, or a blank hall (named, with its
 * 行政区划代码, on the hall's settings screen) — every account belongs to a hall.
 */
export async function firstOrBlankHall(db: Db, blank: { code: string; name: string; regionCode: string }) {
  const existing = await db.selectFrom("hall").select("id").orderBy("id").limit(1).executeTakeFirst();
  if (existing) return existing.id;
  return insertBlankHall(db, blank);
}

/** A new hall under its code, still to be named and set up on its settings screen (7-day rating window). */
export async function insertBlankHall(db: Db, blank: { code: string; name: string; regionCode: string }) {
  const result = await db
    .insertInto("hall")
    .values({ code: blank.code, name: blank.name, region_code: blank.regionCode, rating_window_days: 7 })
    .executeTakeFirstOrThrow();
  return Number(result.insertId);
}
