import { describe, expect, test } from "vitest";

import { createCountyFixture, createHallFixture, type TCountyFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";
import { APP_ERROR_MESSAGES } from "@hcp/domain";

import { apiHarness, appCodeOf, type TCaller } from "../test/harness";
import { AppError } from "./errors";

let county: TCountyFixture;
/** A hall on its own, outside the county. */
let loneHallId: number;
const getDb = useTestDb({
  seed: async (db) => {
    county = await createCountyFixture(db);
    loneHallId = (await createHallFixture(db, "LONE", "独立大厅")).hallId;
  },
});
const api = apiHarness(getDb);

/**
 * A signed-in session; each call of the answer is a new request (a caller keeps the user it looked
 * up, as one HTTP request does), so a switch shows in the next one.
 */
async function session(username: string): Promise<() => Promise<TCaller>> {
  const token = await api.sessionToken(username);
  return () => api.caller({ sessionToken: token });
}

describe("切换大厅 (county.actIn)", () => {
  test("a county administrator works in a township: auth.me, county.scope and every per-hall screen follow, audited", async () => {
    const admin = await session(county.countyUsers.admin.username);
    expect(await (await admin()).auth.me()).toMatchObject({
      scope: "county",
      hallId: county.centre.hallId,
      county: { id: county.countyId, name: "测试县", areaCode: "330102000000" },
    });
    const scope = await (await admin()).county.scope();
    expect(scope.halls.map((hall) => hall.id)).toEqual([county.centre.hallId, county.township.hallId]);

    expect(await (await admin()).county.actIn({ hallId: county.township.hallId })).toEqual({
      hallId: county.township.hallId,
    });
    expect(await (await admin()).auth.me()).toMatchObject({ scope: "county", hallId: county.township.hallId });
    expect((await (await admin()).county.scope()).currentHallId).toBe(county.township.hallId);
    const windows = await (await admin()).windowAdmin.list();
    expect(windows.map((window) => window.id).sort()).toEqual([...county.township.windowIds].sort());

    const records = await getDb()
      .selectFrom("audit_log")
      .select(["actor_user_id", "entity", "entity_id", "before_json", "after_json"])
      .where("action", "=", "county.actIn")
      .execute();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      actor_user_id: county.countyUsers.admin.id,
      entity: "hall",
      entity_id: String(county.township.hallId),
    });
    expect(JSON.parse(records[0]?.before_json ?? "null")).toEqual({ hallId: county.centre.hallId });
    expect(JSON.parse(records[0]?.after_json ?? "null")).toEqual({ hallId: county.township.hallId });

    // Back to the county centre.
    await (await admin()).county.actIn({ hallId: county.centre.hallId });
    expect((await (await admin()).auth.me())?.hallId).toBe(county.centre.hallId);
  });

  test("the switch belongs to one session: another sign-in of the same user starts in their own hall", async () => {
    const first = await session(county.countyUsers.auditor.username);
    await (await first()).county.actIn({ hallId: county.township.hallId });
    const second = await session(county.countyUsers.auditor.username);
    expect((await (await second()).auth.me())?.hallId).toBe(county.centre.hallId);
    expect((await (await first()).auth.me())?.hallId).toBe(county.township.hallId);
  });

  test("refused: a hall user (the county centre's or a township's), and a hall outside the county", async () => {
    const centreAdmin = await api.signedIn(county.centre.users.admin.username);
    expect(await centreAdmin.auth.me()).toMatchObject({ scope: "hall", hallId: county.centre.hallId });
    expect(await appCodeOf(centreAdmin.county.actIn({ hallId: county.township.hallId }))).toBe("COUNTY_SCOPE_REQUIRED");
    const townshipManager = await session(county.township.users.hall_manager.username);
    expect(await appCodeOf((await townshipManager()).county.actIn({ hallId: county.centre.hallId }))).toBe(
      "COUNTY_SCOPE_REQUIRED",
    );
    expect((await (await townshipManager()).auth.me())?.hallId).toBe(county.township.hallId);

    const countyAdmin = await session(county.countyUsers.admin.username);
    expect(await appCodeOf((await countyAdmin()).county.actIn({ hallId: loneHallId }))).toBe("HALL_OUTSIDE_SCOPE");
    expect(await appCodeOf((await countyAdmin()).county.actIn({ hallId: 999_999 }))).toBe("HALL_OUTSIDE_SCOPE");
    expect((await (await countyAdmin()).auth.me())?.hallId).toBe(county.centre.hallId);
    const switches = await getDb().selectFrom("audit_log").select("id").where("action", "=", "county.actIn").execute();
    expect(switches).toEqual([]);
  });
});

const TOWNSHIP = {
  name: "测试二镇便民服务中心",
  kind: "township_centre",
  areaCode: "330102102000",
  parentHallId: null,
  sortOrder: 2,
} as const;

async function hallCount(): Promise<number> {
  const row = await getDb()
    .selectFrom("hall")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("县域大厅管理 (county.createHall, county.updateHall)", () => {
  test("a county administrator adds a township and a village point under it, edits one, each audited", async () => {
    const admin = await api.signedIn(county.countyUsers.admin.username);
    const township = await admin.county.createHall(TOWNSHIP);
    const village = await admin.county.createHall({
      name: "二镇东村便民服务站",
      kind: "village_point",
      areaCode: "330102102201",
      parentHallId: township.id,
      sortOrder: 3,
    });
    const halls = (await admin.county.scope()).halls;
    expect(halls.map((hall) => [hall.name, hall.kind, hall.areaCode, hall.parentHallId])).toEqual([
      ["测试县政务服务中心", "county_centre", "330102000000", null],
      ["测试镇便民服务中心", "township_centre", "330102101000", null],
      ["测试二镇便民服务中心", "township_centre", "330102102000", null],
      ["二镇东村便民服务站", "village_point", "330102102201", township.id],
    ]);
    const row = await getDb()
      .selectFrom("hall")
      .select(["code", "region_code", "county_id", "rating_window_days"])
      .where("id", "=", village.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      code: "330102102201",
      region_code: "330102",
      county_id: county.countyId,
      rating_window_days: 7,
    });

    await admin.county.updateHall({
      hallId: township.id,
      hall: { name: "测试二镇便民服务中心（新址）", areaCode: "330102102000", parentHallId: null, sortOrder: 5 },
    });
    expect((await admin.county.scope()).halls.find((hall) => hall.id === township.id)).toMatchObject({
      name: "测试二镇便民服务中心（新址）",
      sortOrder: 5,
    });
    const actions = await getDb()
      .selectFrom("audit_log")
      .select(["action", "entity_id"])
      .where("action", "like", "county.%Hall")
      .orderBy("id")
      .execute();
    expect(actions).toEqual([
      { action: "county.createHall", entity_id: String(township.id) },
      { action: "county.createHall", entity_id: String(village.id) },
      { action: "county.updateHall", entity_id: String(township.id) },
    ]);
  });

  test("bad area codes are refused with a message saying what is wrong, and nothing is created", async () => {
    const admin = await api.signedIn(county.countyUsers.admin.username);
    const before = await hallCount();
    const refusal = async (input: Parameters<typeof admin.county.createHall>[0]) => {
      try {
        await admin.county.createHall(input);
      } catch (error) {
        if (error instanceof AppError) return [error.appCode, error.message];
        throw error;
      }
      throw new Error("expected a refusal");
    };
    const messageOf = (code: keyof typeof APP_ERROR_MESSAGES) => [code, APP_ERROR_MESSAGES[code]];
    // Not 12 digits, or not a code of any level.
    expect(await refusal({ ...TOWNSHIP, areaCode: "33010210200" })).toEqual(messageOf("AREA_CODE_INVALID"));
    expect(await refusal({ ...TOWNSHIP, areaCode: "33010210200x" })).toEqual(messageOf("AREA_CODE_INVALID"));
    expect(await refusal({ ...TOWNSHIP, areaCode: "330102000123" })).toEqual(messageOf("AREA_CODE_INVALID"));
    // Another county's township.
    expect(await refusal({ ...TOWNSHIP, areaCode: "330103102000" })).toEqual(messageOf("AREA_CODE_OUTSIDE_COUNTY"));
    // A village's code for a township, the county's own code for a township.
    expect(await refusal({ ...TOWNSHIP, areaCode: "330102102201" })).toEqual(messageOf("AREA_CODE_LEVEL_MISMATCH"));
    expect(await refusal({ ...TOWNSHIP, areaCode: "330102000000" })).toEqual(messageOf("AREA_CODE_LEVEL_MISMATCH"));
    // A village point under another township's code, or under the county centre.
    const village = { name: "东村便民服务站", kind: "village_point", sortOrder: 3 } as const;
    expect(await refusal({ ...village, areaCode: "330102102201", parentHallId: county.township.hallId })).toEqual(
      messageOf("AREA_CODE_OUTSIDE_COUNTY"),
    );
    expect(await refusal({ ...village, areaCode: "330102000201", parentHallId: county.centre.hallId })).toEqual(
      messageOf("HALL_PARENT_INVALID"),
    );
    // The township's code is taken by the fixture's township.
    expect(await refusal({ ...TOWNSHIP, areaCode: "330102101000" })).toEqual(messageOf("HALL_AREA_CODE_TAKEN"));
    // A village point names its township (the form's own message).
    await expect(
      admin.county.createHall({ ...village, areaCode: "330102101201", parentHallId: null }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await hallCount()).toBe(before);

    // Editing is checked the same way: the county centre keeps a county-level code.
    expect(
      await appCodeOf(
        admin.county.updateHall({
          hallId: county.centre.hallId,
          hall: { name: "测试县政务服务中心", areaCode: "330102101000", parentHallId: null, sortOrder: 0 },
        }),
      ),
    ).toBe("AREA_CODE_LEVEL_MISMATCH");
  });

  test("only a county administrator, and only the county's halls", async () => {
    const centreAdmin = await api.signedIn(county.centre.users.admin.username);
    expect(await appCodeOf(centreAdmin.county.createHall(TOWNSHIP))).toBe("COUNTY_SCOPE_REQUIRED");
    const townshipAdmin = await api.signedIn(county.township.users.admin.username);
    expect(
      await appCodeOf(
        townshipAdmin.county.updateHall({
          hallId: county.township.hallId,
          hall: { name: "改名", areaCode: "330102101000", parentHallId: null, sortOrder: 1 },
        }),
      ),
    ).toBe("COUNTY_SCOPE_REQUIRED");
    const leadership = await api.signedIn(county.countyUsers.auditor.username);
    expect(await appCodeOf(leadership.county.createHall(TOWNSHIP))).toBe("FORBIDDEN");
    const admin = await api.signedIn(county.countyUsers.admin.username);
    expect(
      await appCodeOf(
        admin.county.updateHall({
          hallId: loneHallId,
          hall: { name: "独立大厅", areaCode: "330102103000", parentHallId: null, sortOrder: 9 },
        }),
      ),
    ).toBe("HALL_OUTSIDE_SCOPE");
    const names = await getDb().selectFrom("hall").select("name").orderBy("id").execute();
    expect(names.map((row) => row.name)).toEqual(["测试县政务服务中心", "测试镇便民服务中心", "独立大厅"]);
  });
});
