import { describe, expect, test } from "vitest";

import { createCountyFixture, createHallFixture, type TCountyFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf, type TCaller } from "../test/harness";

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
