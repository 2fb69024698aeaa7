import { randomUUID } from "node:crypto";

import { describe, expect, test } from "vitest";

import { createHallFixture } from "@hcp/db/testing";
import type { THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf } from "../test/harness";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

async function completedCase(): Promise<string> {
  const staff = await api.signedIn(hall.users.window_staff.username);
  await staff.window.signIn({ windowId: hall.windowIds[0] });
  const created = await staff.case.create({
    serviceItemId: hall.itemIds.instant,
    applicantType: "person",
    applicantName: "孙八",
    applicantPhone: "13512345678",
  });
  await staff.case.complete({ caseId: created.id });
  return created.caseNo;
}

describe("online rating by case number", () => {
  test("wrong phone digits and unknown cases get the same answer", async () => {
    const caseNo = await completedCase();
    const citizen = await api.caller();
    expect(await appCodeOf(citizen.online.lookup({ caseNo, phoneLast4: "0000" }))).toBe("ONLINE_LOOKUP_FAILED");
    expect(await appCodeOf(citizen.online.lookup({ caseNo: "330000000000000000", phoneLast4: "5678" }))).toBe("ONLINE_LOOKUP_FAILED");
  });

  test("the right digits show the case and allow one rating on the mobile channel", async () => {
    const caseNo = await completedCase();
    const citizen = await api.caller();
    const found = await citizen.online.lookup({ caseNo, phoneLast4: "5678" });
    expect(found).toMatchObject({ caseNo, itemName: "个体工商户设立登记", windowName: "综合受理1号窗口", rated: false });
    const token = found.ratingToken ?? "";
    const rating = await citizen.online.submit({ token, channel: 2, level: 5, idempotencyKey: randomUUID() });
    expect(rating.level).toBe(5);
    const rows = await getDb().selectFrom("rating").select(["channel", "window_id", "prompt_id"]).execute();
    expect(rows).toEqual([{ channel: 2, window_id: hall.windowIds[0], prompt_id: null }]);
    expect(await appCodeOf(citizen.online.submit({ token, channel: 2, level: 1, comment: "重复", idempotencyKey: randomUUID() }))).toBe("ALREADY_RATED");
    const again = await citizen.online.lookup({ caseNo, phoneLast4: "5678" });
    expect(again).toMatchObject({ rated: true, ratingToken: null });
  });

  test("a forged or altered token is refused", async () => {
    const caseNo = await completedCase();
    const citizen = await api.caller();
    const { ratingToken } = await citizen.online.lookup({ caseNo, phoneLast4: "5678" });
    const [payload] = (ratingToken ?? "").split(".");
    const forged = `${payload ?? ""}.${"A".repeat(43)}`;
    expect(await appCodeOf(citizen.online.submit({ token: forged, channel: 1, level: 5, idempotencyKey: randomUUID() }))).toBe("RATING_LINK_INVALID");
    expect(await getDb().selectFrom("rating").select("id").execute()).toEqual([]);
  });
});
