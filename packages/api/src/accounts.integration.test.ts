import { parse } from "cookie";
import { describe, expect, test } from "vitest";

import { createHallFixture, FIXTURE_PASSWORD, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf, type TCaller } from "../test/harness";
import { SESSION_COOKIE } from "./services/auth";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

/**
 * A session signed in with any password. Each `call()` is a new request (the HTTP host builds a
 * context per request), so it sees what changed since: a role, a password change, the account
 * disabled.
 */
async function session(username: string, password: string): Promise<{ call: () => Promise<TCaller> }> {
  const cookies: string[] = [];
  await (await api.caller({}, cookies)).auth.signIn({ username, password });
  const token = parse(cookies.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`)) ?? "")[SESSION_COOKIE];
  if (!token) throw new Error("sign-in set no session cookie");
  return { call: () => api.caller({ sessionToken: token }) };
}

/** A staff record of the hall without an account. */
async function newStaff(badgeNo: string): Promise<number> {
  const result = await getDb()
    .insertInto("staff")
    .values({
      hall_id: hall.hallId,
      department_id: hall.departmentIds[0],
      badge_no: badgeNo,
      name: "赵敏",
      photo_url: "",
      active: true,
    })
    .executeTakeFirstOrThrow();
  return Number(result.insertId);
}

async function counts() {
  const db = getDb();
  const [users, audits] = await Promise.all([
    db.selectFrom("user").select(["id", "role", "display_name", "active", "password_hash"]).orderBy("id").execute(),
    db.selectFrom("audit_log").select("id").execute(),
  ]);
  return { users, audits: audits.length };
}

async function auditRecords(action: string) {
  return getDb()
    .selectFrom("audit_log")
    .select(["entity_id", "actor_role", "before_json", "after_json", "detail"])
    .where("action", "=", action)
    .execute();
}

const ACCOUNT = { displayName: "赵敏", departmentId: null, staffId: null };

describe("账号管理", () => {
  test("an administrator creates an account for every role with its scope; the one-time password is shown once and audited never", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    const staffId = await newStaff("T101");
    const made = {
      manager: await admin.account.create({ ...ACCOUNT, username: "mgr2", role: "hall_manager" }),
      head: await admin.account.create({
        ...ACCOUNT,
        username: "head2",
        role: "department_head",
        departmentId: hall.departmentIds[1],
      }),
      staff: await admin.account.create({ ...ACCOUNT, username: "zhaomin", role: "window_staff", staffId }),
      auditor: await admin.account.create({ ...ACCOUNT, username: "duc2", role: "auditor" }),
      admin: await admin.account.create({ ...ACCOUNT, username: "admin2", role: "admin" }),
    };
    for (const { initialPassword } of Object.values(made))
      expect(initialPassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);

    const list = await admin.account.list();
    expect(list.find((row) => row.username === "head2")).toMatchObject({
      role: "department_head",
      departmentId: hall.departmentIds[1],
      departmentName: "县自然资源局",
      active: true,
      mustChangePassword: true,
      lastSignInAt: null,
      manageable: true,
    });
    expect(list.find((row) => row.username === "zhaomin")).toMatchObject({ staffId, staffBadgeNo: "T101" });
    expect((await admin.account.staffChoices()).find((row) => row.id === staffId)?.userId).toBe(made.staff.userId);

    const records = await auditRecords("account.create");
    expect(records).toHaveLength(5);
    expect(records[0]?.actor_role).toBe("admin");
    expect(JSON.parse(records[1]?.after_json ?? "null")).toMatchObject({
      username: "head2",
      role: "department_head",
      departmentId: hall.departmentIds[1],
    });
    const written = JSON.stringify(records);
    for (const { initialPassword } of Object.values(made)) expect(written).not.toContain(initialPassword);
  });

  test("first sign-in with the one-time password: nothing opens until it is changed (to another one); then the last sign-in shows", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    const created = await admin.account.create({ ...ACCOUNT, username: "mgr2", role: "hall_manager" });
    const initialPassword = created.initialPassword ?? "";
    const manager = await session("mgr2", initialPassword);
    expect(await (await manager.call()).auth.me()).toMatchObject({ username: "mgr2", mustChangePassword: true });
    expect(await appCodeOf((await manager.call()).catalog.departments())).toBe("PASSWORD_CHANGE_REQUIRED");
    expect(await appCodeOf((await manager.call()).account.list())).toBe("PASSWORD_CHANGE_REQUIRED");
    expect(
      await appCodeOf(
        (await manager.call()).auth.changePassword({ currentPassword: initialPassword, newPassword: initialPassword }),
      ),
    ).toBe("PASSWORD_UNCHANGED");

    await (
      await manager.call()
    ).auth.changePassword({ currentPassword: initialPassword, newPassword: "a hall of my own 2026" });
    expect(await (await manager.call()).auth.me()).toMatchObject({ mustChangePassword: false });
    expect(await (await manager.call()).account.list()).toBeDefined();
    const row = (await admin.account.list()).find((account) => account.username === "mgr2");
    expect(row?.mustChangePassword).toBe(false);
    expect(row?.lastSignInAt).not.toBeNull();
  });

  test("a hall manager keeps the accounts below them only; a refusal writes nothing", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const staffId = await newStaff("T102");
    await manager.account.create({ ...ACCOUNT, username: "zhaomin", role: "window_staff", staffId });
    await manager.account.create({
      ...ACCOUNT,
      username: "head2",
      role: "department_head",
      departmentId: hall.departmentIds[0],
    });
    const before = await counts();
    for (const role of ["hall_manager", "auditor", "admin"] as const)
      expect(await appCodeOf(manager.account.create({ ...ACCOUNT, username: `x-${role}`, role }))).toBe(
        "ACCOUNT_ROLE_FORBIDDEN",
      );
    const account = { displayName: "admin", role: "auditor" as const, departmentId: null, staffId: null };
    expect(await appCodeOf(manager.account.update({ userId: hall.users.admin.id, account }))).toBe(
      "ACCOUNT_ROLE_FORBIDDEN",
    );
    // Promoting a staff member to manager, or changing a manager's account, is refused too.
    expect(
      await appCodeOf(
        manager.account.update({ userId: hall.users.window_staff.id, account: { ...account, role: "hall_manager" } }),
      ),
    ).toBe("ACCOUNT_ROLE_FORBIDDEN");
    expect(await appCodeOf(manager.account.resetPassword({ userId: hall.users.auditor.id }))).toBe(
      "ACCOUNT_ROLE_FORBIDDEN",
    );
    expect(await appCodeOf(manager.account.disable({ userId: hall.users.admin.id }))).toBe("ACCOUNT_ROLE_FORBIDDEN");
    expect(await counts()).toEqual(before);
    const list = await manager.account.list();
    expect(list.find((row) => row.username === hall.users.admin.username)?.manageable).toBe(false);
    expect(list.find((row) => row.username === "zhaomin")?.manageable).toBe(true);
    // Department heads, staff and 督查 keep no accounts at all.
    const head = await api.signedIn(hall.users.department_head.username);
    expect(await appCodeOf(head.account.list())).toBe("FORBIDDEN");
  });

  test("bad input changes nothing: a taken username, a staff member with an account, an unknown department or staff, a missing scope", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    const before = await counts();
    expect(
      await appCodeOf(admin.account.create({ ...ACCOUNT, username: hall.users.auditor.username, role: "auditor" })),
    ).toBe("ACCOUNT_USERNAME_EXISTS");
    expect(
      await appCodeOf(
        admin.account.create({ ...ACCOUNT, username: "wl2", role: "window_staff", staffId: hall.staffIds[0] }),
      ),
    ).toBe("ACCOUNT_STAFF_TAKEN");
    expect(
      await appCodeOf(admin.account.create({ ...ACCOUNT, username: "ghost", role: "window_staff", staffId: 999_999 })),
    ).toBe("ACCOUNT_STAFF_UNKNOWN");
    expect(
      await appCodeOf(
        admin.account.create({ ...ACCOUNT, username: "head2", role: "department_head", departmentId: 999_999 }),
      ),
    ).toBe("ACCOUNT_DEPARTMENT_UNKNOWN");
    expect(await appCodeOf(admin.account.create({ ...ACCOUNT, username: "head2", role: "department_head" }))).toBe(
      "BAD_REQUEST",
    );
    expect(await appCodeOf(admin.account.create({ ...ACCOUNT, username: "张伟", role: "auditor" }))).toBe(
      "BAD_REQUEST",
    );
    // Linking the second staff member's account to the first one's record.
    expect(
      await appCodeOf(
        admin.account.update({
          userId: hall.users.secondStaff.id,
          account: { displayName: "李强", role: "window_staff", departmentId: null, staffId: hall.staffIds[0] },
        }),
      ),
    ).toBe("ACCOUNT_STAFF_TAKEN");
    expect(await counts()).toEqual(before);
  });

  test("an administrator changes an account's name, role and scope, audited before and after", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    await admin.account.update({
      userId: hall.users.auditor.id,
      account: { displayName: "周督查", role: "department_head", departmentId: hall.departmentIds[1], staffId: null },
    });
    const row = (await admin.account.list()).find((account) => account.id === hall.users.auditor.id);
    expect(row).toMatchObject({ displayName: "周督查", role: "department_head", departmentId: hall.departmentIds[1] });
    const [record] = await auditRecords("account.update");
    expect(JSON.parse(record?.before_json ?? "null")).toMatchObject({ role: "auditor", departmentId: null });
    expect(JSON.parse(record?.after_json ?? "null")).toMatchObject({
      displayName: "周督查",
      role: "department_head",
      departmentId: hall.departmentIds[1],
    });
    // The new role applies at once, in the sessions the account already has.
    const changed = await api.signedIn(hall.users.auditor.username);
    expect((await changed.auth.me())?.role).toBe("department_head");
  });

  test("重置密码: the old password and every session end; the new one-time password must be changed", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    const staff = await session(hall.users.window_staff.username, FIXTURE_PASSWORD);
    const reset = await admin.account.resetPassword({ userId: hall.users.window_staff.id });
    const initialPassword = reset.initialPassword ?? "";
    expect(await (await staff.call()).auth.me()).toBeNull();
    expect(await appCodeOf(session(hall.users.window_staff.username, FIXTURE_PASSWORD))).toBe("INVALID_CREDENTIALS");
    const again = await session(hall.users.window_staff.username, initialPassword);
    expect(await appCodeOf((await again.call()).case.mine())).toBe("PASSWORD_CHANGE_REQUIRED");
    const [record] = await auditRecords("account.resetPassword");
    expect(record?.entity_id).toBe(String(hall.users.window_staff.id));
    expect(JSON.stringify(record)).not.toContain(initialPassword);
  });

  test("停用 ends the account's sessions at once and its sign-in; 启用 lets it back in", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const staff = await session(hall.users.window_staff.username, FIXTURE_PASSWORD);
    await (await staff.call()).window.signIn({ windowId: hall.windowIds[0] });
    await manager.account.disable({ userId: hall.users.window_staff.id });

    expect(await (await staff.call()).auth.me()).toBeNull();
    expect(await appCodeOf((await staff.call()).case.mine())).toBe("UNAUTHENTICATED");
    expect(
      await getDb().selectFrom("session").select("id").where("user_id", "=", hall.users.window_staff.id).execute(),
    ).toEqual([]);
    expect(await appCodeOf(api.signedIn(hall.users.window_staff.username))).toBe("ACCOUNT_DISABLED");
    expect((await manager.account.list()).find((row) => row.id === hall.users.window_staff.id)?.active).toBe(false);

    await manager.account.enable({ userId: hall.users.window_staff.id });
    expect((await (await api.signedIn(hall.users.window_staff.username)).auth.me())?.role).toBe("window_staff");
    expect((await auditRecords("account.disable")).map((row) => row.entity_id)).toEqual([
      String(hall.users.window_staff.id),
    ]);
    expect(await auditRecords("account.enable")).toHaveLength(1);
  });

  test("the last active administrator can be neither disabled nor demoted, also when two disable each other at once", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    expect(await appCodeOf(admin.account.disable({ userId: hall.users.admin.id }))).toBe("ACCOUNT_SELF");
    const demote = { displayName: "admin", role: "hall_manager" as const, departmentId: null, staffId: null };
    expect(await appCodeOf(admin.account.update({ userId: hall.users.admin.id, account: demote }))).toBe(
      "ACCOUNT_LAST_ADMIN",
    );

    const { userId, initialPassword: handedOver } = await admin.account.create({
      ...ACCOUNT,
      username: "admin2",
      role: "admin",
    });
    const initialPassword = handedOver ?? "";
    const second = await session("admin2", initialPassword);
    await (
      await second.call()
    ).auth.changePassword({ currentPassword: initialPassword, newPassword: "second administrator 2026" });
    const [first, other] = [await api.signedIn(hall.users.admin.username), await second.call()];
    // Both requests are past the sign-in check (their users read) before either changes anything.
    await Promise.all([first.auth.me(), other.auth.me()]);
    const outcomes = await Promise.all(
      [first.account.disable({ userId }), other.account.disable({ userId: hall.users.admin.id })].map((call) =>
        call.then(
          () => "disabled",
          (error: unknown) => appCodeOf(Promise.reject(error instanceof Error ? error : new Error(String(error)))),
        ),
      ),
    );
    expect(outcomes.sort()).toEqual(["ACCOUNT_LAST_ADMIN", "disabled"]);
    const admins = await getDb()
      .selectFrom("user")
      .select("id")
      .where("role", "=", "admin")
      .where("active", "=", true)
      .execute();
    expect(admins).toHaveLength(1);
  });
});
