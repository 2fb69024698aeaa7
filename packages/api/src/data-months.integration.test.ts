import { describe, expect, test } from "vitest";

import { createHallFixture, insertFixtureCase, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf } from "../test/harness";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

describe("overview.dataMonths: the months a hall has cases or ratings in, for the console's presets", () => {
  test("a hall with nothing yet has no month; cases completed, ratings given and cases still open name theirs, on the hall's clock, newest first", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    expect(await manager.overview.dataMonths()).toEqual({ months: [] });

    const db = getDb();
    // Completed at 01:00 on 1 July in the hall (17:00 UTC the day before): a July case.
    await insertFixtureCase(db, hall, { caseNo: "C-JULY", completedAt: new Date("2023-06-30T17:00:00Z") });
    // Completed in December, rated in January: both months have something.
    await insertFixtureCase(
      db,
      hall,
      { caseNo: "C-DEC", completedAt: new Date("2023-12-29T03:00:00Z"), promised: true },
      { level: 5, idempotencyKey: "k-jan", ratedAt: new Date("2024-01-02T02:00:00Z") },
    );
    // Received in March 2025 and not completed yet.
    await insertFixtureCase(db, hall, {
      caseNo: "C-OPEN",
      completedAt: null,
      receivedAt: new Date("2025-03-10T02:00:00Z"),
      promised: true,
    });

    expect(await manager.overview.dataMonths()).toEqual({ months: ["2025-03", "2024-01", "2023-12", "2023-07"] });
    // Every reader of the hall's figures sees the same months.
    const auditor = await api.signedIn(hall.users.auditor.username);
    expect(await auditor.overview.dataMonths()).toEqual({ months: ["2025-03", "2024-01", "2023-12", "2023-07"] });
  });

  test("a department head sees the months of their own department; window staff are not told", async () => {
    const db = getDb();
    await insertFixtureCase(db, hall, { caseNo: "C-FIRST", completedAt: new Date("2024-05-06T03:00:00Z") });
    await insertFixtureCase(db, hall, {
      caseNo: "C-SECOND",
      completedAt: new Date("2024-08-06T03:00:00Z"),
      promised: true,
    });
    // The fixture's department head heads the first department.
    const head = await api.signedIn(hall.users.department_head.username);
    expect(await head.overview.dataMonths()).toEqual({ months: ["2024-05"] });
    const manager = await api.signedIn(hall.users.hall_manager.username);
    expect(await manager.overview.dataMonths()).toEqual({ months: ["2024-08", "2024-05"] });

    const staff = await api.signedIn(hall.users.window_staff.username);
    expect(await appCodeOf(staff.overview.dataMonths())).toBe("FORBIDDEN");
  });
});
