import type { THallKind } from "@hcp/domain";

import type { Db } from "../client";

export interface TCountyRow {
  id: number;
  areaCode: string;
  name: string;
}

export interface TCountyHallRow {
  id: number;
  code: string;
  name: string;
  kind: THallKind;
  areaCode: string | null;
  parentHallId: number | null;
  sortOrder: number;
}

/** The county a hall belongs to, or undefined for a hall on its own. */
export async function findCountyOfHall(db: Db, hallId: number): Promise<TCountyRow | undefined> {
  return db
    .selectFrom("hall")
    .innerJoin("county", "county.id", "hall.county_id")
    .select(["county.id", "county.area_code as areaCode", "county.name"])
    .where("hall.id", "=", hallId)
    .executeTakeFirst();
}

/** The county's halls in county order: the county centre, then townships, each followed by its village points. */
export async function listCountyHalls(db: Db, countyId: number): Promise<TCountyHallRow[]> {
  return db
    .selectFrom("hall")
    .select([
      "id",
      "code",
      "name",
      "kind",
      "area_code as areaCode",
      "parent_hall_id as parentHallId",
      "sort_order as sortOrder",
    ])
    .where("county_id", "=", countyId)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
}

export async function insertCounty(db: Db, county: { areaCode: string; name: string }): Promise<number> {
  const result = await db
    .insertInto("county")
    .values({ area_code: county.areaCode, name: county.name })
    .executeTakeFirstOrThrow();
  return Number(result.insertId);
}

/** Places a hall in a county (its kind, area code, parent township and list position). */
export async function placeHallInCounty(
  db: Db,
  hallId: number,
  place: { countyId: number; kind: THallKind; areaCode: string; parentHallId: number | null; sortOrder: number },
): Promise<void> {
  await db
    .updateTable("hall")
    .set({
      county_id: place.countyId,
      kind: place.kind,
      area_code: place.areaCode,
      parent_hall_id: place.parentHallId,
      sort_order: place.sortOrder,
    })
    .where("id", "=", hallId)
    .execute();
}
