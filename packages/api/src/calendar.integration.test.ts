import { describe, expect, test } from "vitest";

import { createHallFixture } from "@hcp/db/testing";
import type { THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf } from "../test/harness";
import { addHallWorkingDays } from "./services/calendar";
import { buildMonthlyReport } from "./services/report";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

describe("the working-day calendar", () => {
  test("is seeded from the published notices: 2023 has 249 working days", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const year = await manager.calendar.year({ year: 2023 });
    expect(year.workingDays).toBe(249);
    expect(year.exceptions.find((day) => day.date === "2023-10-07")).toMatchObject({ kind: "makeup" });
  });

  test("2022 is seeded too, so the 同比 of June 2023 divides by June 2022's 21 working days", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const year = await manager.calendar.year({ year: 2022 });
    expect(year.workingDays).toBe(249);
    expect(year.exceptions.find((day) => day.date === "2022-06-03")).toMatchObject({ kind: "holiday", name: "端午节" });

    const report = await buildMonthlyReport({ db: getDb(), now: () => new Date("2023-07-20T02:00:00Z") }, hall.hallId, "2023-06");
    const dailyAverage = report.summary.comparisons.find((row) => row.key === "dailyAverage");
    expect(dailyAverage?.lastYear.den).toBe(21);
    expect(dailyAverage?.current.den).toBe(21);
  });

  test("an administrator's edit moves deadlines at once; others may not edit", async () => {
    // A week no other suite edits: the calendar is reference data every suite of a run shares.
    expect(await addHallWorkingDays(getDb(), "2027-04-15", 1)).toBe("2027-04-16");
    const admin = await api.signedIn(hall.users.admin.username);
    expect(await admin.calendar.setDay({ date: "2027-04-16", kind: "holiday", name: "测试假日" })).toEqual({ date: "2027-04-16", kind: "holiday" });
    expect(await addHallWorkingDays(getDb(), "2027-04-15", 1)).toBe("2027-04-19");
    await admin.calendar.setDay({ date: "2027-04-16", kind: "regular" });
    expect(await addHallWorkingDays(getDb(), "2027-04-15", 1)).toBe("2027-04-16");
    const manager = await api.signedIn(hall.users.hall_manager.username);
    expect(await appCodeOf(manager.calendar.setDay({ date: "2027-04-16", kind: "holiday" }))).toBe("FORBIDDEN");
    await manager.calendar.setServiceDay({ date: "2027-03-06", note: "周六预约服务" });
    expect((await manager.calendar.year({ year: 2027 })).serviceDays).toEqual([{ date: "2027-03-06", note: "周六预约服务" }]);
  });
});
