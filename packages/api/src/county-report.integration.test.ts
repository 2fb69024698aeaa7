import { describe, expect, test } from "vitest";

import { insertCounty, newWorkOrderRow, placeHallInCounty, type Db } from "@hcp/db";
import { createHallFixture, fixtureCase, insertFixtureCase, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";
import type { TLevel } from "@hcp/domain";

import { apiHarness, appCodeOf } from "../test/harness";
import { countyReportDownload } from "./exports/county-report-download";
import { generateCountyReport } from "./services/county/report/archive";

/**
 * The county monthly report against a county of three halls whose figures the test counts itself
 * from the rows it writes (never through the rollups or the report's functions): the county's
 * totals must be the halls' figures summed, and each hall's row its own rows.
 */
interface TSpec {
  /** UTC instant of completion; every one here is mid-day hall-local */
  at: string;
  level?: TLevel;
  reasons?: string[];
  workOrder?: "pending" | "closed";
}

/** Per hall: March 2023 (the month reported), February 2023 and March 2022. */
const SPECS: TSpec[][] = [
  [
    { at: "2023-03-06T02:00:00Z", level: 5 },
    { at: "2023-03-07T02:00:00Z", level: 4 },
    { at: "2023-03-08T02:00:00Z", level: 1, reasons: ["108", "109"], workOrder: "closed" },
    { at: "2023-03-09T02:00:00Z" },
    { at: "2023-02-07T02:00:00Z", level: 5 },
    { at: "2022-03-08T02:00:00Z", level: 2, reasons: ["207"] },
  ],
  [
    { at: "2023-03-06T03:00:00Z", level: 5 },
    { at: "2023-03-13T03:00:00Z", level: 2, reasons: ["207"], workOrder: "pending" },
    { at: "2023-03-14T03:00:00Z", level: 3 },
    { at: "2023-02-08T03:00:00Z", level: 1, reasons: ["110"] },
  ],
  [
    { at: "2023-03-20T04:00:00Z", level: 5 },
    { at: "2023-03-21T04:00:00Z", level: 5 },
    { at: "2023-03-22T04:00:00Z" },
    { at: "2023-03-23T04:00:00Z", level: 1, reasons: ["108"], workOrder: "pending" },
    { at: "2022-03-21T04:00:00Z", level: 5 },
  ],
];

let halls: THallFixture[] = [];
let countyId = 0;

/** A township hall beside the fixture hall: its own row and two windows, the fixture's catalogue and staff. */
async function townshipHall(db: Db, base: THallFixture, index: number): Promise<THallFixture> {
  const hall = await db
    .insertInto("hall")
    .values({
      code: `TOWN${String(index)}`,
      name: `测试镇${String(index)}便民服务中心`,
      region_code: "330000",
      rating_window_days: 7,
    })
    .executeTakeFirstOrThrow();
  const hallId = Number(hall.insertId);
  const windowIds: number[] = [];
  for (const code of ["B01", "B02"]) {
    const window = await db
      .insertInto("window")
      .values({
        hall_id: hallId,
        code,
        name: `综合窗口${code}`,
        kind: "comprehensive",
        department_id: null,
        active: true,
      })
      .executeTakeFirstOrThrow();
    windowIds.push(Number(window.insertId));
  }
  return { ...base, hallId, windowIds: windowIds as [number, number] };
}

const getDb = useTestDb({
  seed: async (db) => {
    const centre = await createHallFixture(db);
    halls = [centre, await townshipHall(db, centre, 1), await townshipHall(db, centre, 2)];
    countyId = await insertCounty(db, { areaCode: "330100000000", name: "测试县" });
    for (const [index, hall] of halls.entries()) {
      await placeHallInCounty(db, hall.hallId, {
        countyId,
        kind: index === 0 ? "county_centre" : "township_centre",
        areaCode: index === 0 ? "330100000000" : `3301001${String(index).padStart(2, "0")}000`,
        parentHallId: null,
        sortOrder: index,
      });
    }
    // The fixture's auditor is the county's leadership; its hall manager stays with the county centre.
    await db.updateTable("user").set({ scope: "county" }).where("id", "=", centre.users.auditor.id).execute();
  },
});

/** 20 April 2023, 10:00 hall-local: March is closed and final. */
const NOW = new Date("2023-04-20T02:00:00Z");
const api = apiHarness(getDb, { now: () => NOW });
const HOUR = 3_600_000;

async function load(): Promise<void> {
  const db = getDb();
  for (const [hallIndex, specs] of SPECS.entries()) {
    const hall = halls[hallIndex];
    if (!hall) throw new Error("no such hall");
    for (const [index, spec] of specs.entries()) {
      const completedAt = new Date(spec.at);
      const ratedAt = new Date(completedAt.getTime() + HOUR);
      const caseNo = `H${String(hallIndex)}-${String(index)}`;
      const { caseId, ratingId } = await insertFixtureCase(
        db,
        hall,
        { caseNo, completedAt, window: 0 },
        spec.level === undefined
          ? undefined
          : { level: spec.level, idempotencyKey: caseNo, ratedAt, reasons: spec.reasons ?? [] },
      );
      if (spec.workOrder && ratingId !== null) {
        const closed = spec.workOrder === "closed";
        const row = fixtureCase(hall, { caseNo, completedAt, window: 0 });
        const order = newWorkOrderRow(
          { ...row, id: ratingId, case_id: caseId },
          { contact: "2023-03-31", rectify: "2023-03-31" },
          ratedAt,
        );
        const done = closed ? ratedAt : null;
        await db
          .insertInto("work_order")
          .values({
            ...order,
            state: closed ? "closed" : "pending",
            contacted_at: done,
            rectified_at: done,
            replied_at: done,
            closed_at: done,
            reply: closed ? "已整改" : "",
          })
          .execute();
      }
    }
  }
}

// ── counted by hand from SPECS ──────────────────────────────────────────────────────────────
function inMonth(spec: TSpec, month: string): boolean {
  return new Date(new Date(spec.at).getTime() + 8 * HOUR).toISOString().startsWith(month);
}

function counted(specs: readonly TSpec[], month: string) {
  const of = specs.filter((spec) => inMonth(spec, month));
  const rated = of.filter((spec) => spec.level !== undefined);
  return {
    cases: of.length,
    ratings: rated.length,
    good: rated.filter((spec) => (spec.level ?? 0) >= 3).length,
    bad: rated.filter((spec) => (spec.level ?? 5) <= 2).length,
    workOrders: of.filter((spec) => spec.workOrder !== undefined).length,
  };
}

function figure(row: { comparisons: { key: string; current: { num: number; den: number } }[] }, key: string) {
  const found = row.comparisons.find((comparison) => comparison.key === key);
  if (!found) throw new Error(`no ${key}`);
  return { num: found.current.num, den: found.current.den };
}

describe("the county monthly report", () => {
  test("the county's totals are its halls' figures summed, each hall's row its own rows", async () => {
    await load();
    const leader = await api.signedIn(halls[0]?.users.auditor.username ?? "");
    const view = await leader.county.report({ month: "2023-03" });
    expect(view.source).toBe("live");
    const report = view.report;
    expect(report.halls.map((row) => row.hall?.id)).toEqual(halls.map((hall) => hall.hallId));

    const perHall = SPECS.map((specs) => counted(specs, "2023-03"));
    const sum = (pick: (count: ReturnType<typeof counted>) => number) =>
      perHall.reduce((total, count) => total + pick(count), 0);
    for (const [index, count] of perHall.entries()) {
      const row = report.halls[index];
      if (!row) throw new Error("missing hall row");
      expect(row.casesCompleted).toBe(count.cases);
      expect(row.validRatings).toBe(count.ratings);
      expect(row.badRatings).toBe(count.bad);
      expect(figure(row, "goodRate")).toEqual({ num: count.good, den: count.ratings });
      expect(figure(row, "ratedRate")).toEqual({ num: count.ratings, den: count.cases });
    }
    expect(report.total.casesCompleted).toBe(sum((count) => count.cases));
    expect(report.total.validRatings).toBe(sum((count) => count.ratings));
    expect(report.total.badRatings).toBe(sum((count) => count.bad));
    expect(figure(report.total, "goodRate")).toEqual({
      num: sum((count) => count.good),
      den: sum((count) => count.ratings),
    });
    expect(figure(report.total, "ratedRate")).toEqual({
      num: sum((count) => count.ratings),
      den: sum((count) => count.cases),
    });
    // Every rate of the total is the halls' numerators over their denominators.
    for (const comparison of report.total.comparisons) {
      const halves = report.halls.map((row) => figure(row, comparison.key));
      if (comparison.key === "dailyAverage") continue;
      expect(comparison.current.num, comparison.key).toBe(halves.reduce((total, part) => total + part.num, 0));
      if (!["casesCompleted", "ratings"].includes(comparison.key))
        expect(comparison.current.den, comparison.key).toBe(halves.reduce((total, part) => total + part.den, 0));
    }
    // 环比 and 同比 of the county: February 2023 and March 2022 summed the same way.
    const casesComparison = report.total.comparisons.find((comparison) => comparison.key === "casesCompleted");
    expect(casesComparison?.previousMonth.num).toBe(
      SPECS.reduce((total, specs) => total + counted(specs, "2023-02").cases, 0),
    );
    expect(casesComparison?.lastYear.num).toBe(
      SPECS.reduce((total, specs) => total + counted(specs, "2022-03").cases, 0),
    );
    const replyRate = figure(report.total, "replyRate");
    expect(replyRate).toEqual({ num: 1, den: sum((count) => count.workOrders) });

    // Bad reviews by hall and reason (two reasons count under each), work orders by state.
    const reasons = SPECS.flatMap((specs, index) =>
      specs
        .filter((spec) => inMonth(spec, "2023-03") && (spec.level ?? 5) <= 2)
        .flatMap((spec) => (spec.reasons ?? []).map((code) => `${String(halls[index]?.hallId)}:${code}`)),
    ).sort();
    expect(
      report.badReviews.byHallReason
        .flatMap((row) => Array.from({ length: row.count }, () => `${String(row.hallId)}:${row.key}`))
        .sort(),
    ).toEqual(reasons);
    expect(report.badReviews.workOrderStates.map((row) => row.total)).toEqual(perHall.map((count) => count.workOrders));
    expect(report.badReviews.total).toBe(sum((count) => count.bad));

    // The halls ranked by the county hall ranking (published minimum sample 30: none here), population the county.
    expect(report.ranking.population).toMatchObject({ scope: "county", name: "测试县", ranked: 0 });
    expect(report.ranking.rows.map((row) => [row.id, row.note])).toEqual(
      expect.arrayContaining(halls.map((hall) => [hall.hallId, "样本不足"])),
    );
  });

  test("the yearly summary: the county centre's year and the county's as a whole", async () => {
    await load();
    const leader = await api.signedIn(halls[0]?.users.auditor.username ?? "");
    const yearly = await leader.county.yearly({ year: 2023 });
    const in2023 = (specs: readonly TSpec[]) => specs.filter((spec) => spec.at.startsWith("2023"));
    expect(yearly.total.casesCompleted).toBe(SPECS.reduce((total, specs) => total + in2023(specs).length, 0));
    expect(yearly.total.validRatings).toBe(
      SPECS.reduce((total, specs) => total + in2023(specs).filter((spec) => spec.level !== undefined).length, 0),
    );
    expect(yearly.countyHall?.total.casesCompleted).toBe(in2023(SPECS[0] ?? []).length);
    expect(yearly.halls.map((row) => row.casesCompleted)).toEqual(SPECS.map((specs) => in2023(specs).length));
    expect(yearly.months[2]?.casesCompleted).toBe(
      SPECS.reduce((total, specs) => total + counted(specs, "2023-03").cases, 0),
    );
  });

  test("archived and versioned like the hall report: live until archived, regenerating keeps the old versions", async () => {
    await load();
    const leader = await api.signedIn(halls[0]?.users.auditor.username ?? "");
    expect((await leader.county.reportVersions({ month: "2023-03" })).length).toBe(0);
    const first = await generateCountyReport({ db: getDb(), now: () => NOW }, countyId, "2023-03");
    expect(first).toMatchObject({ version: 1, status: "ready" });
    const archived = await leader.county.report({ month: "2023-03" });
    expect(archived).toMatchObject({ source: "archive", version: 1, versionId: first?.id });

    // A rating arriving later changes the live figures, never the archived version.
    const admin = await api.signedIn(halls[0]?.users.admin.username ?? "");
    await getDb()
      .updateTable("user")
      .set({ scope: "county" })
      .where("id", "=", halls[0]?.users.admin.id ?? 0)
      .execute();
    const started = await admin.county.regenerateReport({ month: "2023-03" });
    expect(started.version).toBe(2);
    await expect.poll(async () => (await leader.county.reportVersion({ id: started.id })).status).toBe("ready");
    const versions = await leader.county.reportVersions({ month: "2023-03" });
    expect(versions.map((row) => row.version)).toEqual([2, 1]);
    expect(versions.every((row) => row.countyId === countyId)).toBe(true);
    const one = await leader.county.reportVersion({ id: first?.id ?? 0 });
    expect(one.report?.total.casesCompleted).toBe(archived.report.total.casesCompleted);
    expect((await leader.county.report({ month: "2023-03" })).version).toBe(2);

    // The county archive is not the hall archive: its ids name no hall report.
    const manager = await api.signedIn(halls[0]?.users.hall_manager.username ?? "");
    expect(await appCodeOf(manager.report.version({ id: first?.id ?? 0 }))).toBe("REPORT_NOT_FOUND");
    // Closed months only.
    expect(await appCodeOf(leader.county.report({ month: "2023-04" }))).toBe("REPORT_MONTH_NOT_CLOSED");
  });

  test("a hall-scoped user is refused the county report, its archive and its files", async () => {
    await load();
    const manager = await api.signedIn(halls[0]?.users.hall_manager.username ?? "");
    expect(await appCodeOf(manager.county.report({ month: "2023-03" }))).toBe("COUNTY_SCOPE_REQUIRED");
    expect(await appCodeOf(manager.county.reportVersions({ month: "2023-03" }))).toBe("COUNTY_SCOPE_REQUIRED");
    expect(await appCodeOf(manager.county.yearly({ year: 2023 }))).toBe("COUNTY_SCOPE_REQUIRED");
    expect(await appCodeOf(manager.county.regenerateReport({ month: "2023-03" }))).toBe("COUNTY_SCOPE_REQUIRED");
    const staff = await api.signedIn(halls[0]?.users.window_staff.username ?? "");
    expect(await appCodeOf(staff.county.report({ month: "2023-03" }))).toBe("FORBIDDEN");
  });
});

describe("the county report's files", () => {
  test("PDF, XLSX and CSV of the month for a county user; none for a hall-scoped one", async () => {
    await load();
    const leaderContext = await api.signedInContext(halls[0]?.users.auditor.username ?? "");
    const pdf = await countyReportDownload(leaderContext, { month: "2023-03", format: "pdf" });
    expect(pdf.contentType).toBe("application/pdf");
    expect(Buffer.isBuffer(pdf.body) && pdf.body.subarray(0, 5).toString()).toBe("%PDF-");
    const csv = await countyReportDownload(leaderContext, { month: "2023-03", format: "csv" });
    const text = Buffer.isBuffer(csv.body) ? csv.body.toString("utf8") : "";
    // A header, the county's row and one per hall.
    expect(text.trim().split("\n")).toHaveLength(1 + 1 + halls.length);
    const managerContext = await api.signedInContext(halls[0]?.users.hall_manager.username ?? "");
    await expect(countyReportDownload(managerContext, { month: "2023-03", format: "xlsx" })).rejects.toMatchObject({
      appCode: "COUNTY_SCOPE_REQUIRED",
    });
  });
});
