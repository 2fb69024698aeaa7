import type { Db } from "../client";
import { hashPassword } from "../passwords";
import { insertCounty, placeHallInCounty } from "../repositories/county";
import { insertUser } from "../repositories/user";
import { FIXTURE_PASSWORD, hashDeviceToken, type TCaseHall, type THallFixture } from "./fixtures";

/** The fixture hall's county: its 6-digit region followed by six zeros, townships <county6>1NN000. */
const TOWNSHIPS_COUNTY_CODE = "330106000000";

export interface TTownshipsFixture {
  countyId: number;
  /** the townships in county order, each a small hall of its own */
  townships: (TCaseHall & { name: string; areaCode: string })[];
  /** county-scoped accounts of the fixture hall: leadership (auditor) and an administrator */
  users: { auditor: { id: number; username: string }; admin: { id: number; username: string } };
}

/**
 * Puts the fixture hall (the county centre) in a county with `townships` township centres, each
 * with two departments named as the centre's, an item each,
 * two windows with a paired evaluator and two staff; and county-scoped accounts.
 */
export async function createTownshipsFixture(
  db: Db,
  centre: THallFixture,
  townships: readonly string[],
): Promise<TTownshipsFixture> {
  const countyId = await insertCounty(db, { areaCode: TOWNSHIPS_COUNTY_CODE, name: "测试县" });
  await placeHallInCounty(db, centre.hallId, {
    countyId,
    kind: "county_centre",
    areaCode: TOWNSHIPS_COUNTY_CODE,
    parentHallId: null,
    sortOrder: 0,
  });
  const centreDepartments = await db
    .selectFrom("department")
    .select(["code", "name"])
    .where("hall_id", "=", centre.hallId)
    .orderBy("sort_order")
    .execute();
  const made: TTownshipsFixture["townships"] = [];
  for (const [index, name] of townships.entries()) {
    const areaCode = `${TOWNSHIPS_COUNTY_CODE.slice(0, 6)}1${String(index + 1).padStart(2, "0")}000`;
    const hall = await db
      .insertInto("hall")
      .values({ code: `TEST-T${index + 1}`, name, region_code: "330000", rating_window_days: 7 })
      .executeTakeFirstOrThrow();
    const hallId = Number(hall.insertId);
    await placeHallInCounty(db, hallId, {
      countyId,
      kind: "township_centre",
      areaCode,
      parentHallId: null,
      sortOrder: index + 1,
    });
    const departmentIds: number[] = [];
    const itemIds: number[] = [];
    for (const [position, department] of centreDepartments.entries()) {
      const row = await db
        .insertInto("department")
        // Department codes (统一社会信用代码) are unique across the platform: a township's own.
        .values({
          hall_id: hallId,
          code: `${department.code}-T${index + 1}`,
          name: department.name,
          sort_order: position,
        })
        .executeTakeFirstOrThrow();
      departmentIds.push(Number(row.insertId));
      const promised = position === 1;
      const item = await db
        .insertInto("service_item")
        .values({
          department_id: Number(row.insertId),
          code: `TEST-T${index + 1}-000${position + 1}`,
          name: promised ? "农村宅基地审批" : "城乡居民医保登记",
          case_type: promised ? "promised" : "instant",
          promised_days: promised ? 5 : 0,
          active: true,
        })
        .executeTakeFirstOrThrow();
      itemIds.push(Number(item.insertId));
    }
    const windowIds: number[] = [];
    const staffIds: number[] = [];
    for (const position of [1, 2]) {
      const window = await db
        .insertInto("window")
        .values({
          hall_id: hallId,
          code: `Z0${position}`,
          name: `${name}综合窗口${position}`,
          kind: "comprehensive",
          department_id: null,
          active: true,
        })
        .executeTakeFirstOrThrow();
      windowIds.push(Number(window.insertId));
      const staff = await db
        .insertInto("staff")
        .values({
          hall_id: hallId,
          department_id: departmentIds[0] ?? 0,
          badge_no: `T${index + 1}0${position}`,
          name: `${name.slice(0, 2)}办事员${position}`,
          photo_url: `/avatars/T${index + 1}0${position}.svg`,
          active: true,
        })
        .executeTakeFirstOrThrow();
      staffIds.push(Number(staff.insertId));
      await db
        .insertInto("evaluator_device")
        .values({
          window_id: Number(window.insertId),
          device_code: `PJQ-T${index + 1}-${position}`,
          token_hash: hashDeviceToken(`county-fixture-${index + 1}-${position}`),
          paired_at: new Date(),
          last_seen_at: null,
        })
        .execute();
    }
    made.push({
      hallId,
      name,
      areaCode,
      departmentIds: departmentIds as [number, number],
      itemIds: { instant: itemIds[0] ?? 0, promised: itemIds[1] ?? 0 },
      windowIds: windowIds as [number, number],
      staffIds: staffIds as [number, number],
    });
  }
  const passwordHash = await hashPassword(FIXTURE_PASSWORD);
  const users = {} as TTownshipsFixture["users"];
  for (const role of ["auditor", "admin"] as const) {
    const username = `test_townships_${role}`;
    const id = await insertUser(db, {
      username,
      password_hash: passwordHash,
      display_name: role === "auditor" ? "县领导" : "县管理员",
      role,
      hall_id: centre.hallId,
      department_id: null,
      staff_id: null,
      active: true,
      created_at: new Date(),
      scope: "county",
    });
    users[role] = { id, username };
  }
  return { countyId, townships: made, users };
}
