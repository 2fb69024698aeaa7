import { describe, expect, test } from "vitest";

import { createHallFixture, FIXTURE_PASSWORD, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf } from "../test/harness";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

/** A third window, among nobody's windows. */
async function strangerWindow(): Promise<number> {
  const manager = await api.signedIn(hall.users.hall_manager.username);
  const { windowId } = await manager.windowAdmin.create({
    code: "C09",
    name: "临时综合受理窗口",
    kind: "comprehensive",
    departmentIds: [],
    itemCodes: [],
    sortOrder: 90,
  });
  return windowId;
}

async function audited(action: string) {
  return getDb()
    .selectFrom("audit_log")
    .select(["actor_user_id", "actor_role", "entity_id", "detail"])
    .where("action", "=", action)
    .execute();
}

describe("signing in at a window not among one's own", () => {
  test("is refused without a manager's approval, and nothing changes", async () => {
    const windowId = await strangerWindow();
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    expect(await appCodeOf(staff.window.signIn({ windowId }))).toBe("WINDOW_NOT_ASSIGNED");
    expect(await staff.window.mine()).toEqual({ windowId: hall.windowIds[0] });
    expect(await audited("window.signInApproved")).toEqual([]);
  });

  test("a hall manager's username and password on the desk approve it; both records name who approved", async () => {
    const windowId = await strangerWindow();
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({
      windowId,
      approval: { username: hall.users.hall_manager.username, password: FIXTURE_PASSWORD },
    });
    expect(await staff.window.mine()).toEqual({ windowId });
    const [approval] = await audited("window.signInApproved");
    expect(approval).toMatchObject({
      actor_user_id: hall.users.hall_manager.id,
      actor_role: "hall_manager",
      entity_id: String(windowId),
    });
    expect(JSON.parse(approval?.detail ?? "{}")).toEqual({
      staffId: hall.staffIds[0],
      requestedBy: hall.users.window_staff.id,
    });
    const signIns = await audited("window.signIn");
    expect(JSON.parse(signIns.at(-1)?.detail ?? "{}")).toEqual({ approverUserId: hall.users.hall_manager.id });
  });

  test("a wrong password, a colleague or a department head cannot approve; nothing changes", async () => {
    const windowId = await strangerWindow();
    const staff = await api.signedIn(hall.users.window_staff.username);
    const attempt = (username: string, password = FIXTURE_PASSWORD) =>
      appCodeOf(staff.window.signIn({ windowId, approval: { username, password } }));
    expect(await attempt(hall.users.hall_manager.username, "wrong password!")).toBe("INVALID_CREDENTIALS");
    expect(await attempt(hall.users.secondStaff.username)).toBe("SIGN_IN_APPROVER_INVALID");
    expect(await attempt(hall.users.department_head.username)).toBe("SIGN_IN_APPROVER_INVALID");
    expect(await attempt(hall.users.window_staff.username)).toBe("SIGN_IN_APPROVER_INVALID");
    expect(await staff.window.mine()).toEqual({ windowId: null });
    expect(await audited("window.signInApproved")).toEqual([]);
  });

  test("the home window and the other windows of one's own need no approval", async () => {
    const staff = await api.signedIn(hall.users.secondStaff.username);
    await staff.window.signIn({ windowId: hall.windowIds[1] });
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    expect(await staff.window.mine()).toEqual({ windowId: hall.windowIds[0] });
    expect(await audited("window.signInApproved")).toEqual([]);
  });
});
