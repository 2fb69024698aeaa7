import { TRPCError } from "@trpc/server";
import { sql } from "kysely";
import { afterEach, describe, expect, test } from "vitest";
import { ZodError } from "zod";

import { insertCase } from "@hcp/db";
import { createHallFixture, fixtureCase, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf, badlyRatedCase } from "../test/harness";
import { cellText, reportSections } from "./exports/report-sections";
import { addHallWorkingDays } from "./services/calendar";
import { monthlyReport, regenerateMonthlyReport } from "./services/report/archive";
import { buildMonthlyReport } from "./services/report/build";
import { openWorkOrder } from "./services/work-orders";

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

    const report = await buildMonthlyReport(
      { db: getDb(), now: () => new Date("2023-07-20T02:00:00Z") },
      hall.hallId,
      "2023-06",
    );
    const dailyAverage = report.summary.comparisons.find((row) => row.key === "dailyAverage");
    expect(dailyAverage?.lastYear.den).toBe(21);
    expect(dailyAverage?.current.den).toBe(21);
  });

  test("an administrator's edit moves deadlines at once; others may not edit", async () => {
    // A week no other suite edits: the calendar is reference data every suite of a run shares.
    expect(await addHallWorkingDays(getDb(), "2027-04-15", 1)).toBe("2027-04-16");
    const admin = await api.signedIn(hall.users.admin.username);
    expect(await admin.calendar.setDay({ date: "2027-04-16", kind: "holiday", name: "测试假日" })).toEqual({
      date: "2027-04-16",
      kind: "holiday",
    });
    expect(await addHallWorkingDays(getDb(), "2027-04-15", 1)).toBe("2027-04-19");
    await admin.calendar.setDay({ date: "2027-04-16", kind: "regular" });
    expect(await addHallWorkingDays(getDb(), "2027-04-15", 1)).toBe("2027-04-16");
    const manager = await api.signedIn(hall.users.hall_manager.username);
    expect(await appCodeOf(manager.calendar.setDay({ date: "2027-04-16", kind: "holiday" }))).toBe("FORBIDDEN");
    await manager.calendar.setServiceDay({ date: "2027-03-06", note: "周六预约服务" });
    expect((await manager.calendar.year({ year: 2027 })).serviceDays).toEqual([
      { date: "2027-03-06", note: "周六预约服务" },
    ]);
  });

  test("a holiday or make-up day without its name is refused as the console's form refuses it, and nothing is written", async () => {
    const admin = await api.signedIn(hall.users.admin.username);
    expect(await inputProblemOf(admin.calendar.setDay({ date: "2027-04-23", kind: "holiday" }))).toBe("请填写节日名称");
    expect(await inputProblemOf(admin.calendar.setDay({ date: "2027-04-24", kind: "makeup", name: "  " }))).toBe(
      "请填写节日名称",
    );
    expect(
      (await admin.calendar.year({ year: 2027 })).exceptions.filter(
        (day) => day.date === "2027-04-23" || day.date === "2027-04-24",
      ),
    ).toEqual([]);
    expect(await admin.calendar.setDay({ date: "2027-04-23", kind: "regular" })).toEqual({
      date: "2027-04-23",
      kind: "workday",
    });
  });
});

/** The hall's clock for the schedule tests: late December 2026, when 2027's notice is due. */
let clock = new Date("2026-12-28T02:00:00Z");
const atClock = apiHarness(getDb, { now: () => clock });

const SCHEDULE_2027 = {
  year: 2027,
  holidays: [
    { name: "元旦", from: "2027-01-01", to: "2027-01-03" },
    { name: "春节", from: "2027-02-05", to: "2027-02-11" },
  ],
  makeupDays: [{ name: "春节", date: "2027-02-13" }],
};

/** The first problem of a refused input, as the console shows it. */
async function inputProblemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError && error.cause instanceof ZodError) return error.cause.issues[0]?.message ?? "";
    throw error;
  }
  throw new Error("expected the input to be refused");
}

/** A bad rating's work order, opened on a given instant (the rating itself is made now). */
async function workOrderOpenedAt(openedAt: Date): Promise<number> {
  const created = await badlyRatedCase(api, hall);
  const rating = await getDb()
    .selectFrom("rating")
    .selectAll()
    .where("case_id", "=", created.caseId)
    .executeTakeFirstOrThrow();
  await getDb().deleteFrom("work_order_event").execute();
  await getDb().deleteFrom("work_order").execute();
  return openWorkOrder(getDb(), rating, openedAt);
}

describe("a year without a confirmed holiday schedule", () => {
  afterEach(async () => {
    // The calendar is reference data every suite shares: 2027 goes back to unconfirmed.
    await getDb().deleteFrom("calendar_year").where("year", "=", 2027).execute();
    await getDb()
      .deleteFrom("calendar_day")
      .where("date", ">=", "2027-01-01")
      .where("date", "<=", "2027-12-31")
      .execute();
    clock = new Date("2026-12-28T02:00:00Z");
  });

  test("is announced from 1 November of the year before, until it is confirmed", async () => {
    const admin = await atClock.signedIn(hall.users.admin.username);
    clock = new Date("2026-10-31T02:00:00Z");
    expect(await admin.calendar.status()).toEqual({ today: "2026-10-31", awaitingYears: [] });
    clock = new Date("2026-11-01T02:00:00Z");
    expect(await admin.calendar.status()).toEqual({ today: "2026-11-01", awaitingYears: [2027] });
    expect((await admin.calendar.year({ year: 2027 })).confirmation).toBeNull();
    expect((await admin.calendar.year({ year: 2026 })).confirmation).toMatchObject({ source: "notice" });

    await admin.calendar.confirmSchedule({ schedule: SCHEDULE_2027, source: "form" });
    expect(await admin.calendar.status()).toEqual({ today: "2026-11-01", awaitingYears: [] });
    const year = await admin.calendar.year({ year: 2027 });
    expect(year.confirmation).toMatchObject({ source: "form", confirmedBy: "admin" });
    expect(year.schedule).toEqual(SCHEDULE_2027);
    expect(year.exceptions).toHaveLength(11);
  });

  test("confirming it recounts stored deadlines in the same transaction, audited, and clears the 暂按周末计算 marks", async () => {
    // Friday 25 Dec 2026: counted Monday to Friday, the 15th working day is Friday 15 Jan 2027.
    const id = await workOrderOpenedAt(new Date("2026-12-25T02:00:00Z"));
    const stored = () =>
      getDb()
        .selectFrom("work_order")
        .select(["contact_due", "rectify_due"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
    expect(await stored()).toEqual({ contact_due: "2026-12-28", rectify_due: "2027-01-15" });
    const manager = await atClock.signedIn(hall.users.hall_manager.username);
    const admin = await atClock.signedIn(hall.users.admin.username);
    expect(await manager.workOrder.byId({ id })).toMatchObject({ due: "2026-12-28", deadlineProvisional: true });
    clock = new Date("2027-02-20T02:00:00Z");
    const januaryBefore = await buildMonthlyReport({ db: getDb(), now: () => clock }, hall.hallId, "2027-01");
    expect(januaryBefore.summary).toMatchObject({
      workingDays: 21,
      workingDaysProvisional: { current: true, previousMonth: false, lastYear: false },
    });
    clock = new Date("2026-12-28T02:00:00Z");

    const confirmed = await admin.calendar.confirmSchedule({ schedule: SCHEDULE_2027, source: "file" });
    // 元旦 1–3 Jan 2027 off: the 15th working day after 25 Dec is Monday 18 Jan.
    expect(confirmed.movedWorkOrders).toEqual([{ id, contactDue: "2026-12-28", rectifyDue: "2027-01-18" }]);
    expect(await stored()).toEqual({ contact_due: "2026-12-28", rectify_due: "2027-01-18" });
    const audits = await getDb()
      .selectFrom("audit_log")
      .select(["action", "entity_id", "before_json", "after_json"])
      .where("action", "in", ["calendar.confirmYear", "workOrder.recomputeDeadline"])
      .orderBy("id")
      .execute();
    expect(audits.map((row) => [row.action, row.entity_id])).toEqual([
      ["workOrder.recomputeDeadline", String(id)],
      ["calendar.confirmYear", "2027"],
    ]);
    expect(JSON.parse(audits[0]?.before_json ?? "null")).toEqual({
      contactDue: "2026-12-28",
      rectifyDue: "2027-01-15",
    });
    expect(await manager.workOrder.byId({ id })).toMatchObject({ due: "2026-12-28", deadlineProvisional: false });
    expect((await manager.workOrder.list({})).rows[0]).toMatchObject({ id, deadlineProvisional: false });

    clock = new Date("2027-02-20T02:00:00Z");
    const januaryAfter = await buildMonthlyReport({ db: getDb(), now: () => clock }, hall.hallId, "2027-01");
    expect(januaryAfter.summary).toMatchObject({
      workingDays: 20,
      workingDaysProvisional: { current: false, previousMonth: false, lastYear: false },
    });
  });

  test("confirming it leaves a closed order's deadlines, and any deadline already met, as they were: only running deadlines move", async () => {
    // Opened Friday 25 Dec 2026 like the order above: 2027-01-15 counted Monday to Friday.
    const closed = await workOrderOpenedAt(new Date("2026-12-25T02:00:00Z"));
    // Rectified on Saturday 16 Jan: late on the count it was given, on time had 元旦 been known.
    const closedAt = new Date("2027-01-16T02:00:00Z");
    await getDb()
      .updateTable("work_order")
      .set({
        state: "closed",
        contacted_at: closedAt,
        rectified_at: closedAt,
        replied_at: closedAt,
        closed_at: closedAt,
      })
      .where("id", "=", closed)
      .execute();
    const dues = (id: number) =>
      getDb()
        .selectFrom("work_order")
        .select(["contact_due", "rectify_due"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
    const onTime = async () =>
      (await buildMonthlyReport({ db: getDb(), now: () => new Date("2027-02-20T02:00:00Z") }, hall.hallId, "2026-12"))
        .badReviews.workOrderRates;

    const verdictBefore = await onTime();
    const admin = await atClock.signedIn(hall.users.admin.username);
    const confirmed = await admin.calendar.confirmSchedule({ schedule: SCHEDULE_2027, source: "form" });
    expect(confirmed.movedWorkOrders).toEqual([]);
    expect(await dues(closed)).toEqual({ contact_due: "2026-12-28", rectify_due: "2027-01-15" });
    expect(verdictBefore.find((row) => row.key === "onTimeRate")?.value).toMatchObject({ num: 0, den: 1 });
    expect(await onTime()).toEqual(verdictBefore);
    const moves = await getDb()
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "workOrder.recomputeDeadline")
      .where("entity_id", "=", String(closed))
      .execute();
    expect(moves).toEqual([]);
  });

  test("confirming it moves an open order's running rectification deadline but not its met contact deadline", async () => {
    // Opened Thursday 31 Dec 2026: contact due Monday 4 Jan 2027 counted Monday to Friday, already met.
    const open = await workOrderOpenedAt(new Date("2026-12-31T02:00:00Z"));
    const dues = () =>
      getDb()
        .selectFrom("work_order")
        .select(["contact_due", "rectify_due"])
        .where("id", "=", open)
        .executeTakeFirstOrThrow();
    expect(await dues()).toEqual({ contact_due: "2027-01-01", rectify_due: "2027-01-21" });
    await getDb()
      .updateTable("work_order")
      .set({ state: "rectifying", contacted_at: new Date("2026-12-31T06:00:00Z") })
      .where("id", "=", open)
      .execute();

    const admin = await atClock.signedIn(hall.users.admin.username);
    const confirmed = await admin.calendar.confirmSchedule({ schedule: SCHEDULE_2027, source: "form" });
    // 元旦 1–3 Jan off: the 15th working day after 31 Dec is Friday 22 Jan; the met contact deadline stays.
    expect(confirmed.movedWorkOrders).toEqual([{ id: open, contactDue: "2027-01-01", rectifyDue: "2027-01-22" }]);
    expect(await dues()).toEqual({ contact_due: "2027-01-01", rectify_due: "2027-01-22" });
  });

  test("a promised case due across it says 暂按周末计算 and is recounted when it is confirmed, in the same transaction, with one record listing every move", async () => {
    // Monday 28 Dec 2026, 5 working days counted Monday to Friday: due Monday 4 Jan 2027.
    const staff = await atClock.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const open = await staff.case.create({
      serviceItemId: hall.itemIds.promised,
      applicantType: "person",
      applicantName: "王五",
      applicantPhone: "13611112222",
    });
    expect(open).toMatchObject({ dueDate: "2027-01-04", dueDateProvisional: true });
    expect((await staff.case.mine()).find((row) => row.id === open.id)).toMatchObject({
      dueDate: "2027-01-04",
      dueDateProvisional: true,
    });
    // Received the same day and completed on Tuesday 5 Jan: late on the count it was given.
    const completed = await insertCase(
      getDb(),
      fixtureCase(hall, {
        caseNo: "DUE-ACROSS-2027",
        promised: true,
        receivedAt: new Date("2026-12-28T03:00:00Z"),
        completedAt: new Date("2027-01-05T03:00:00Z"),
        dueDate: "2027-01-04",
      }),
    );
    const january = () =>
      buildMonthlyReport({ db: getDb(), now: () => new Date("2027-02-20T02:00:00Z") }, hall.hallId, "2027-01");
    const onTimeCompletion = async () =>
      (await january()).summary.comparisons.find((row) => row.key === "onTimeCompletionRate")?.current;
    expect(await onTimeCompletion()).toMatchObject({ num: 0, den: 1 });
    // The staff member's own 按时办结率 of January says so too (their page stops at yesterday).
    clock = new Date("2027-02-20T02:00:00Z");
    const own = await atClock.signedIn(hall.users.window_staff.username);
    expect(await own.performance.mine({ from: "2027-01-01", to: "2027-01-31" })).toMatchObject({
      onTimeCompletionProvisional: true,
    });
    const other = await atClock.signedIn(hall.users.secondStaff.username);
    expect(await other.performance.mine({ from: "2027-01-01", to: "2027-01-31" })).toMatchObject({
      onTimeCompletionProvisional: false,
    });
    clock = new Date("2026-12-28T02:00:00Z");

    const admin = await atClock.signedIn(hall.users.admin.username);
    const confirmed = await admin.calendar.confirmSchedule({ schedule: SCHEDULE_2027, source: "form" });
    // 元旦 1–3 Jan off: the 5th working day after 28 Dec is Tuesday 5 Jan, for both.
    expect(confirmed.movedCases).toBe(2);
    const dues = await getDb()
      .selectFrom("case")
      .select(["id", "due_date"])
      .where("id", "in", [open.id, completed])
      .orderBy("id")
      .execute();
    expect(dues).toEqual([
      { id: open.id, due_date: "2027-01-05" },
      { id: completed, due_date: "2027-01-05" },
    ]);
    const record = await getDb()
      .selectFrom("audit_log")
      .select(["entity", "entity_id", "before_json", "after_json", "detail"])
      .where("action", "=", "case.recomputeDueDates")
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({ entity: "calendar_year", entity_id: "2027" });
    expect(JSON.parse(record.before_json ?? "null")).toEqual({
      dueDates: { [open.caseNo]: "2027-01-04", "DUE-ACROSS-2027": "2027-01-04" },
    });
    expect(JSON.parse(record.after_json ?? "null")).toEqual({
      dueDates: { [open.caseNo]: "2027-01-05", "DUE-ACROSS-2027": "2027-01-05" },
    });
    expect((await staff.case.mine()).find((row) => row.id === open.id)).toMatchObject({
      dueDate: "2027-01-05",
      dueDateProvisional: false,
    });
    // The live report recounts on the confirmed calendar: completed on its due day, on time.
    expect(await onTimeCompletion()).toMatchObject({ num: 1, den: 1 });
    clock = new Date("2027-02-20T02:00:00Z");
    expect(await own.performance.mine({ from: "2027-01-01", to: "2027-01-31" })).toMatchObject({
      onTimeCompletionProvisional: false,
    });
  });

  test("a failed confirmation moves no case: the due dates and their marks stay as they were", async () => {
    const staff = await atClock.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const open = await staff.case.create({
      serviceItemId: hall.itemIds.promised,
      applicantType: "person",
      applicantName: "王五",
      applicantPhone: "13611112222",
    });
    // The confirmation's own record cannot be written: everything before it must roll back.
    await sql`create trigger refuse_confirm_audit before insert on audit_log for each row
      begin if new.action = 'calendar.confirmYear' then signal sqlstate '45000' set message_text = 'refused'; end if; end`.execute(
      getDb(),
    );
    try {
      const admin = await atClock.signedIn(hall.users.admin.username);
      await expect(admin.calendar.confirmSchedule({ schedule: SCHEDULE_2027, source: "form" })).rejects.toThrow();
    } finally {
      await sql`drop trigger refuse_confirm_audit`.execute(getDb());
    }
    expect(
      await getDb().selectFrom("case").select("due_date").where("id", "=", open.id).executeTakeFirstOrThrow(),
    ).toEqual({ due_date: "2027-01-04" });
    expect(
      await getDb().selectFrom("audit_log").select("id").where("action", "=", "case.recomputeDueDates").execute(),
    ).toEqual([]);
    expect((await staff.case.mine()).find((row) => row.id === open.id)).toMatchObject({ dueDateProvisional: true });
  });

  test("按时办结率 and 按时整改率 counted on it say 暂按周末计算 on the report and its exports; an archived version keeps saying so, and offers a recount once the year is confirmed", async () => {
    // A 承诺件 received 28 Dec 2026, due 4 Jan 2027 counted Monday to Friday, completed in January;
    // and a bad review's work order opened 25 Dec, due 15 Jan.
    await insertCase(
      getDb(),
      fixtureCase(hall, {
        caseNo: "DUE-ACROSS-REPORT",
        promised: true,
        receivedAt: new Date("2026-12-28T03:00:00Z"),
        completedAt: new Date("2027-01-04T03:00:00Z"),
        dueDate: "2027-01-04",
      }),
    );
    await workOrderOpenedAt(new Date("2026-12-25T02:00:00Z"));
    clock = new Date("2027-02-20T02:00:00Z");
    const deps = { db: getDb(), now: () => clock };
    const january = await buildMonthlyReport(deps, hall.hallId, "2027-01");
    expect(january.summary.deadlinesProvisional).toEqual({
      onTimeCompletion: { current: true, previousMonth: false, lastYear: false },
      workOrders: false,
    });
    const december = await buildMonthlyReport(deps, hall.hallId, "2026-12");
    expect(december.summary.deadlinesProvisional).toEqual({
      onTimeCompletion: { current: false, previousMonth: false, lastYear: false },
      workOrders: true,
    });
    const firstColumn = (report: typeof january) =>
      reportSections(report).flatMap((section) =>
        section.tables.flatMap((table) => table.rows.map((row) => cellText(row[0] ?? ""))),
      );
    expect(firstColumn(january)).toContain("按时办结率（本月暂按周末计算）");
    expect(firstColumn(december)).toContain("按时整改率（暂按周末计算）");
    expect(firstColumn(december)).toContain("按时办结率");
    const notes = reportSections(december).flatMap((section) => section.tables.map((table) => table.note ?? ""));
    expect(notes.filter((note) => note.includes("按时整改率暂按周末计算"))).toHaveLength(2);

    const manager = await atClock.signedIn(hall.users.hall_manager.username);
    expect((await manager.overview.period({ from: "2026-12-01", to: "2027-01-31" })).deadlinesProvisional).toEqual({
      onTimeCompletion: true,
      workOrders: true,
    });
    expect((await manager.performance.windows({ from: "2026-12-01", to: "2026-12-31" })).deadlinesProvisional).toEqual({
      onTimeCompletion: false,
      workOrders: true,
    });
    // The analysis page's 按时办结率 by department: only the 承诺件's department counted across 2027.
    const departmentsProvisional = async () =>
      (await manager.performance.departments({ from: "2027-01-01", to: "2027-01-31" }))
        .filter((row) => row.onTimeCompletionProvisional)
        .map((row) => row.id);
    expect(await departmentsProvisional()).toEqual([hall.departmentIds[1]]);
    const archived = await regenerateMonthlyReport(deps, hall.hallId, "2026-12", hall.users.hall_manager.id);
    expect(await archived.done).toBe("ready");
    expect(await monthlyReport(deps, hall.hallId, "2026-12")).toMatchObject({ source: "archive", recountable: false });

    const admin = await atClock.signedIn(hall.users.admin.username);
    await admin.calendar.confirmSchedule({ schedule: SCHEDULE_2027, source: "form" });
    // The snapshot is not rewritten: it still says what it was counted on, and now offers a recount.
    const view = await manager.report.monthly({ month: "2026-12" });
    expect(view).toMatchObject({ source: "archive", version: archived.version, recountable: true });
    expect(view.report.summary.deadlinesProvisional.workOrders).toBe(true);
    expect((await buildMonthlyReport(deps, hall.hallId, "2026-12")).summary.deadlinesProvisional.workOrders).toBe(
      false,
    );
    expect((await manager.overview.period({ from: "2026-12-01", to: "2027-01-31" })).deadlinesProvisional).toEqual({
      onTimeCompletion: false,
      workOrders: false,
    });
    expect((await manager.performance.windows({ from: "2026-12-01", to: "2026-12-31" })).deadlinesProvisional).toEqual({
      onTimeCompletion: false,
      workOrders: false,
    });
    expect(await departmentsProvisional()).toEqual([]);
    expect(
      (await buildMonthlyReport(deps, hall.hallId, "2027-01")).summary.deadlinesProvisional.onTimeCompletion.current,
    ).toBe(false);
    const regenerated = await regenerateMonthlyReport(deps, hall.hallId, "2026-12", hall.users.hall_manager.id);
    expect(await regenerated.done).toBe("ready");
    expect(await manager.report.monthly({ month: "2026-12" })).toMatchObject({
      version: regenerated.version,
      recountable: false,
    });
    expect((await manager.report.monthly({ month: "2026-12" })).report.summary.deadlinesProvisional.workOrders).toBe(
      false,
    );
  });

  test("a schedule with a wrong row is refused with the row's problem in Chinese, and nothing is written; only administrators confirm", async () => {
    const admin = await atClock.signedIn(hall.users.admin.username);
    const weekdayMakeup = { ...SCHEDULE_2027, makeupDays: [{ name: "春节", date: "2027-02-17" }] };
    expect(await inputProblemOf(admin.calendar.confirmSchedule({ schedule: weekdayMakeup }))).toBe(
      "调休上班日 2027-02-17 是星期三，本来就上班；调休上班日应是周六或周日",
    );
    const overlapping = {
      ...SCHEDULE_2027,
      holidays: [...SCHEDULE_2027.holidays, { name: "元宵", from: "2027-02-11", to: "2027-02-12" }],
    };
    expect(await inputProblemOf(admin.calendar.confirmSchedule({ schedule: overlapping }))).toBe(
      "“元宵”的放假日期（2027-02-11 至 2027-02-12）与“春节”（2027-02-05 至 2027-02-11）重叠",
    );
    expect(await inputProblemOf(admin.calendar.confirmSchedule({ schedule: { ...SCHEDULE_2027, year: 2028 } }))).toBe(
      "“元旦”的放假开始日期 2027-01-01 不在 2028 年内",
    );
    const manager = await atClock.signedIn(hall.users.hall_manager.username);
    expect(await appCodeOf(manager.calendar.confirmSchedule({ schedule: SCHEDULE_2027 }))).toBe("FORBIDDEN");
    expect(await admin.calendar.year({ year: 2027 })).toMatchObject({ confirmation: null, exceptions: [] });
  });
});
