import { parse } from "cookie";
import { describe, expect, test } from "vitest";

import { createHallFixture, FIXTURE_PASSWORD, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf } from "../test/harness";
import { SESSION_COOKIE } from "./services/auth";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
let clock = new Date();
const api = apiHarness(getDb, { now: () => clock });

const NEW_PASSWORD = "Qinghe-river-2026";
const head = {
  username: "zhou.ming",
  displayName: "周明",
  role: "department_head" as const,
  departmentId: 0,
  staffId: null,
};

const tokenOf = (path: string) => path.slice(path.indexOf("#") + 1);

/** Uses a link as its owner would, from a browser without a session; answers the user and the new session's token. */
async function useLink(token: string, newPassword = NEW_PASSWORD) {
  const cookies: string[] = [];
  const user = await (await api.caller({}, cookies)).auth.setPasswordByLink({ token, newPassword });
  const session = parse(cookies.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`)) ?? "")[SESSION_COOKIE];
  return { user, session };
}

async function links() {
  return getDb().selectFrom("password_link").selectAll().execute();
}

describe("设置密码链接", () => {
  test("an account created with a link: its owner opens it once, chooses a password and is signed in", async () => {
    clock = new Date();
    const admin = await api.signedIn(hall.users.admin.username);
    const created = await admin.account.create({ ...head, departmentId: hall.departmentIds[0], handover: "link" });
    expect(created.initialPassword).toBeNull();
    expect(created.passwordLink?.path).toMatch(/^\/console\/set-password#[A-Za-z0-9_-]{43}$/);
    expect(new Date(created.passwordLink?.expiresAt ?? "").getTime() - clock.getTime()).toBe(72 * 3_600_000);
    const token = tokenOf(created.passwordLink?.path ?? "");
    // Only the token's hash is stored.
    const [stored] = await links();
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await links())).not.toContain(token);

    const anonymous = await api.caller();
    expect(await anonymous.auth.passwordLink({ token })).toMatchObject({ username: "zhou.ming", displayName: "周明" });
    // The password rules apply; a refusal uses nothing up.
    expect(await appCodeOf(anonymous.auth.setPasswordByLink({ token, newPassword: "zhou.ming-12345" }))).toBe(
      "PASSWORD_IS_USERNAME",
    );
    expect(await appCodeOf(anonymous.auth.setPasswordByLink({ token, newPassword: "short" }))).toBe(
      "PASSWORD_TOO_SHORT",
    );
    expect(await links()).toHaveLength(1);

    const { user, session } = await useLink(token);
    expect(user).toMatchObject({ username: "zhou.ming", role: "department_head", mustChangePassword: false });
    expect(session).toBeTruthy();
    const me = await (await api.caller({ sessionToken: session })).auth.me();
    expect(me).toMatchObject({ username: "zhou.ming", mustChangePassword: false });
    // The chosen password signs in; the link opens no more.
    await api.signedIn("zhou.ming", NEW_PASSWORD);
    expect(await appCodeOf(anonymous.auth.passwordLink({ token }))).toBe("PASSWORD_LINK_INVALID");
    expect(await appCodeOf(anonymous.auth.setPasswordByLink({ token, newPassword: "Another-pass-2026" }))).toBe(
      "PASSWORD_LINK_INVALID",
    );
    const actions = await getDb()
      .selectFrom("audit_log")
      .select(["action", "detail"])
      .where("action", "in", ["account.create", "auth.setPasswordByLink"])
      .orderBy("id")
      .execute();
    expect(actions.map((row) => row.action)).toEqual(["account.create", "auth.setPasswordByLink"]);
    expect(JSON.parse(actions[0]?.detail ?? "{}")).toEqual({ handover: "link" });
    expect(JSON.stringify(await getDb().selectFrom("audit_log").selectAll().execute())).not.toContain(token);
  });

  test("a link ends after 72 hours, with a reset, with another link, with 停用, and with a password change", async () => {
    clock = new Date();
    const admin = await api.signedIn(hall.users.admin.username);
    const created = await admin.account.create({ ...head, departmentId: hall.departmentIds[0], handover: "link" });
    const userId = created.userId;
    const anonymous = await api.caller();

    // Expired.
    clock = new Date(clock.getTime() + 72 * 3_600_000 + 1);
    expect(await appCodeOf(anonymous.auth.passwordLink({ token: tokenOf(created.passwordLink?.path ?? "") }))).toBe(
      "PASSWORD_LINK_INVALID",
    );
    clock = new Date();

    // A new link replaces the earlier one; a reset with a one-time password ends it.
    const first = await admin.account.resetPassword({ userId, handover: "link" });
    expect(first.initialPassword).toBeNull();
    const second = await admin.account.resetPassword({ userId, handover: "link" });
    expect(await appCodeOf(anonymous.auth.passwordLink({ token: tokenOf(first.passwordLink?.path ?? "") }))).toBe(
      "PASSWORD_LINK_INVALID",
    );
    const reset = await admin.account.resetPassword({ userId });
    expect(reset.passwordLink).toBeNull();
    expect(reset.initialPassword).toMatch(/\S/);
    expect(await appCodeOf(anonymous.auth.passwordLink({ token: tokenOf(second.passwordLink?.path ?? "") }))).toBe(
      "PASSWORD_LINK_INVALID",
    );
    expect(await links()).toEqual([]);

    // 停用 ends a link; 启用 does not bring it back.
    const third = await admin.account.resetPassword({ userId, handover: "link" });
    await admin.account.disable({ userId });
    await admin.account.enable({ userId });
    expect(await appCodeOf(useLink(tokenOf(third.passwordLink?.path ?? "")))).toBe("PASSWORD_LINK_INVALID");

    // The owner changing their password (signed in with a one-time one) ends a link issued meanwhile.
    const oneTime = await admin.account.resetPassword({ userId });
    const owner = await api.signedIn("zhou.ming", oneTime.initialPassword ?? "");
    const fourth = await admin.account.resetPassword({ userId, handover: "link" });
    expect(await owner.auth.me()).toBeNull();
    const again = await admin.account.resetPassword({ userId });
    const signedIn = await api.signedIn("zhou.ming", again.initialPassword ?? "");
    await signedIn.auth.changePassword({ currentPassword: again.initialPassword ?? "", newPassword: NEW_PASSWORD });
    expect(await appCodeOf(useLink(tokenOf(fourth.passwordLink?.path ?? "")))).toBe("PASSWORD_LINK_INVALID");
    expect(await links()).toEqual([]);
  });

  test("a reset by link ends the old password and every session; a link of another's account is not the caller's to make", async () => {
    clock = new Date();
    const admin = await api.signedIn(hall.users.admin.username);
    const staffSession = await api.signedIn(hall.users.window_staff.username);
    const reset = await admin.account.resetPassword({ userId: hall.users.window_staff.id, handover: "link" });
    expect(await staffSession.auth.me()).toBeNull();
    expect(await appCodeOf(api.signedIn(hall.users.window_staff.username, FIXTURE_PASSWORD))).toBe(
      "INVALID_CREDENTIALS",
    );
    const { user } = await useLink(tokenOf(reset.passwordLink?.path ?? ""));
    expect(user.username).toBe(hall.users.window_staff.username);

    const manager = await api.signedIn(hall.users.hall_manager.username);
    expect(await appCodeOf(manager.account.resetPassword({ userId: hall.users.admin.id, handover: "link" }))).toBe(
      "ACCOUNT_ROLE_FORBIDDEN",
    );
    expect(await appCodeOf((await api.caller()).auth.passwordLink({ token: "x".repeat(43) }))).toBe(
      "PASSWORD_LINK_INVALID",
    );
  });
});
