import { describe, expect, test } from "vitest";

import { createHallFixture, FIXTURE_PASSWORD, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, refusalOf } from "../test/harness";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

describe("console sign-in", () => {
  test("a wrong password is refused without saying whether the user exists", async () => {
    const cookies: string[] = [];
    const anonymous = await api.caller({}, cookies);
    const wrong = await refusalOf(anonymous.auth.signIn({ username: hall.users.admin.username, password: "nope" }));
    const unknown = await refusalOf(anonymous.auth.signIn({ username: "nobody", password: "nope" }));
    expect(wrong).toEqual({ code: "UNAUTHORIZED", appCode: "INVALID_CREDENTIALS", message: "用户名或密码错误" });
    expect(unknown).toEqual(wrong);
    expect(cookies).toEqual([]);
  });

  test("signing in sets an httpOnly SameSite session cookie and stores only the token's hash", async () => {
    const cookies: string[] = [];
    const anonymous = await api.caller({}, cookies);
    const user = await anonymous.auth.signIn({
      username: hall.users.hall_manager.username,
      password: FIXTURE_PASSWORD,
    });
    expect(user.role).toBe("hall_manager");
    const cookie = cookies[0] ?? "";
    expect(cookie).toMatch(/^hcp_session=[\w-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    const token = /^hcp_session=([\w-]+);/.exec(cookie)?.[1] ?? "";
    const sessions = await getDb().selectFrom("session").select("id").execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.id).not.toBe(token);
  });

  test("signing out ends the session for good", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    expect((await manager.auth.me())?.username).toBe(hall.users.hall_manager.username);
    await manager.auth.signOut();
    const sessions = await getDb().selectFrom("session").select("id").execute();
    expect(sessions).toEqual([]);
  });

  test("roles are checked by the procedures: staff cannot read hall figures, anonymous callers nothing", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    const period = { from: "2026-01-01", to: "2026-01-31" };
    expect(await refusalOf(staff.overview.period(period))).toMatchObject({ code: "FORBIDDEN", appCode: "FORBIDDEN" });
    const anonymous = await api.caller();
    expect(await refusalOf(anonymous.overview.period(period))).toMatchObject({
      code: "UNAUTHORIZED",
      appCode: "UNAUTHENTICATED",
    });
    expect(await refusalOf(anonymous.catalog.departments())).toMatchObject({ code: "UNAUTHORIZED" });
    const manager = await api.signedIn(hall.users.hall_manager.username);
    expect(
      await refusalOf(
        manager.case.create({
          serviceItemId: hall.itemIds.instant,
          applicantType: "person",
          applicantName: "张三",
          applicantPhone: "13800000000",
        }),
      ),
    ).toMatchObject({ code: "FORBIDDEN", appCode: "STAFF_ONLY" });
  });

  test("an unknown or garbage session token is treated as signed out", async () => {
    const stranger = await api.caller({ sessionToken: "forged-token-value" });
    expect(await stranger.auth.me()).toBeNull();
  });
});
