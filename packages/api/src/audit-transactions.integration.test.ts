import { sql } from "kysely";
import { afterEach, describe, expect, test } from "vitest";

import { createHallFixture, FIXTURE_PASSWORD, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness } from "../test/harness";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

/** The database refuses the second step of a change, its audit record, as a crash between the two would. */
async function refuseAudit(action: string): Promise<void> {
  await sql
    .raw(
      `create trigger audit_refuses before insert on audit_log for each row
       begin if new.action = '${action}' then signal sqlstate '45000' set message_text = 'audit write refused'; end if; end`,
    )
    .execute(getDb());
}

async function allowAudit(): Promise<void> {
  await sql`drop trigger if exists audit_refuses`.execute(getDb());
}

async function recorded(action: string): Promise<number> {
  const row = await getDb()
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("action", "=", action)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

afterEach(allowAudit);

describe("every change commits with its audit record: an audit write that fails leaves neither", () => {
  test("case.create and case.complete", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const input = {
      serviceItemId: hall.itemIds.instant,
      applicantType: "person" as const,
      applicantName: "张三",
      applicantPhone: "13812345678",
    };

    await refuseAudit("case.create");
    await expect(staff.case.create(input)).rejects.toThrow();
    expect(await getDb().selectFrom("case").select("id").execute()).toEqual([]);
    await allowAudit();
    const created = await staff.case.create(input);
    expect(await recorded("case.create")).toBe(1);

    await refuseAudit("case.complete");
    await expect(staff.case.complete({ caseId: created.id })).rejects.toThrow();
    expect(
      await getDb()
        .selectFrom("case")
        .select(["status", "completed_at"])
        .where("id", "=", created.id)
        .executeTakeFirst(),
    ).toEqual({ status: "received", completed_at: null });
    await allowAudit();
    await staff.case.complete({ caseId: created.id });
    expect(await recorded("case.complete")).toBe(1);
  });

  test("auth.signIn, auth.changePassword and auth.signOutEverywhere", async () => {
    const username = hall.users.hall_manager.username;
    await refuseAudit("auth.signIn");
    await expect(api.signedIn(username)).rejects.toThrow();
    expect(await getDb().selectFrom("session").select("id").execute()).toEqual([]);
    await allowAudit();

    const first = await api.signedIn(username);
    const second = await api.signedIn(username);
    await refuseAudit("auth.changePassword");
    await expect(
      first.auth.changePassword({ currentPassword: FIXTURE_PASSWORD, newPassword: "一个足够长的新密码2026!" }),
    ).rejects.toThrow();
    // The old password still holds and the other session was not ended.
    expect((await second.auth.me())?.username).toBe(username);
    expect(await recorded("auth.changePassword")).toBe(0);
    await allowAudit();

    await refuseAudit("auth.signOutEverywhere");
    await expect(first.auth.signOutEverywhere()).rejects.toThrow();
    expect((await second.auth.me())?.username).toBe(username);
    await allowAudit();
    expect((await first.auth.signOutEverywhere()).ended).toBe(2);
    expect(await recorded("auth.signOutEverywhere")).toBe(1);
  });

  test("device.paired", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const device = await getDb()
      .selectFrom("evaluator_device")
      .select("id")
      .where("window_id", "=", hall.windowIds[0])
      .executeTakeFirstOrThrow();
    const { code } = await manager.device.issuePairingCode({ deviceId: device.id });
    const tablet = await api.caller();
    const pairing = () =>
      getDb()
        .selectFrom("evaluator_device")
        .select(["token_hash", "paired_at", "pairing_code_hash"])
        .where("id", "=", device.id)
        .executeTakeFirstOrThrow();
    const waiting = await pairing();
    expect(waiting.pairing_code_hash).not.toBeNull();

    await refuseAudit("device.paired");
    await expect(tablet.kiosk.pair({ code })).rejects.toThrow();
    // Still waiting for its tablet: no token was handed out and the code was not used up.
    expect(await pairing()).toEqual(waiting);
    await allowAudit();
    expect(await tablet.kiosk.pair({ code })).toMatchObject({ windowId: hall.windowIds[0] });
    expect(await recorded("device.paired")).toBe(1);
  });
});
