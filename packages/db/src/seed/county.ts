import { BLANK_HALL, type TUserScope } from "@hcp/domain";

import type { Db } from "../client";
import { insertBlankHall } from "../repositories/accounts";
import { insertCounty, placeHallInCounty } from "../repositories/county";
import { DEMO_HALL } from "./hall";
import type { TDemoTownship } from "./townships";

/** The demo county: the county centre's region code, six zeros below it. */
export const DEMO_COUNTY = {
  name: "示范县",
  areaCode: `${DEMO_HALL.regionCode}000000`,
} as const;

export async function isDemoCountySeeded(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom("county")
    .select("id")
    .where("area_code", "=", DEMO_COUNTY.areaCode)
    .executeTakeFirst();
  return row !== undefined;
}

/** The county row above the demo's county centre, which comes first in the county's lists. */
export async function insertDemoCounty(db: Db, centreHallId: number): Promise<number> {
  const countyId = await insertCounty(db, DEMO_COUNTY);
  await placeHallInCounty(db, centreHallId, {
    countyId,
    kind: "county_centre",
    areaCode: DEMO_COUNTY.areaCode,
    parentHallId: null,
    sortOrder: 0,
  });
  return countyId;
}

/**
 * A township centre of the demo county, still blank (named and set up on its settings screen by
 * the county's administrator, as the county centre is by its own): its code, area code and place.
 */
export async function insertDemoTownshipHall(db: Db, countyId: number, township: TDemoTownship): Promise<number> {
  const hallId = await insertBlankHall(db, { ...BLANK_HALL, code: township.hallCode });
  await placeHallInCounty(db, hallId, {
    countyId,
    kind: "township_centre",
    areaCode: township.areaCode,
    parentHallId: null,
    sortOrder: township.number,
  });
  return hallId;
}

/** Gives a demo account its scope (账号管理 has no scope field yet); the caller audits it in the same transaction. */
export async function setDemoUserScope(db: Db, userId: number, scope: TUserScope): Promise<void> {
  await db.updateTable("user").set({ scope }).where("id", "=", userId).execute();
}
