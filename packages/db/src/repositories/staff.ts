import type { Db } from "../client";

/** A hall's staff by badge number. */
export async function listHallStaffByBadgeNos(
  db: Db,
  hallId: number,
  badgeNos: readonly string[],
): Promise<{ id: number; badge_no: string }[]> {
  if (badgeNos.length === 0) return [];
  return db
    .selectFrom("staff")
    .select(["id", "badge_no"])
    .where("hall_id", "=", hallId)
    .where("badge_no", "in", [...badgeNos])
    .execute();
}

export async function listStaffBadgeNos(db: Db, staffId: number): Promise<string[]> {
  const rows = await db.selectFrom("staff").select("badge_no").where("id", "=", staffId).execute();
  return rows.map((row) => row.badge_no);
}

export async function findStaffOfHall(
  db: Db,
  hallId: number,
  staffId: number,
): Promise<{ id: number; department_id: number } | undefined> {
  return db
    .selectFrom("staff")
    .select(["id", "department_id"])
    .where("id", "=", staffId)
    .where("hall_id", "=", hallId)
    .executeTakeFirst();
}

/** A staff member's name and card photo by badge number (the avatar placeholder, or the uploaded photo). */
export async function findStaffByBadgeNo(
  db: Db,
  badgeNo: string,
): Promise<{ name: string; photoUrl: string } | undefined> {
  return db
    .selectFrom("staff")
    .select(["name", "photo_url as photoUrl"])
    .where("badge_no", "=", badgeNo)
    .executeTakeFirst();
}
