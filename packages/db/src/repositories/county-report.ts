import type { Db } from "../client";
import type { TCountyRow } from "./county";

/** The county a county report belongs to, by id; undefined when there is none. */
export async function findCountyById(db: Db, countyId: number): Promise<TCountyRow | undefined> {
  return db
    .selectFrom("county")
    .select(["id", "area_code as areaCode", "name"])
    .where("id", "=", countyId)
    .executeTakeFirst();
}
