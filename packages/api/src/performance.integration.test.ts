import { beforeEach, describe, expect, test } from "vitest";

import { createHallFixture, insertFixtureCase, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";
import type { TLevel } from "@hcp/domain";

import { apiHarness, appCodeOf } from "../test/harness";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
// Mid-April 2023, hall time: March and February are closed months.
const { signedIn } = apiHarness(getDb, { now: () => new Date("2023-04-10T02:00:00Z") });

const MARCH = { from: "2023-03-01", to: "2023-03-31" };
const FEBRUARY = { from: "2023-02-01", to: "2023-02-28" };
let sequence = 0;

interface TRatedCase {
  windowIndex: 0 | 1;
  day: string;
  level: TLevel | null;
  comment?: string;
  staffId?: number;
  /** the second department's item (the fixture's 承诺件 item) */
  otherDepartment?: boolean;
}

/** A case completed at 10:00 hall time on `day`, rated at once when `level` is given. */
async function ratedCase(spec: TRatedCase): Promise<number> {
  sequence += 1;
  const at = new Date(`${spec.day}T02:00:00Z`);
  const { caseId } = await insertFixtureCase(
    getDb(),
    hall,
    {
      caseNo: `P${String(sequence).padStart(6, "0")}`,
      completedAt: at,
      receivedAt: new Date(at.getTime() - 1_800_000),
      window: spec.windowIndex,
      staffId: spec.staffId,
      promised: spec.otherDepartment,
    },
    spec.level === null
      ? undefined
      : {
          level: spec.level,
          channel: sequence % 2 === 0 ? 4 : 2,
          comment: spec.comment,
          idempotencyKey: `00000000-0000-4000-8000-${String(sequence).padStart(12, "0")}`,
          ratedAt: at,
          reasons: spec.level <= 2 ? ["214"] : [],
        },
  );
  return caseId;
}

/** `good` good and `bad` bad ratings plus `unrated` unrated cases at a window on one day. */
async function windowMonth(windowIndex: 0 | 1, day: string, good: number, bad: number, unrated = 0): Promise<void> {
  for (let n = 0; n < good; n += 1) await ratedCase({ windowIndex, day, level: n % 3 === 0 ? 4 : 5 });
  for (let n = 0; n < bad; n += 1) await ratedCase({ windowIndex, day, level: 1, comment: "排队太久" });
  for (let n = 0; n < unrated; n += 1) await ratedCase({ windowIndex, day, level: null });
}

describe("window performance and ranking", () => {
  beforeEach(() => {
    sequence = 0;
  });

  test("ranks windows by composite score, leaves a thin sample unranked, and lists 红榜 and 黑榜", async () => {
    await windowMonth(0, "2023-03-06", 38, 2, 10);
    await windowMonth(1, "2023-03-07", 10, 0, 5);
    const manager = await signedIn("test_hall_manager");
    const ranking = await manager.performance.windows(MARCH);
    expect(ranking.settings.minSample).toBe(30);
    const [first, second] = ranking.rows;
    expect(first?.window.id).toBe(hall.windowIds[0]);
    expect(first?.rank).toBe(1);
    expect(first?.metrics.casesCompleted).toBe(50);
    expect(first?.metrics.validRatings).toBe(40);
    expect(first?.metrics.goodRate.text).toBe("95.00%");
    expect(first?.metrics.ratedRate.text).toBe("80.00%");
    // Window 2 is perfect but has 10 ratings, under the minimum of 30: listed, not ranked.
    expect(second?.window.id).toBe(hall.windowIds[1]);
    expect(second?.rank).toBeNull();
    expect(second?.eligible).toBe(false);
    expect(second?.score).toBe("—");
    // One ranked window: no 红黑榜 (each list takes half of those ranked).
    expect(ranking.red).toEqual([]);
    expect(ranking.black).toEqual([]);
  });

  test("the hall manager's weights and minimum sample change the ranking; bad weights are refused", async () => {
    await windowMonth(0, "2023-03-06", 38, 2);
    await windowMonth(1, "2023-03-07", 10, 0);
    const manager = await signedIn("test_hall_manager");
    await manager.performance.updateRankingSettings({
      weights: { satisfaction: 100, ratedRate: 0, onTimeCompletion: 0, workOrders: 0 },
      minSample: 5,
    });
    const ranking = await manager.performance.windows(MARCH);
    // 10 of 10 has a Wilson bound of 72.25%, 38 of 40 one of 83.5%: the larger sample still leads.
    expect(ranking.rows.map((row) => [row.window.id, row.rank])).toEqual([
      [hall.windowIds[0], 1],
      [hall.windowIds[1], 2],
    ]);
    expect(ranking.rows[0]?.score).toBe("83.5");
    expect(ranking.rows[1]?.satisfactionLowerBound).toBe("72.25%");
    expect(
      await appCodeOf(
        manager.performance.updateRankingSettings({
          weights: { satisfaction: 50, ratedRate: 0, onTimeCompletion: 0, workOrders: 0 },
          minSample: 5,
        }),
      ),
    ).toBe("BAD_REQUEST");
    const auditor = await signedIn("test_auditor");
    expect(
      await appCodeOf(
        auditor.performance.updateRankingSettings({
          weights: { satisfaction: 100, ratedRate: 0, onTimeCompletion: 0, workOrders: 0 },
          minSample: 5,
        }),
      ),
    ).toBe("FORBIDDEN");
  });

  test("flags 末位 when a window is ranked last two months running", async () => {
    await windowMonth(0, "2023-02-06", 30, 0);
    await windowMonth(1, "2023-02-07", 25, 5);
    await windowMonth(0, "2023-03-06", 30, 0);
    await windowMonth(1, "2023-03-07", 28, 2);
    const manager = await signedIn("test_hall_manager");
    const march = await manager.performance.windows(MARCH);
    expect(march.lastTwoMonthsRunning).toBe(hall.windowIds[1]);
    expect(march.rows.find((row) => row.window.id === hall.windowIds[1])?.lastTwoMonthsRunning).toBe(true);
    expect((await manager.performance.windows(FEBRUARY)).lastTwoMonthsRunning).toBeNull();
    // Not a whole month: no 末位 judgement.
    expect(
      (await manager.performance.windows({ from: "2023-03-01", to: "2023-03-15" })).lastTwoMonthsRunning,
    ).toBeNull();
  });

  test("every ranked row shows what its score is made of; a 黑榜 entry says what pulls it down", async () => {
    // A01: instant cases only (no 承诺件), no bad review. A02: the other department's 承诺件, with bad reviews.
    await windowMonth(0, "2023-03-06", 40, 0, 10);
    for (let n = 0; n < 40; n += 1)
      await ratedCase({ windowIndex: 1, day: "2023-03-07", level: n < 34 ? 5 : 1, otherDepartment: true });
    const manager = await signedIn("test_hall_manager");
    const ranking = await manager.performance.windows(MARCH);
    expect(ranking.population).toEqual({ scope: "hall", name: "全厅", ranked: 2 });
    const [first, second] = ranking.rows;
    expect(first?.window.code).toBe("A01");
    // No 承诺件: 按时办结率 is left out and its 10 spread over the rest; no bad review: 按时整改率 is 100 %.
    expect(first?.breakdown.map((part) => [part.label, part.value, part.weight, part.effectiveWeight])).toEqual([
      ["满意度下界", "91.24%", 60, "66.67"],
      ["评价率", "80.00%", 20, "22.22"],
      ["按时办结率", "—", 10, "0.00"],
      ["按时整改率", "100%（无差评）", 10, "11.11"],
    ]);
    const points = first?.breakdown.reduce((sum, part) => sum + Number(part.points), 0) ?? 0;
    expect(Math.abs(points - (first?.scoreValue ?? 0))).toBeLessThan(0.02);
    expect(first?.pulledDownBy).toBeNull();
    expect(ranking.black).toEqual([second?.window.id]);
    expect(second?.pulledDownBy).toBe("好评率 85.00%，全厅 92.50%");
  });

  test("a department head's 红黑榜 and 末位 are over their department's cases, said so, and never name one window twice", async () => {
    // Both months: 自然资源局's cases at A02 rank it; 市场监督管理局's (the head's) only at A01.
    for (const day of ["2023-02-06", "2023-03-06"]) {
      await windowMonth(0, day, 30, 0);
      for (let n = 0; n < 30; n += 1)
        await ratedCase({ windowIndex: 1, day, level: n < 25 ? 5 : 1, otherDepartment: true });
    }
    const head = await signedIn("test_department_head");
    const view = await head.performance.windows(MARCH);
    expect(view.population).toEqual({ scope: "department", name: "县市场监督管理局", ranked: 1 });
    expect(view.rows.filter((row) => row.rank !== null).map((row) => row.window.code)).toEqual(["A01"]);
    // One ranked window is nobody's last: neither 红榜 nor 黑榜 nor 末位 (it used to be 红榜 #1 and 末位 at once).
    expect(view.red).toEqual([]);
    expect(view.black).toEqual([]);
    expect(view.lastTwoMonthsRunning).toBeNull();
    expect(view.rows.some((row) => row.red && (row.black || row.lastTwoMonthsRunning))).toBe(false);

    // The hall's population: both windows ranked, A02 last both months — on the 黑榜 and 末位, never 红榜.
    const manager = await signedIn("test_hall_manager");
    const hallView = await manager.performance.windows(MARCH);
    expect(hallView.population).toEqual({ scope: "hall", name: "全厅", ranked: 2 });
    expect(hallView.red).toEqual([hall.windowIds[0]]);
    expect(hallView.black).toEqual([hall.windowIds[1]]);
    expect(hallView.lastTwoMonthsRunning).toBe(hall.windowIds[1]);

    // The department head's live monthly report ranks the same way: one department is nobody's last.
    const report = await head.report.monthly({ month: "2023-03" });
    expect(report.report.departments.population).toEqual({ scope: "department", name: "县市场监督管理局", ranked: 1 });
    expect(report.report.departments.red).toEqual([]);
    expect(report.report.departments.rows.map((row) => [row.rank, row.lastTwoMonthsRunning])).toEqual([[1, false]]);
    expect(report.report.windows.population?.scope).toBe("department");
  });

  test("在岗人员 lists who served at each window in the period — by sign-in history and cases handled — not who is there today", async () => {
    const db = getDb();
    const zhao = Number(
      (
        await db
          .insertInto("staff")
          .values({
            hall_id: hall.hallId,
            department_id: hall.departmentIds[0],
            badge_no: "T009",
            name: "赵敏",
            photo_url: "",
            active: true,
          })
          .executeTakeFirstOrThrow()
      ).insertId,
    );
    const [a01, a02] = hall.windowIds;
    const [wang, li] = hall.staffIds;
    await db
      .insertInto("window_presence")
      .values([
        // March at A01: 王丽 until the 15th, then 李强; A02: 李强 for two days in February only.
        {
          window_id: a01,
          staff_id: wang,
          signed_in_at: new Date("2023-03-01T00:30:00Z"),
          signed_out_at: new Date("2023-03-15T09:00:00Z"),
        },
        {
          window_id: a01,
          staff_id: li,
          signed_in_at: new Date("2023-03-16T00:30:00Z"),
          signed_out_at: new Date("2023-03-31T09:00:00Z"),
        },
        {
          window_id: a02,
          staff_id: li,
          signed_in_at: new Date("2023-02-20T00:30:00Z"),
          signed_out_at: new Date("2023-02-21T09:00:00Z"),
        },
        // Today (April) 赵敏 sits at A01 — she never served there in March.
        { window_id: a01, staff_id: zhao, signed_in_at: new Date("2023-04-10T00:30:00Z"), signed_out_at: null },
      ])
      .execute();
    for (let n = 0; n < 3; n += 1) await ratedCase({ windowIndex: 0, day: "2023-03-06", level: 5, staffId: wang });
    await ratedCase({ windowIndex: 0, day: "2023-03-20", level: 5, staffId: li });
    // A case 李强 handled at A02 in March without signing in there (entered by the business system).
    await ratedCase({ windowIndex: 1, day: "2023-03-21", level: null, staffId: li });

    const manager = await signedIn("test_hall_manager");
    const march = await manager.performance.windows(MARCH);
    expect(march.rows.find((row) => row.window.id === a01)?.staffName).toBe("王丽、李强");
    const staffOf = (windowId: number) =>
      march.rows.find((row) => row.window.id === windowId)?.staff.map((member) => [member.name, member.casesCompleted]);
    expect(staffOf(a01)).toEqual([
      ["王丽", 3],
      ["李强", 1],
    ]);
    expect(staffOf(a02)).toEqual([["李强", 1]]);
    // February: 李强's sign-in at A02 without a case still counts as serving there.
    const february = await manager.performance.windows(FEBRUARY);
    expect(
      february.rows.find((row) => row.window.id === a02)?.staff.map((member) => [member.name, member.casesCompleted]),
    ).toEqual([["李强", 0]]);
    expect(february.rows.find((row) => row.window.id === a01)?.staff).toEqual([]);
    // The overview of the same period names the same people.
    const overview = await manager.overview.period(MARCH);
    expect(overview.windows.find((row) => row.window.id === a01)?.staffName).toBe("王丽、李强");
  });

  test("drills down window → staff → item → the individual ratings, keeping the period", async () => {
    await windowMonth(0, "2023-03-06", 3, 2, 1);
    await windowMonth(0, "2023-04-03", 5, 0);
    const manager = await signedIn("test_hall_manager");
    const windowId = hall.windowIds[0];
    const staff = await manager.performance.staff({ ...MARCH, windowId });
    expect(staff.map((row) => [row.id, row.metrics.casesCompleted, row.metrics.validRatings])).toEqual([
      [hall.staffIds[0], 6, 5],
    ]);
    const items = await manager.performance.items({ ...MARCH, windowId, staffId: hall.staffIds[0] });
    expect(items.map((row) => [row.id, row.metrics.casesCompleted, row.metrics.badRatings])).toEqual([
      [hall.itemIds.instant, 6, 2],
    ]);
    const ratings = await manager.performance.ratings({
      ...MARCH,
      windowId,
      staffId: hall.staffIds[0],
      serviceItemId: hall.itemIds.instant,
      badOnly: true,
    });
    expect(ratings.total).toBe(2);
    expect(ratings.rows.map((row) => [row.levelLabel, row.reasonCodes, row.comment])).toEqual([
      ["非常不满意", ["214"], "排队太久"],
      ["非常不满意", ["214"], "排队太久"],
    ]);
    expect(ratings.rows.every((row) => row.caseNo.startsWith("P"))).toBe(true);
    const all = await manager.performance.ratings({ ...MARCH, windowId, page: 1, pageSize: 2 });
    expect(all.total).toBe(5);
    expect(all.rows).toHaveLength(2);
  });

  test("trend, channels, reasons and coverage add up to the same totals", async () => {
    await windowMonth(0, "2023-03-06", 4, 1, 2);
    await windowMonth(1, "2023-03-13", 2, 0, 1);
    const db = getDb();
    await db
      .insertInto("rating_prompt")
      .values([
        {
          case_id: 1,
          window_id: hall.windowIds[0],
          staff_id: hall.staffIds[0],
          status: "rated",
          created_at: new Date("2023-03-06T02:00:00Z"),
          closed_at: null,
        },
        {
          case_id: 2,
          window_id: hall.windowIds[0],
          staff_id: hall.staffIds[0],
          status: "timed_out",
          created_at: new Date("2023-03-06T02:00:00Z"),
          closed_at: null,
        },
      ])
      .execute();
    const manager = await signedIn("test_hall_manager");
    const trend = await manager.performance.trend(MARCH);
    expect(trend.days).toHaveLength(31);
    expect(trend.days.find((day) => day.date === "2023-03-06")).toMatchObject({
      casesCompleted: 7,
      validRatings: 5,
      badRatings: 1,
    });
    // Weeks run Monday to Sunday: 1–5 March is the clipped first week.
    expect(trend.weeks.map((week) => [week.from, week.to, week.validRatings])).toEqual([
      ["2023-03-01", "2023-03-05", 0],
      ["2023-03-06", "2023-03-12", 5],
      ["2023-03-13", "2023-03-19", 2],
      ["2023-03-20", "2023-03-26", 0],
      ["2023-03-27", "2023-03-31", 0],
    ]);
    expect(trend.weeks[1]?.goodRate.text).toBe("80.00%");

    const channels = await manager.performance.channels(MARCH);
    expect(channels.map((row) => row.channel)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(channels.reduce((sum, row) => sum + row.ratings, 0)).toBe(7);

    const reasons = await manager.performance.reasons(MARCH);
    expect(reasons.map((row) => [row.code, row.level, row.count, row.share.text])).toEqual([["214", 1, 1, "100.00%"]]);

    const cover = await manager.performance.coverage(MARCH);
    expect(cover.total).toMatchObject({
      casesCompleted: 10,
      casesRated: 7,
      promptsSent: 2,
      promptsRated: 1,
      promptsTimedOut: 1,
    });
    // Both days lie more than 7 days before 10 April: every unrated case's window has closed.
    expect(cover.total.casesClosedUnrated).toBe(3);
  });

  test("a department head sees only their department's staff and is refused another's", async () => {
    const db = getDb();
    const other = await db
      .insertInto("staff")
      .values({
        hall_id: hall.hallId,
        department_id: hall.departmentIds[1],
        badge_no: "T009",
        name: "赵敏",
        photo_url: "",
        active: true,
      })
      .executeTakeFirstOrThrow();
    const otherStaffId = Number(other.insertId);
    await windowMonth(0, "2023-03-06", 2, 0);
    await ratedCase({ windowIndex: 1, day: "2023-03-06", level: 5, staffId: otherStaffId, otherDepartment: true });
    const head = await signedIn("test_department_head");
    const staff = await head.performance.staff(MARCH);
    expect(staff.map((row) => row.id)).toEqual([hall.staffIds[0]]);
    expect(await appCodeOf(head.performance.ratings({ ...MARCH, staffId: otherStaffId }))).toBe("STAFF_NOT_FOUND");
    expect(await appCodeOf(head.performance.items({ ...MARCH, departmentId: hall.departmentIds[1] }))).toBe(
      "DEPARTMENT_NOT_FOUND",
    );
    const ratings = await head.performance.ratings(MARCH);
    expect(ratings.total).toBe(2);
  });

  test("refuses periods too long or in the future, and windows of no hall of the caller", async () => {
    const manager = await signedIn("test_hall_manager");
    expect(await appCodeOf(manager.performance.windows({ from: "2022-01-01", to: "2023-03-31" }))).toBe(
      "PERIOD_TOO_LONG",
    );
    expect(await appCodeOf(manager.performance.windows({ from: "2023-05-01", to: "2023-05-31" }))).toBe(
      "PERIOD_IN_FUTURE",
    );
    expect(await appCodeOf(manager.performance.windows({ from: "2023-03-31", to: "2023-03-01" }))).toBe("BAD_REQUEST");
    expect(await appCodeOf(manager.performance.staff({ ...MARCH, windowId: 999_999 }))).toBe("WINDOW_NOT_FOUND");
    const staff = await signedIn("test_window_staff");
    expect(await appCodeOf(staff.performance.windows(MARCH))).toBe("FORBIDDEN");
    expect(await appCodeOf(staff.performance.ratings(MARCH))).toBe("FORBIDDEN");
  });

  test("staff see their own figures up to yesterday and comments without who or when", async () => {
    await windowMonth(0, "2023-04-03", 3, 1);
    await ratedCase({ windowIndex: 0, day: "2023-04-10", level: 1, comment: "今天的差评" });
    const staff = await signedIn("test_window_staff");
    const mine = await staff.performance.mine({ from: "2023-04-01", to: "2023-04-10" });
    expect(mine.period).toEqual({ from: "2023-04-01", to: "2023-04-09" });
    expect(mine.metrics.validRatings).toBe(4);
    expect(mine.comments).toEqual([{ date: "2023-04-03", levelLabel: "非常不满意", comment: "排队太久" }]);
    expect(JSON.stringify(mine)).not.toContain("今天的差评");
    expect(JSON.stringify(mine.comments)).not.toMatch(/P0000|caseNo/);
  });
});
