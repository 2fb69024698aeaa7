import { describe, expect, test, vi } from "vitest";

import { finishMonthlyReport, insertCase, insertRating } from "@hcp/db";
import { createHallFixture, fixtureCase, fixtureRating, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";
import { NATIONAL_REASONS, type TChannel, type TLevel } from "@hcp/domain";

import { apiHarness, appCodeOf } from "../test/harness";
import { generateMonthlyReport, INTERRUPTED_MESSAGE } from "./services/report/archive";
import { buildMonthlyReport } from "./services/report/build";
import { runReportScheduler } from "./services/report/scheduler";
import type { TMonthlyReport } from "./services/report/types";

/**
 * The monthly report checked row by row against a small hall whose figures are counted by hand
 * from the rows inserted here (March 2023, the February before it and March 2022), never by the
 * functions the report itself uses.
 */
let hall: THallFixture;
let thirdWindowId = 0;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
    await db.updateTable("hall").set({ ranking_min_sample: 3 }).where("id", "=", hall.hallId).execute();
    const third = await db
      .insertInto("window")
      .values({
        hall_id: hall.hallId,
        code: "A03",
        name: "综合受理3号窗口",
        kind: "comprehensive",
        department_id: null,
        active: true,
      })
      .executeTakeFirstOrThrow();
    thirdWindowId = Number(third.insertId);
    await db
      .insertInto("evaluator_device")
      .values({
        window_id: thirdWindowId,
        device_code: "PJQ-T03",
        token_hash: null,
        paired_at: null,
        last_seen_at: null,
      })
      .execute();
  },
});

/** The server's clock in these tests: 20 April 2023, 10:00 hall-local. March is closed and final. */
const NOW = new Date("2023-04-20T02:00:00Z");
const api = apiHarness(getDb, { now: () => NOW });
const deps = () => ({ db: getDb(), now: () => NOW });

interface TSpec {
  no: string;
  /** UTC; the hall-local day is 8 hours later */
  completedAt: string;
  window: 0 | 1 | null;
  promised?: { due: string };
  level?: TLevel;
  channel?: TChannel;
  isDefault?: boolean;
  reasons?: string[];
  excluded?: boolean;
  workOrder?: "closed_on_time" | "pending";
  prompt?: "rated" | "timed_out";
}

const MARCH: TSpec[] = [
  { no: "C01", completedAt: "2023-03-06T02:00:00Z", window: 0, level: 5, channel: 4, prompt: "rated" },
  { no: "C02", completedAt: "2023-03-07T02:00:00Z", window: 0, level: 5, channel: 4, prompt: "rated" },
  { no: "C03", completedAt: "2023-03-08T02:00:00Z", window: 0, level: 4, channel: 2 },
  {
    no: "C04",
    completedAt: "2023-03-09T02:00:00Z",
    window: 0,
    level: 1,
    channel: 4,
    reasons: ["108", "109"],
    workOrder: "closed_on_time",
  },
  { no: "C05", completedAt: "2023-03-10T02:00:00Z", window: 0, prompt: "timed_out" },
  // 1 March 00:30 hall-local: a March case although its UTC date is in February.
  { no: "C06", completedAt: "2023-02-28T16:30:00Z", window: 0, level: 3, channel: 1 },
  {
    no: "C07",
    completedAt: "2023-03-08T02:00:00Z",
    window: 1,
    promised: { due: "2023-03-10" },
    level: 2,
    channel: 4,
    reasons: ["207"],
    workOrder: "pending",
    prompt: "rated",
  },
  // 承诺件 completed late, its bad review excluded after an upheld appeal.
  {
    no: "C08",
    completedAt: "2023-03-15T02:00:00Z",
    window: 1,
    promised: { due: "2023-03-10" },
    level: 1,
    channel: 4,
    reasons: ["110"],
    excluded: true,
    workOrder: "closed_on_time",
  },
  {
    no: "C09",
    completedAt: "2023-03-16T02:00:00Z",
    window: 1,
    promised: { due: "2023-03-20" },
    level: 5,
    channel: 2,
    isDefault: true,
  },
  { no: "C10", completedAt: "2023-03-17T02:00:00Z", window: 1, promised: { due: "2023-03-20" }, level: 3, channel: 7 },
  { no: "C11", completedAt: "2023-03-20T02:00:00Z", window: null, level: 5, channel: 1 },
  // 1 April 01:00 hall-local: not March.
  { no: "C12", completedAt: "2023-03-31T17:00:00Z", window: 0, level: 5, channel: 4 },
];

const FEBRUARY: TSpec[] = [
  { no: "F01", completedAt: "2023-02-06T02:00:00Z", window: 0, level: 5, channel: 4 },
  { no: "F02", completedAt: "2023-02-07T02:00:00Z", window: 0, level: 5, channel: 4 },
  { no: "F03", completedAt: "2023-02-08T02:00:00Z", window: 0, level: 5, channel: 4, prompt: "rated" },
  { no: "F04", completedAt: "2023-02-06T02:00:00Z", window: 1, level: 3, channel: 4 },
  { no: "F05", completedAt: "2023-02-07T02:00:00Z", window: 1, level: 2, channel: 4 },
  { no: "F06", completedAt: "2023-02-08T02:00:00Z", window: 1, level: 1, channel: 4 },
];

const MARCH_2022: TSpec[] = [
  { no: "Y01", completedAt: "2022-03-07T02:00:00Z", window: 0, level: 5, channel: 4 },
  { no: "Y02", completedAt: "2022-03-08T02:00:00Z", window: 0, level: 5, channel: 4 },
  { no: "Y03", completedAt: "2022-03-09T02:00:00Z", window: 0, level: 2, channel: 4 },
  { no: "Y04", completedAt: "2022-03-10T02:00:00Z", window: 0 },
];

const HOUR = 3_600_000;

async function load(specs: readonly TSpec[]): Promise<void> {
  const db = getDb();
  for (const [index, spec] of specs.entries()) {
    const completedAt = new Date(spec.completedAt);
    const row = fixtureCase(hall, {
      caseNo: spec.no,
      completedAt,
      receivedAt: new Date(completedAt.getTime() - HOUR),
      window: spec.window,
      promised: spec.promised !== undefined,
      dueDate: spec.promised?.due ?? null,
    });
    const departmentId = row.department_id;
    const windowId = row.window_id ?? null;
    const staffId = row.staff_id ?? null;
    const caseId = await insertCase(db, row);
    if (spec.prompt && windowId !== null) {
      await db
        .insertInto("rating_prompt")
        .values({
          case_id: caseId,
          window_id: windowId,
          staff_id: staffId,
          status: spec.prompt,
          created_at: completedAt,
          closed_at: completedAt,
        })
        .execute();
    }
    if (spec.level === undefined) continue;
    const ratedAt = new Date(completedAt.getTime() + HOUR / 2);
    const rating = fixtureRating(
      { ...row, id: caseId },
      {
        level: spec.level,
        channel: spec.channel,
        isDefault: spec.isDefault,
        idempotencyKey: `${spec.no}-${String(index)}-first`,
        ratedAt,
      },
    );
    const ratingId = await insertRating(db, rating, spec.reasons ?? []);
    if (spec.excluded) {
      await db
        .insertInto("rating_exclusion")
        .values({
          rating_id: ratingId,
          reason: "malicious",
          note: "申诉成立",
          approved_by: hall.users.hall_manager.id,
          created_at: ratedAt,
        })
        .execute();
    }
    if (spec.workOrder) {
      const done = spec.workOrder === "closed_on_time";
      await db
        .insertInto("work_order")
        .values({
          rating_id: ratingId,
          case_id: caseId,
          hall_id: hall.hallId,
          department_id: departmentId,
          window_id: windowId,
          staff_id: staffId,
          state: done ? "closed" : "pending",
          state_before_appeal: null,
          extension: "none",
          extension_days: 0,
          created_at: ratedAt,
          contact_due: "2023-03-31",
          rectify_due: "2023-03-31",
          contacted_at: done ? new Date(ratedAt.getTime() + HOUR) : null,
          rectified_at: done ? new Date(ratedAt.getTime() + 2 * HOUR) : null,
          replied_at: done ? new Date(ratedAt.getTime() + 3 * HOUR) : null,
          closed_at: done ? new Date(ratedAt.getTime() + 4 * HOUR) : null,
          reply: done ? "已整改" : "",
          escalation: 0,
          version: 1,
        })
        .execute();
      if (done && !spec.excluded) {
        // The citizen's follow-up (追评) after the reply: good.
        await insertRating(
          db,
          {
            ...rating,
            level: 5,
            seq: 2,
            rated_at: new Date(ratedAt.getTime() + 5 * HOUR),
            idempotency_key: `${spec.no}-follow-up`,
          },
          [],
        );
      }
    }
  }
}

async function loadAll(): Promise<void> {
  await load([...MARCH, ...FEBRUARY, ...MARCH_2022]);
}

// ── independent counting over the specs ─────────────────────────────────────────────────────
function hallMonthOf(spec: TSpec): string {
  return new Date(new Date(spec.completedAt).getTime() + 8 * HOUR).toISOString().slice(0, 7);
}

function weekdays(year: number, monthIndex: number): number {
  let count = 0;
  for (
    let day = new Date(Date.UTC(year, monthIndex, 1));
    day.getUTCMonth() === monthIndex;
    day = new Date(day.getTime() + 24 * HOUR)
  ) {
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) count += 1;
  }
  return count;
}

function comparison(report: TMonthlyReport, key: string) {
  const row = report.summary.comparisons.find((entry) => entry.key === key);
  if (!row) throw new Error(`no comparison ${key}`);
  return row;
}

describe("the monthly report", () => {
  test("figures of March 2023 match the rows counted by hand", async () => {
    await loadAll();
    const report = await buildMonthlyReport(deps(), hall.hallId, "2023-03");
    const march = [...MARCH, ...FEBRUARY, ...MARCH_2022].filter((spec) => hallMonthOf(spec) === "2023-03");
    expect(march.map((spec) => spec.no)).toEqual([
      "C01",
      "C02",
      "C03",
      "C04",
      "C05",
      "C06",
      "C07",
      "C08",
      "C09",
      "C10",
      "C11",
    ]);
    const valid = march.filter((spec) => spec.level !== undefined && !spec.excluded);

    expect(report.period).toEqual({ from: "2023-03-01", to: "2023-03-31" });
    expect(report.scope).toEqual({ departmentId: null, departmentName: null });
    // March 2023 has no holiday: its working days are its weekdays.
    expect(report.summary).toMatchObject({
      casesCompleted: 11,
      workingDays: weekdays(2023, 2),
      calendarDays: 31,
      dailyAverage: { perWorkingDay: "0.5", perCalendarDay: "0.4" }, // 11/23 = 0.478, 11/31 = 0.355
      validRatings: valid.length,
      ratings: valid.filter((spec) => !spec.isDefault).length,
      badRatings: 2,
    });
    expect(weekdays(2023, 2)).toBe(23);

    // 好评 C01 C02 C03 C06 C09 C10 C11 = 7 of 9; active: 6 of 8 (C09 is a default rating).
    expect(comparison(report, "goodRate").current).toEqual({ num: 7, den: 9, text: "77.78%" });
    expect(comparison(report, "activeGoodRate").current).toEqual({ num: 6, den: 8, text: "75.00%" });
    expect(comparison(report, "badRate").current).toEqual({ num: 2, den: 9, text: "22.22%" });
    // rated: the nine valid ratings' cases of eleven (C05 unrated, C08's rating excluded).
    expect(comparison(report, "ratedRate").current).toEqual({ num: 9, den: 11, text: "81.82%" });
    // 未评: C05, C08 and C09 (only a default rating) of eleven whose rating window has closed.
    expect(comparison(report, "unratedRate").current).toEqual({ num: 3, den: 11, text: "27.27%" });
    // (4×100 + 80 + 2×60 + 40 + 20) / 9 = 660/9
    expect(comparison(report, "score").current).toEqual({ num: 660, den: 9, text: "73.33" });
    // 承诺件 C07 C08 C09 C10, C08 completed after its due date.
    expect(comparison(report, "onTimeCompletionRate").current).toEqual({ num: 3, den: 4, text: "75.00%" });

    // Month on month (February: 6 cases, 4 of 6 good, score 420/6 = 70, 20 working days) and year on year
    // (March 2022: 4 cases, 2 of 3 good, 3 of 4 rated).
    expect(comparison(report, "casesCompleted")).toMatchObject({
      current: { num: 11, text: "11" },
      previousMonth: { num: 6, text: "6" },
      lastYear: { num: 4, text: "4" },
      changeVsPreviousMonth: "+83.3%",
      changeVsLastYear: "+175.0%",
    });
    expect(comparison(report, "dailyAverage")).toMatchObject({
      previousMonth: { num: 6, den: 20, text: "0.3" },
      changeVsPreviousMonth: "+59.4%",
    });
    expect(comparison(report, "goodRate")).toMatchObject({
      changeVsPreviousMonth: "+11.11 个百分点",
      changeVsLastYear: "+11.11 个百分点",
    });
    expect(comparison(report, "ratedRate")).toMatchObject({
      changeVsPreviousMonth: "-18.18 个百分点",
      changeVsLastYear: "+6.82 个百分点",
    });
    expect(comparison(report, "badRate")).toMatchObject({ changeVsPreviousMonth: "-11.11 个百分点" });
    expect(comparison(report, "score")).toMatchObject({
      previousMonth: { text: "70.00" },
      changeVsPreviousMonth: "+3.33 分",
    });
    expect(comparison(report, "onTimeCompletionRate")).toMatchObject({ changeVsPreviousMonth: "—" });
    expect(report.summary.comparisons.map((row) => row.key)).toEqual([
      "casesCompleted",
      "dailyAverage",
      "ratings",
      "ratedRate",
      "goodRate",
      "activeGoodRate",
      "badRate",
      "unratedRate",
      "score",
      "onTimeCompletionRate",
    ]);

    const levelCount = (level: number) => valid.filter((spec) => spec.level === level).length;
    expect(report.ratingsByLevel.map((row) => [row.key, row.label, row.count])).toEqual([
      ["5", "非常满意", levelCount(5)],
      ["4", "满意", levelCount(4)],
      ["3", "基本满意", levelCount(3)],
      ["2", "不满意", levelCount(2)],
      ["1", "非常不满意", levelCount(1)],
    ]);
    expect(report.ratingsByLevel[0]).toMatchObject({ count: 4, share: "44.44%" });
    const channelCount = (channel: number) => valid.filter((spec) => spec.channel === channel).length;
    expect(report.ratingsByChannel.map((row) => [row.key, row.count])).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((channel) => [String(channel), channelCount(channel)]),
    );
    expect(report.ratingsByChannel.find((row) => row.key === "4")).toMatchObject({
      label: "政务大厅平板电脑",
      count: 4,
      share: "44.44%",
    });

    // Bad reviews: C04 (108, 109) and C07 (207); C08 (110) was excluded.
    const reasonLabel = (code: string) => NATIONAL_REASONS.find((reason) => reason.code === code)?.label;
    expect(report.badReviews.total).toBe(2);
    expect(report.badReviews.byReason).toEqual([
      { key: "108", label: reasonLabel("108"), count: 1, share: "50.00%" },
      { key: "109", label: reasonLabel("109"), count: 1, share: "50.00%" },
      { key: "207", label: reasonLabel("207"), count: 1, share: "50.00%" },
    ]);
    expect(report.badReviews.byItem.map((row) => [row.label, row.count])).toEqual([
      ["个体工商户设立登记", 1],
      ["不动产首次登记", 1],
    ]);
    expect(report.badReviews.byWindow.map((row) => [row.label, row.count])).toEqual([
      ["综合受理1号窗口", 1],
      ["综合受理2号窗口", 1],
    ]);
    expect(report.badReviews.workOrderStates.filter((row) => row.count > 0)).toEqual([
      { key: "pending", label: "待核实", count: 1, share: "50.00%" },
      { key: "closed", label: "办结", count: 1, share: "50.00%" },
    ]);
    expect(report.badReviews.workOrderRates.map((row) => [row.label, row.value.text])).toEqual([
      ["差评回复率", "50.00%"],
      ["回访整改率", "50.00%"],
      ["按时整改率", "50.00%"],
      ["回访整改满意率", "100.00%"],
    ]);

    // Items: the instant item C01–C06 and C11, the promised one C07–C10.
    expect(report.topItems.byVolume.map((row) => [row.label, row.count, row.share])).toEqual([
      ["个体工商户设立登记", 7, "63.64%"],
      ["不动产首次登记", 4, "36.36%"],
    ]);
    expect(report.topItems.byBadReviews.map((row) => row.count)).toEqual([1, 1]);

    expect(report.coverage).toEqual({
      casesCompleted: 11,
      promptsSent: march.filter((spec) => spec.prompt).length,
      promptsTimedOut: 1,
      casesRated: 9,
      casesRatedByDefault: 1,
      casesClosedUnrated: 3,
      devices: { registered: 3, paired: 2 },
    });
    expect(report.coverage.promptsSent).toBe(4);
    expect(report.definitions.map((definition) => definition.key)).toContain("goodRate");
    expect(report.definitionsVersion).toMatch(/^\d{4}\.\d+$/);
  });

  test("windows and departments are ranked with the minimum sample, 红黑榜 and 末位", async () => {
    await loadAll();
    const report = await buildMonthlyReport(deps(), hall.hallId, "2023-03");
    const [first, second, third] = report.windows.rows;
    // Window 1: 4 of 5 good, 5 of 6 cases rated, its one work order rectified on time.
    expect(first).toMatchObject({
      code: "A01",
      rank: 1,
      validRatings: 5,
      casesCompleted: 6,
      badRatings: 1,
      note: "",
      lastTwoMonthsRunning: false,
    });
    expect(first?.goodRate.text).toBe("80.00%");
    expect(first?.workOrderOnTimeRate.text).toBe("100.00%");
    // Window 2: 2 of 3 good, last in March and in February (1 of 3 good) — 末位.
    expect(second).toMatchObject({
      code: "A02",
      rank: 2,
      validRatings: 3,
      casesCompleted: 4,
      lastTwoMonthsRunning: true,
    });
    expect(second?.onTimeCompletionRate.text).toBe("75.00%");
    expect(second?.workOrderOnTimeRate.text).toBe("0.00%");
    // Window 3 has nothing: listed, not ranked.
    expect(third).toMatchObject({ code: "A03", rank: null, score: "—", note: "样本不足", validRatings: 0 });
    // Two ranked: one on each list, so the 末位 is 黑榜 first, never 红榜 too; it says what pulls it down.
    expect(report.windows.red).toEqual([hall.windowIds[0]]);
    expect(report.windows.black).toEqual([hall.windowIds[1]]);
    expect(report.windows.population).toEqual({ scope: "hall", name: "全厅", ranked: 2 });
    expect(second?.pulledDownBy).toMatch(/^好评率 66\.67%，全厅 /);
    expect(first?.breakdown?.map((part) => part.key)).toEqual([
      "satisfaction",
      "ratedRate",
      "onTimeCompletion",
      "workOrders",
    ]);
    expect(report.windows.minSample).toBe(3);
    expect(report.windows.weights).toEqual({ satisfaction: 60, ratedRate: 20, onTimeCompletion: 10, workOrders: 10 });

    // Scores by the published formula, computed here: Wilson lower bounds and weights re-spread
    // over the components a window has.
    const wilson = (good: number, total: number) => {
      const z = 1.959964;
      const p = good / total;
      return (
        (p + (z * z) / (2 * total) - z * Math.sqrt((p * (1 - p) + (z * z) / (4 * total)) / total)) /
        (1 + (z * z) / total)
      );
    };
    const scoreA01 = ((wilson(4, 5) * 60 + (5 / 6) * 20 + 1 * 10) / 90) * 100;
    const scoreA02 = ((wilson(2, 3) * 60 + (3 / 4) * 20 + (3 / 4) * 10 + 0 * 10) / 100) * 100;
    expect(first?.score).toBe(scoreA01.toFixed(2));
    expect(second?.score).toBe(scoreA02.toFixed(2));

    // Departments: 市场监督 C01–C06 and C11 (6 valid), 自然资源 C07–C10 (3 valid).
    expect(report.departments.rows.map((row) => [row.name, row.validRatings, row.casesCompleted])).toEqual([
      ["县市场监督管理局", 6, 7],
      ["县自然资源局", 3, 4],
    ]);
    expect(report.departments.rows.map((row) => row.rank)).toEqual([1, 2]);
  });

  test("a department head reads a live report of their own department; the archive is hall-wide", async () => {
    await loadAll();
    const head = await api.signedIn(hall.users.department_head.username);
    const view = await head.report.monthly({ month: "2023-03" });
    expect(view.source).toBe("live");
    expect(view.report.scope).toEqual({ departmentId: hall.departmentIds[0], departmentName: "县市场监督管理局" });
    // C01–C06 and C11; 好评 5 of 6.
    expect(view.report.summary.casesCompleted).toBe(7);
    expect(comparison(view.report, "goodRate").current.text).toBe("83.33%");
    expect(view.report.departments.rows.map((row) => row.name)).toEqual(["县市场监督管理局"]);
    expect(view.report.windows.rows.map((row) => row.code)).toEqual(["A01"]);
    expect(view.report.badReviews.byReason.map((row) => row.key)).toEqual(["108", "109"]);
    // Prompts of the department's own cases: C01 and C02 answered, C05 timed out (C07's is the other department's).
    expect(view.report.coverage).toMatchObject({ promptsSent: 3, promptsTimedOut: 1 });
    expect(await appCodeOf(head.report.versions({ month: "2023-03" }))).toBe("REPORT_ARCHIVE_HALL_ONLY");
    expect(await appCodeOf(head.report.regenerate({ month: "2023-03" }))).toBe("FORBIDDEN");
    const yearly = await head.report.yearly({ year: 2023 });
    expect(yearly.months[2]?.casesCompleted).toBe(7);
  });

  test("the archive: a live report until one is archived, then the newest ready version; regenerating keeps the old ones", async () => {
    await loadAll();
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const live = await manager.report.monthly({ month: "2023-03" });
    expect(live).toMatchObject({ source: "live", versionId: null, version: null });

    const first = await generateMonthlyReport(deps(), hall.hallId, "2023-03");
    expect(first).toMatchObject({ version: 1, status: "ready" });
    const stored = await getDb()
      .selectFrom("monthly_report")
      .selectAll()
      .where("id", "=", first?.id ?? 0)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: "ready", progress: 100, created_by: null, error: "" });
    const bodyOfFirst = stored.body;

    const archived = await manager.report.monthly({ month: "2023-03" });
    expect(archived).toMatchObject({ source: "archive", versionId: first?.id, version: 1 });
    expect(archived.report.summary).toEqual(live.report.summary);

    // A late correction: one more March case, rated 非常满意. Version 1 keeps what it said.
    await load([{ no: "C13", completedAt: "2023-03-21T02:00:00Z", window: 0, level: 5, channel: 4 }]);
    const started = await manager.report.regenerate({ month: "2023-03" });
    expect(started.version).toBe(2);
    // Built in the background: poll the version, as the console does, until it is no longer generating.
    const second = await vi.waitFor(
      async () => {
        const version = await manager.report.version({ id: started.id });
        if (version.status === "generating") throw new Error(`still generating (${String(version.progress)}%)`);
        return version;
      },
      { timeout: 30_000, interval: 20 },
    );
    expect(second).toMatchObject({ status: "ready", progress: 100, createdBy: hall.users.hall_manager.id, version: 2 });
    expect(second.report?.summary.casesCompleted).toBe(12);

    const versions = await manager.report.versions({ month: "2023-03" });
    expect(versions.map((row) => [row.version, row.status])).toEqual([
      [2, "ready"],
      [1, "ready"],
    ]);
    const firstAgain = await manager.report.version({ id: first?.id ?? 0 });
    expect(firstAgain.report?.summary.casesCompleted).toBe(11);
    expect((await manager.report.monthly({ month: "2023-03" })).version).toBe(2);

    // A ready row is never written again.
    expect(await finishMonthlyReport(getDb(), first?.id ?? 0, "{}", NOW)).toBe(false);
    const after = await getDb()
      .selectFrom("monthly_report")
      .select("body")
      .where("id", "=", first?.id ?? 0)
      .executeTakeFirstOrThrow();
    expect(after.body).toBe(bodyOfFirst);

    const yearly = await manager.report.yearly({ year: 2023 });
    expect(yearly.archived).toEqual([{ month: "2023-03", versionId: started.id, version: 2 }]);
    // February 2023: 6 cases over 20 working days, 4 of 6 good; March now 12 cases.
    expect(yearly.months[1]).toMatchObject({
      period: "2023-02",
      casesCompleted: 6,
      workingDays: 20,
      dailyAverage: "0.3",
      ratings: 6,
    });
    expect(yearly.months[1]?.goodRate.text).toBe("66.67%");
    expect(yearly.months[2]).toMatchObject({ casesCompleted: 12, ratings: 9, validRatings: 10 });
    expect(yearly.months[2]?.ratedRate.text).toBe("83.33%");
    // The 2023 calendar (holidays and make-up days) from the reference table.
    expect(yearly.total).toMatchObject({ period: "2023", casesCompleted: 19, workingDays: 249 });
  });

  test("bad input and closed months are refused with precise errors", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const auditor = await api.signedIn(hall.users.auditor.username);
    expect(await appCodeOf(manager.report.monthly({ month: "2023-13" }))).toBe("BAD_REQUEST");
    expect(await appCodeOf(manager.report.monthly({ month: "1999-12" }))).toBe("BAD_REQUEST");
    expect(await appCodeOf(manager.report.monthly({ month: "2023-04" }))).toBe("REPORT_MONTH_NOT_CLOSED");
    expect(await appCodeOf(manager.report.monthly({ month: "2023-05" }))).toBe("REPORT_MONTH_IN_FUTURE");
    expect(await appCodeOf(manager.report.monthly({ hallId: 999_999, month: "2023-03" }))).toBe("HALL_NOT_FOUND");
    expect(await appCodeOf(manager.report.version({ id: 999_999 }))).toBe("REPORT_NOT_FOUND");
    expect(await appCodeOf(auditor.report.regenerate({ month: "2023-03" }))).toBe("FORBIDDEN");
    expect(await appCodeOf(manager.report.regenerate({ month: "2023-04" }))).toBe("REPORT_MONTH_NOT_CLOSED");
    expect(await appCodeOf(generateMonthlyReport(deps(), hall.hallId, "2023-04"))).toBe("REPORT_MONTH_NOT_CLOSED");
    expect(await appCodeOf(generateMonthlyReport(deps(), hall.hallId, "2023-05"))).toBe("REPORT_MONTH_IN_FUTURE");
    expect(await appCodeOf(generateMonthlyReport(deps(), 999_999, "2023-03"))).toBe("HALL_NOT_FOUND");
    expect(await appCodeOf(generateMonthlyReport(deps(), hall.hallId, "2023-3"))).toBe("REPORT_MONTH_INVALID");
    expect(await appCodeOf(buildMonthlyReport(deps(), hall.hallId, "1999-12"))).toBe("REPORT_MONTH_INVALID");
    // Nothing was written by a refusal.
    expect(await getDb().selectFrom("monthly_report").select("id").execute()).toEqual([]);
  });
});

describe("the report scheduler", () => {
  test("two runs racing archive each final month exactly once, as version 1", async () => {
    await loadAll();
    const [one, two] = await Promise.all([runReportScheduler(deps()), runReportScheduler(deps())]);
    const rows = await getDb()
      .selectFrom("monthly_report")
      .select(["month", "version", "status"])
      .orderBy("month")
      .execute();
    // The months with cases: March 2022, February and March 2023 (April is still open).
    expect(rows).toEqual([
      { month: "2022-03", version: 1, status: "ready" },
      { month: "2023-02", version: 1, status: "ready" },
      { month: "2023-03", version: 1, status: "ready" },
    ]);
    expect(one.generated.length + two.generated.length).toBe(3);
    // Run again: nothing left to do.
    expect((await runReportScheduler(deps())).generated).toEqual([]);
  });

  test("a month is archived only once its last cases' rating window has closed", async () => {
    await loadAll();
    const early = new Date("2023-04-05T02:00:00Z");
    const result = await runReportScheduler({ db: getDb(), now: () => early });
    expect(result.generated.map((row) => row.month).sort()).toEqual(["2022-03", "2023-02"]);
  });

  test("a version left generating by a crashed process is taken over once stale, never while fresh", async () => {
    await loadAll();
    const insert = (month: string, minutesAgo: number) =>
      getDb()
        .insertInto("monthly_report")
        .values({
          hall_id: hall.hallId,
          month,
          version: 1,
          definitions_version: "2026.1",
          status: "generating",
          progress: 40,
          body: null,
          created_by: null,
          created_at: new Date(NOW.getTime() - minutesAgo * 60_000),
          finished_at: null,
        })
        .execute();
    await insert("2023-02", 60);
    await insert("2023-03", 2);
    await Promise.all([runReportScheduler(deps()), runReportScheduler(deps())]);
    const rows = await getDb()
      .selectFrom("monthly_report")
      .select(["month", "version", "status", "error", "body"])
      .orderBy("month")
      .orderBy("version")
      .execute();
    expect(rows.map((row) => [row.month, row.version, row.status])).toEqual([
      ["2022-03", 1, "ready"],
      ["2023-02", 1, "failed"],
      ["2023-02", 2, "ready"],
      ["2023-03", 1, "generating"],
    ]);
    expect(rows[1]).toMatchObject({ error: INTERRUPTED_MESSAGE, body: null });
  });
});
