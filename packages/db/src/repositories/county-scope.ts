import type { THallKind } from "@hcp/domain";

import type { Db } from "../client";

export interface TCountyHallPlace {
  name: string;
  kind: THallKind;
  areaCode: string;
  parentHallId: number | null;
  sortOrder: number;
}

/** The hall of the county under that area code, if any (an area has one hall). */
export async function findCountyHallByAreaCode(
  db: Db,
  countyId: number,
  areaCode: string,
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom("hall")
    .select("id")
    .where("county_id", "=", countyId)
    .where("area_code", "=", areaCode)
    .executeTakeFirst();
}

/**
 * A new hall of the county, still to be set up on its own screens (7-day rating window like every
 * new hall); its code is its area code, its region the county's.
 */
export async function insertCountyHall(
  db: Db,
  countyId: number,
  countyAreaCode: string,
  hall: TCountyHallPlace,
): Promise<number> {
  const result = await db
    .insertInto("hall")
    .values({
      code: hall.areaCode,
      name: hall.name,
      region_code: countyAreaCode.slice(0, 6),
      rating_window_days: 7,
      county_id: countyId,
      kind: hall.kind,
      area_code: hall.areaCode,
      parent_hall_id: hall.parentHallId,
      sort_order: hall.sortOrder,
    })
    .executeTakeFirstOrThrow();
  return Number(result.insertId);
}

/** A county hall's name, area code, township and list position (its kind and county stay). */
export async function updateCountyHall(db: Db, hallId: number, hall: Omit<TCountyHallPlace, "kind">): Promise<void> {
  await db
    .updateTable("hall")
    .set({
      name: hall.name,
      area_code: hall.areaCode,
      parent_hall_id: hall.parentHallId,
      sort_order: hall.sortOrder,
    })
    .where("id", "=", hallId)
    .execute();
}
