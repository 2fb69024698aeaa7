import type { TRole } from "@hcp/domain";

import type { Db } from "../client";
import { hashPassword } from "../passwords";
import { insertCounty, placeHallInCounty } from "../repositories/county";
import { insertUser } from "../repositories/user";
import { createHallFixture, FIXTURE_PASSWORD, type THallFixture } from "./fixtures";

export const FIXTURE_COUNTY_CODE = "330102000000";
export const FIXTURE_TOWNSHIP_CODE = "330102101000";

/** The roles that may answer for the whole county (the readers of SPEC §1). */
type TCountyRole = Extract<TRole, "admin" | "auditor" | "hall_manager" | "department_head">;

export interface TCountyFixture {
  countyId: number;
  /** the county centre: the TEST hall, its users scoped to it */
  centre: THallFixture;
  /** a township centre (tag TWN), its users scoped to it */
  township: THallFixture;
  /** county-scoped users whose own hall is the county centre (username county_<role>) */
  countyUsers: Record<TCountyRole, { id: number; username: string }>;
}

/** A county with its centre and one township, each a full fixture hall, and a county user per reader role. */
export async function createCountyFixture(db: Db): Promise<TCountyFixture> {
  const countyId = await insertCounty(db, { areaCode: FIXTURE_COUNTY_CODE, name: "测试县" });
  const centre = await createHallFixture(db);
  await placeHallInCounty(db, centre.hallId, {
    countyId,
    kind: "county_centre",
    areaCode: FIXTURE_COUNTY_CODE,
    parentHallId: null,
    sortOrder: 0,
  });
  const township = await createHallFixture(db, "TWN", "测试镇便民服务中心");
  await placeHallInCounty(db, township.hallId, {
    countyId,
    kind: "township_centre",
    areaCode: FIXTURE_TOWNSHIP_CODE,
    parentHallId: null,
    sortOrder: 1,
  });
  const passwordHash = await hashPassword(FIXTURE_PASSWORD);
  const countyUsers = {} as TCountyFixture["countyUsers"];
  for (const role of ["admin", "auditor", "hall_manager", "department_head"] as const) {
    const username = `county_${role}`;
    const id = await insertUser(db, {
      username,
      password_hash: passwordHash,
      display_name: username,
      role,
      hall_id: centre.hallId,
      department_id: role === "department_head" ? centre.departmentIds[0] : null,
      staff_id: null,
      active: true,
      created_at: new Date(),
      scope: "county",
    });
    countyUsers[role] = { id, username };
  }
  return { countyId, centre, township, countyUsers };
}
