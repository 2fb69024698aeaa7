import type { Db } from "../client";

/** 大厅设置 as stored: the hall's own columns, and when its logo was last replaced (null: none). */
export interface THallSettingsRow {
  name: string;
  regionCode: string;
  address: string;
  /** JSON, "" before anyone saved them */
  openingHours: string;
  logoUpdatedAt: Date | null;
}

export async function findHallSettings(db: Db, hallId: number): Promise<THallSettingsRow | undefined> {
  return db
    .selectFrom("hall")
    .leftJoin("hall_logo", "hall_logo.hall_id", "hall.id")
    .select([
      "hall.name",
      "hall.region_code as regionCode",
      "hall.address",
      "hall.opening_hours as openingHours",
      "hall_logo.updated_at as logoUpdatedAt",
    ])
    .where("hall.id", "=", hallId)
    .executeTakeFirst();
}

export async function updateHallSettings(
  db: Db,
  hallId: number,
  values: { name: string; region_code: string; address: string; opening_hours: string },
): Promise<void> {
  await db.updateTable("hall").set(values).where("id", "=", hallId).execute();
}

/** The hall's logo (PNG) and when it was set, or undefined. */
export async function findHallLogo(db: Db, hallId: number): Promise<{ image: Buffer; updatedAt: Date } | undefined> {
  return db
    .selectFrom("hall_logo")
    .select(["image", "updated_at as updatedAt"])
    .where("hall_id", "=", hallId)
    .executeTakeFirst();
}

/** Sets or replaces the hall's logo with an already re-encoded image. */
export async function saveHallLogo(db: Db, hallId: number, image: Buffer, now: Date): Promise<void> {
  await db
    .insertInto("hall_logo")
    .values({ hall_id: hallId, image, updated_at: now })
    .onDuplicateKeyUpdate({ image, updated_at: now })
    .execute();
}

/** Removes the hall's logo; whether there was one. */
export async function deleteHallLogo(db: Db, hallId: number): Promise<boolean> {
  const result = await db.deleteFrom("hall_logo").where("hall_id", "=", hallId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The ids of a hall's windows, for telling every evaluator of the hall about a change. */
export async function listHallWindowIds(db: Db, hallId: number): Promise<number[]> {
  const rows = await db.selectFrom("window").select("id").where("hall_id", "=", hallId).execute();
  return rows.map((row) => row.id);
}
