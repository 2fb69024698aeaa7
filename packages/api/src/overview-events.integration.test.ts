import { randomUUID } from "node:crypto";

import { expect, test, vi } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf } from "../test/harness";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

/** In-process callers see tracked() events as [id, data] tuples; over SSE they are { id, data }. */
async function nextEvent(feed: AsyncIterator<unknown>): Promise<[string, unknown]> {
  return (await feed.next()).value as [string, unknown];
}

test("the overview's feed opens with ready, then hears of each committed rating without its level or case", async () => {
  const manager = await api.signedIn(hall.users.hall_manager.username);
  const feed = (await manager.overview.events())[Symbol.asyncIterator]();
  const [readyId, ready] = await nextEvent(feed);
  expect(ready).toEqual({ type: "ready" });

  const staff = await api.signedIn(hall.users.window_staff.username);
  await staff.window.signIn({ windowId: hall.windowIds[0] });
  const created = await staff.case.create({
    serviceItemId: hall.itemIds.instant,
    applicantType: "person",
    applicantName: "张三丰",
    applicantPhone: "13812345678",
  });
  await staff.case.complete({ caseId: created.id });
  await staff.case.inviteRating({ caseId: created.id });
  const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
  const published = vi.spyOn(api.bus, "publishHall");
  const rating = await device.rating.submit({ caseNo: created.caseNo, level: 4, idempotencyKey: randomUUID() });

  const [eventId, event] = await nextEvent(feed);
  expect(eventId).not.toBe(readyId);
  expect(event).toEqual({ type: "ratingRecorded", at: expect.any(String) as unknown });
  expect(published).toHaveBeenCalledTimes(1);
  // The rating was committed before anyone heard of it.
  expect(
    await getDb().selectFrom("rating").select("id").where("id", "=", rating.ratingId).executeTakeFirst(),
  ).toBeDefined();

  await feed.return?.(undefined);
  expect(api.bus.hallListenerCount(hall.hallId)).toBe(0);
});

test("window staff may not listen to the hall's feed", async () => {
  const staff = await api.signedIn(hall.users.window_staff.username);
  expect(await appCodeOf(staff.overview.events())).toBe("FORBIDDEN");
});
