import { createHash } from "node:crypto";

import { describe, expect, test } from "vitest";

import {
  applyDefaultRatings,
  checkRollups,
  listCountyHalls,
  listHallWindowDevices,
  readSetupFacts,
  readTallies,
  setDeviceToken,
  verifyAuditChain,
  verifyPassword,
  type Db,
} from "@hcp/db";
import { buildDemoCatalog, DEMO_COUNTY, DEMO_HALL, DEMO_SET_UP_AT } from "@hcp/db/seed";
import { truncateAll } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";
import {
  addCalendarDays,
  datesBetween,
  exceptionsFromSchedules,
  hallAreaCodeProblem,
  hallDate,
  hallDayBounds,
  hallTimeOfDay,
  isCountyAreaCode,
  isWorkingDay,
  ratingMetrics,
  setupChecklist,
  type TWorkOrderState,
} from "@hcp/domain";

import { apiHarness } from "../test/harness";
import { seedDemoCounty } from "./demo-county";
import { isDemoHallSeeded, seedDemoHall } from "./demo-hall";

const getDb = useTestDb();
const SCALE = 0.02;
// A third of the year is loaded in well under a minute on an idle machine; a shared one is slower.
const SEED_TIMEOUT = 240_000;
const exceptions = exceptionsFromSchedules();

/**
 * A fingerprint of the simulated year: every case with its item and the level it was rated (of
 * one hall and the cases numbered under a prefix, when given).
 */
async function yearChecksum(
  db: Db,
  hallId?: number,
  year?: string,
): Promise<{ cases: number; levelSum: number; hash: string }> {
  let query = db
    .selectFrom("case")
    .innerJoin("service_item", "service_item.id", "case.service_item_id")
    .leftJoin("rating", "rating.case_id", "case.id")
    .select(["case.case_no", "service_item.code", "rating.level"]);
  if (hallId !== undefined) query = query.where("case.hall_id", "=", hallId);
  if (year !== undefined)
    query = query.where("case.received_at", ">=", hallDayBounds(`${year}-01-01`, `${year}-12-31`).start);
  if (year !== undefined)
    query = query.where("case.received_at", "<", hallDayBounds(`${year}-01-01`, `${year}-12-31`).end);
  const rows = await query.orderBy("case.case_no").execute();
  const hash = createHash("sha256");
  let levelSum = 0;
  for (const row of rows) {
    hash.update(`${row.case_no}|${row.code}|${row.level ?? "-"}\n`);
    levelSum += row.level ?? 0;
  }
  return { cases: rows.length, levelSum, hash: hash.digest("hex") };
}

// Every test sets up the whole hall through the procedures before its history.
describe("demo hall seed", { timeout: SEED_TIMEOUT }, () => {
  test("builds the hall of the 2023 report: departments, catalogue, windows, staff, devices and accounts", async () => {
    const db = getDb();
    expect(await isDemoHallSeeded(db)).toBe(false);
    const result = await seedDemoHall(db, { scale: SCALE });
    expect(await isDemoHallSeeded(db)).toBe(true);

    const hall = await db.selectFrom("hall").selectAll().where("id", "=", result.hallId).executeTakeFirstOrThrow();
    expect(hall).toMatchObject({
      code: "DEMO",
      name: "示范县政务服务中心",
      region_code: "330199",
      rating_window_days: 7,
    });

    const departments = await db
      .selectFrom("department")
      .selectAll()
      .where("hall_id", "=", hall.id)
      .orderBy("sort_order")
      .execute();
    expect(departments).toHaveLength(48);
    expect(result.departments).toBe(48);
    expect(new Set(departments.map((d) => d.name)).size).toBe(48);
    expect(departments.map((d) => d.sort_order)).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
    for (const department of departments) expect(department.code).toMatch(/^[0-9]{2}330199[0-9A-Z]{10}$/);
    expect(departments.map((d) => d.name)).toEqual(
      expect.arrayContaining(["县市场监督管理局", "县不动产登记中心", "县住房公积金管理中心"]),
    );

    const items = await db
      .selectFrom("service_item")
      .innerJoin("department", "department.id", "service_item.department_id")
      .select([
        "service_item.code",
        "service_item.name",
        "service_item.case_type",
        "service_item.promised_days",
        "service_item.department_id",
      ])
      .where("department.hall_id", "=", hall.id)
      .execute();
    expect(items).toHaveLength(1444);
    expect(result.serviceItems).toBe(1444);
    expect(new Set(items.map((item) => item.code)).size).toBe(1444);
    expect(new Set(items.map((item) => `${item.department_id}|${item.name}`)).size).toBe(1444);
    const instant = items.filter((item) => item.case_type === "instant");
    expect(Math.abs((instant.length / items.length) * 100 - 68.41)).toBeLessThan(2);
    for (const item of items) {
      if (item.case_type === "instant") expect(item.promised_days).toBe(0);
      else expect(item.promised_days).toBeGreaterThanOrEqual(1);
      expect(item.promised_days).toBeLessThanOrEqual(20);
    }

    const windows = await db.selectFrom("window").selectAll().where("hall_id", "=", hall.id).orderBy("code").execute();
    const comprehensive = windows.filter((window) => window.kind === "comprehensive");
    expect(comprehensive.map((window) => window.code)).toEqual([
      "A01",
      "A02",
      "A03",
      "A04",
      "A05",
      "A06",
      "A07",
      "A08",
      "A09",
    ]);
    for (const window of comprehensive) expect(window.department_id).toBeNull();
    const special = windows.filter((window) => window.kind === "special");
    expect(special.length).toBeGreaterThanOrEqual(8);
    for (const window of special) expect(window.department_id).not.toBeNull();
    expect(result.windows).toBe(windows.length);

    const devices = await db.selectFrom("evaluator_device").selectAll().execute();
    expect(devices).toHaveLength(windows.length);
    for (const window of windows) {
      const device = devices.filter((d) => d.window_id === window.id);
      expect(device).toHaveLength(1);
      expect(device[0]).toMatchObject({ device_code: `PJQ-${window.code}`, token_hash: null, paired_at: null });
    }

    const staff = await db.selectFrom("staff").selectAll().where("hall_id", "=", hall.id).execute();
    expect(staff.length).toBeGreaterThanOrEqual(windows.length * 2);
    expect(staff.length).toBeLessThanOrEqual(windows.length * 3);
    expect(result.staff).toBe(staff.length);
    for (const member of staff) {
      expect(member.badge_no).toMatch(/^SF-\d{4}$/);
      expect(member.photo_url).toBe(`/avatars/${member.badge_no}.svg`);
    }

    const users = await db.selectFrom("user").selectAll().where("hall_id", "=", hall.id).execute();
    const byName = new Map(users.map((user) => [user.username, user]));
    expect(byName.get("admin")?.role).toBe("admin");
    expect(byName.get("manager")?.role).toBe("hall_manager");
    expect(byName.get("auditor")?.role).toBe("auditor");
    const scjg = departments.find((d) => d.name === "县市场监督管理局");
    expect(byName.get("head_scjg")).toMatchObject({ role: "department_head", department_id: scjg?.id });
    expect(byName.get("head_bdc")?.department_id).toBe(departments.find((d) => d.name === "县不动产登记中心")?.id);
    for (const member of staff) {
      expect(byName.get(member.badge_no.toLowerCase())).toMatchObject({ role: "window_staff", staff_id: member.id });
    }
    expect(result.accounts.map((account) => account.username)).toEqual([
      "admin",
      "manager",
      "auditor",
      "head_scjg",
      "head_bdc",
      "sf-0001",
      "sf-0002",
      "sf-0003",
    ]);
    const admin = result.accounts[0];
    const firstStaff = result.accounts[5];
    expect(await verifyPassword(byName.get("admin")?.password_hash ?? "", admin?.password ?? "")).toBe(true);
    // All staff accounts share one password: the last one opens with the password shown for the first.
    const lastStaffUser = byName.get(
      staff
        .map((member) => member.badge_no.toLowerCase())
        .sort()
        .at(-1) ?? "",
    );
    expect(await verifyPassword(lastStaffUser?.password_hash ?? "", firstStaff?.password ?? "")).toBe(true);
    expect(new Set(result.accounts.slice(0, 5).map((account) => account.password)).size).toBe(5);
  });

  test("is set up through the console's procedures by its first administrator, the day before 2023, every step audited", async () => {
    const db = getDb();
    const result = await seedDemoHall(db, { scale: 0 });
    const catalog = buildDemoCatalog(DEMO_HALL.regionCode);

    const audited = await db
      .selectFrom("audit_log")
      .select(["action", "actor_user_id", "created_at"])
      .where("created_at", "=", DEMO_SET_UP_AT)
      .execute();
    const count = (action: string) => audited.filter((row) => row.action === action).length;
    expect(count("hall.updateSettings")).toBe(1);
    expect(count("department.create")).toBe(48);
    expect(count("serviceItem.import")).toBe(1);
    expect(count("window.create")).toBe(result.windows);
    expect(count("device.create")).toBe(result.windows);
    expect(count("staff.create")).toBe(result.staff);
    // The first administrator (by the system), then every other account by that administrator.
    expect(count("account.create")).toBe(5 + result.staff);
    expect(count("account.demoPassword")).toBe(4 + result.staff);
    expect(count("auth.changePassword")).toBe(1);
    const admin = await db
      .selectFrom("user")
      .select(["id", "must_change_password"])
      .where("username", "=", "admin")
      .executeTakeFirstOrThrow();
    for (const action of ["hall.updateSettings", "department.create", "window.create", "staff.create"])
      expect(new Set(audited.filter((row) => row.action === action).map((row) => row.actor_user_id))).toEqual(
        new Set([admin.id]),
      );
    expect((await verifyAuditChain(db)).ok).toBe(true);

    // Nobody must change the published passwords, and no set-up session is left open.
    const users = await db.selectFrom("user").select(["must_change_password", "created_at"]).execute();
    expect(users).toHaveLength(5 + result.staff);
    for (const user of users) expect(user).toMatchObject({ must_change_password: false, created_at: DEMO_SET_UP_AT });
    expect(await db.selectFrom("session").select("id").execute()).toEqual([]);

    // The import's item versions date from the set-up: 2023's cases all come after them.
    const versions = await db.selectFrom("service_item_version").select(["valid_from", "source"]).execute();
    expect(versions).toHaveLength(1444);
    for (const version of versions) expect(version).toMatchObject({ valid_from: DEMO_SET_UP_AT, source: "import" });

    // Each window receives its departments (a 专业 window's own first) and items; each staff member serves at home.
    const windows = await db.selectFrom("window").select(["id", "code", "department_id", "sort_order"]).execute();
    const windowDepartments = await db.selectFrom("window_department").selectAll().execute();
    const windowItems = await db.selectFrom("window_service_item").selectAll().execute();
    expect(windowItems).toHaveLength(catalog.items.reduce((sum, item) => sum + item.windows.length, 0));
    for (const [index, plan] of catalog.windows.entries()) {
      const window = windows.find((row) => row.code === plan.code);
      expect(window?.sort_order).toBe(index + 1);
      const departments = windowDepartments.filter((row) => row.window_id === window?.id);
      expect(departments.length).toBeGreaterThanOrEqual(1);
      if (plan.kind === "special") expect(window?.department_id).not.toBeNull();
      expect(windowItems.filter((row) => row.window_id === window?.id)).toHaveLength(
        catalog.items.filter((item) => item.windows.includes(index)).length,
      );
    }
    const staffWindows = await db.selectFrom("staff_window").selectAll().execute();
    expect(staffWindows).toHaveLength(result.staff);
    for (const row of staffWindows) expect(row.position).toBe(0);
  });

  test("lacks only its evaluators until the start hands each window's tablet its token, then 开始设置 has nothing left", async () => {
    const db = getDb();
    const result = await seedDemoHall(db, { scale: 0 });
    const before = setupChecklist(await readSetupFacts(db, result.hallId));
    expect(before.items.filter((item) => !item.done).map((item) => item.check)).toEqual(["evaluators"]);
    expect(before.items.find((item) => item.check === "evaluators")?.lacking).toHaveLength(result.windows);

    // What `npm start` does with the demo's tablets (apps/server/src/demo.ts).
    for (const device of await listHallWindowDevices(db, result.hallId))
      await setDeviceToken(db, device.id, `token-of-${device.deviceCode}`, new Date());
    const after = setupChecklist(await readSetupFacts(db, result.hallId));
    expect(after.items.filter((item) => !item.done)).toEqual([]);
    expect(after.ready).toBe(true);
  });

  test("simulates 2023 on working days with unique case numbers, one first rating per case and few bad reviews", async () => {
    const db = getDb();
    const result = await seedDemoHall(db, { scale: SCALE });
    expect(result.cases).toBe(Math.round(243_000 * SCALE));

    const cases = await db.selectFrom("case").selectAll().where("hall_id", "=", result.hallId).execute();
    expect(cases).toHaveLength(result.cases);
    expect(new Set(cases.map((c) => c.case_no)).size).toBe(cases.length);
    const lastSequence = new Map<string, number>();
    let atWindow = 0;
    let late = 0;
    let promised = 0;
    for (const c of cases) {
      const day = hallDate(c.received_at);
      expect(day.startsWith("2023-")).toBe(true);
      expect(isWorkingDay(day, exceptions)).toBe(true);
      const [hours, minutesPast] = hallTimeOfDay(c.received_at).split(":").map(Number);
      const minutes = (hours ?? 0) * 60 + (minutesPast ?? 0);
      expect((minutes >= 540 && minutes < 720) || (minutes >= 810 && minutes < 1050)).toBe(true);
      expect(c.case_no.slice(0, 14)).toBe(`330199${day.replaceAll("-", "")}`);
      expect(c.case_no).toHaveLength(19);
      const sequence = Number(c.case_no.slice(14));
      lastSequence.set(day, Math.max(lastSequence.get(day) ?? 0, sequence));
      expect(c.status).toBe("completed");
      expect(c.completed_at?.getTime()).toBeGreaterThan(c.received_at.getTime());
      if (c.handling_channel === "window") {
        atWindow++;
        expect(c.window_id).not.toBeNull();
        expect(c.staff_id).not.toBeNull();
      } else {
        expect(c.window_id).toBeNull();
        expect(c.staff_id).toBeNull();
      }
      if (c.case_type === "instant") {
        expect(c.due_date).toBeNull();
        const minutesTaken = ((c.completed_at?.getTime() ?? 0) - c.received_at.getTime()) / 60_000;
        expect(minutesTaken).toBeGreaterThanOrEqual(5);
        expect(minutesTaken).toBeLessThanOrEqual(40);
      } else {
        promised++;
        expect(c.due_date).not.toBeNull();
        if (c.completed_at && hallDate(c.completed_at) > (c.due_date ?? "")) late++;
      }
    }
    expect(atWindow / cases.length).toBeGreaterThan(0.8);
    expect(atWindow / cases.length).toBeLessThan(0.9);
    expect(late / promised).toBeLessThan(0.05);

    // Counters continue each day's sequence, so a live case never takes a demo case number.
    const counters = await db
      .selectFrom("counter")
      .selectAll()
      .where("name", "like", `case:${result.hallId}:%`)
      .execute();
    expect(counters).toHaveLength(lastSequence.size);
    for (const counter of counters) {
      const day = counter.name.split(":")[2] ?? "";
      expect(Number(counter.value)).toBe(lastSequence.get(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`));
    }

    const ratings = await db.selectFrom("rating").selectAll().where("hall_id", "=", result.hallId).execute();
    expect(ratings).toHaveLength(result.ratings);
    expect(ratings.every((rating) => rating.seq === 1 && !rating.is_default && rating.reason_version === 1)).toBe(true);
    const perCase = new Map<number, number>();
    for (const rating of ratings) perCase.set(rating.case_id, (perCase.get(rating.case_id) ?? 0) + 1);
    expect(Math.max(...perCase.values())).toBe(1);
    expect(ratings.length / cases.length).toBeGreaterThan(0.2);
    expect(ratings.length / cases.length).toBeLessThan(0.25);
    expect(new Set(ratings.map((rating) => rating.idempotency_key)).size).toBe(ratings.length);
    const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const rating of ratings) expect(rating.idempotency_key).toMatch(uuidV4);

    const caseById = new Map(cases.map((c) => [c.id, c]));
    for (const rating of ratings) {
      const c = caseById.get(rating.case_id);
      expect(c).toBeDefined();
      if (!c?.completed_at) continue;
      expect(rating).toMatchObject({
        window_id: c.window_id,
        staff_id: c.staff_id,
        service_item_id: c.service_item_id,
        department_id: c.department_id,
      });
      if (c.window_id === null) expect([4, 5]).not.toContain(rating.channel);
      expect(rating.rated_at.getTime()).toBeGreaterThan(c.completed_at.getTime());
      expect(rating.rated_at.getTime() - c.completed_at.getTime()).toBeLessThanOrEqual(7 * 86_400_000);
      expect(rating.received_at.getTime()).toBe(rating.rated_at.getTime());
    }
    const channels = new Set(ratings.map((rating) => rating.channel));
    for (const channel of [1, 2, 4, 5]) expect(channels).toContain(channel);

    const reasons = await db.selectFrom("rating_reason").selectAll().execute();
    const ratingById = new Map(ratings.map((rating) => [rating.id, rating]));
    for (const reason of reasons) expect(reason.reason_code[0]).toBe(String(ratingById.get(reason.rating_id)?.level));
    const bad = ratings.filter((rating) => rating.level <= 2);
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.length / ratings.length).toBeLessThan(0.01);
    expect(ratings.filter((rating) => rating.level === 5).length / ratings.length).toBeGreaterThan(0.9);
    for (const rating of bad) {
      const own = reasons.filter(
        (reason) => reason.rating_id === rating.id && reason.reason_code.startsWith(String(rating.level)),
      );
      expect(own.length > 0 || rating.comment.length > 0).toBe(true);
    }
  });

  test("is deterministic: the same year on every run", async () => {
    const db = getDb();
    await seedDemoHall(db, { scale: SCALE });
    const first = await yearChecksum(db);
    await truncateAll(db);
    await seedDemoHall(db, { scale: SCALE });
    const second = await yearChecksum(db);
    expect(second).toEqual(first);
    // Fixed numbers for this scale: they change only when the catalogue or the simulation does.
    expect(first.cases).toBe(4860);
    expect(first.levelSum).toBe(5218);
  });

  test("gives every bad review one work order: 2023's finished, the recent days' live in every open state, with consistent follow-ups", async () => {
    const db = getDb();
    // A Wednesday afternoon late in the month: the recent days hold enough bad reviews for every plan.
    const now = new Date("2026-12-30T06:30:00Z");
    const result = await seedDemoHall(db, { scale: 0.3, now });
    expect(result.recentCases).toBeGreaterThan(0);
    const bad = await db.selectFrom("rating").select("id").where("level", "<=", 2).where("seq", "=", 1).execute();
    const orders = await db
      .selectFrom("work_order")
      .select([
        "rating_id",
        "state",
        "created_at",
        "replied_at",
        "rectified_at",
        "closed_at",
        "contact_due",
        "rectify_due",
      ])
      .execute();
    expect(orders.map((order) => order.rating_id).sort()).toEqual(bad.map((rating) => rating.id).sort());
    const recentFrom = hallDayBounds("2026-11-01").start;
    const finished = orders.filter((order) => order.created_at < recentFrom);
    const live = orders.filter((order) => order.created_at >= recentFrom);
    expect(finished.length).toBeGreaterThan(0);
    // Nothing from 2023 is still open three years on.
    expect(new Set(finished.map((order) => order.state))).toEqual(new Set(["closed"]));
    const states = new Set(live.map((order) => order.state));
    const everyState: TWorkOrderState[] = [
      "pending",
      "contacted",
      "rectifying",
      "cannot_rectify_requested",
      "rectified",
      "cannot_rectify",
      "replied",
      "appealed",
      "closed",
    ];
    for (const state of everyState) {
      expect(states.has(state), state).toBe(true);
    }
    // Open orders whose deadline is still ahead: the work-order list shows live days left.
    const today = hallDate(now);
    expect(live.some((order) => order.state !== "closed" && order.rectify_due >= today)).toBe(true);
    for (const order of orders) {
      expect(order.contact_due <= order.rectify_due).toBe(true);
      for (const moment of [order.created_at, order.replied_at, order.rectified_at, order.closed_at]) {
        if (moment) expect(moment.getTime()).toBeLessThanOrEqual(now.getTime());
      }
    }
    const exclusions = await db.selectFrom("rating_exclusion").select("reason").execute();
    expect(exclusions.length).toBeGreaterThan(0);
    const followUps = await db
      .selectFrom("rating as f")
      .innerJoin("work_order as w", "w.case_id", "f.case_id")
      .select(["w.state", "w.rectified_at", "f.rated_at"])
      .where("f.seq", "=", 2)
      .execute();
    expect(followUps.length).toBeGreaterThan(0);
    for (const followUp of followUps) {
      expect(followUp.state).toBe("closed");
      expect(followUp.rectified_at).not.toBeNull();
      expect(followUp.rated_at.getTime()).toBeLessThanOrEqual(now.getTime());
    }
    const events = await db.selectFrom("work_order_event").select(["action", "created_at"]).execute();
    for (const event of events) expect(event.created_at.getTime()).toBeLessThanOrEqual(now.getTime());
    expect([...new Set(events.map((event) => event.action))].sort()).toEqual(
      [
        "appeal",
        "approveCannotRectify",
        "approveExtension",
        "close",
        "contact",
        "escalate",
        "followUp",
        "markRectified",
        "open",
        "rejectAppeal",
        "reply",
        "requestCannotRectify",
        "requestExtension",
        "startRectification",
        "upholdAppeal",
      ].sort(),
    );
  });

  test("simulates the recent days up to the moment of the seed: cases today, some still being handled, nothing later", async () => {
    const db = getDb();
    const now = new Date("2026-12-07T06:30:00Z");
    const result = await seedDemoHall(db, { scale: 0.1, now });
    const recent = await db
      .selectFrom("case")
      .select(["case_no", "status", "received_at", "completed_at"])
      .where("received_at", ">=", hallDayBounds("2026-11-01").start)
      .execute();
    expect(recent).toHaveLength(result.recentCases);
    const today = recent.filter((c) => hallDate(c.received_at) === "2026-12-07");
    expect(today.length).toBeGreaterThan(0);
    for (const c of recent) {
      expect(c.received_at.getTime()).toBeLessThanOrEqual(now.getTime());
      if (c.status === "received") expect(c.completed_at).toBeNull();
      else expect(c.completed_at?.getTime()).toBeLessThanOrEqual(now.getTime());
    }
    expect(recent.some((c) => c.status === "received")).toBe(true);
    const ratings = await db
      .selectFrom("rating")
      .select(["rated_at"])
      .where("rated_at", ">=", hallDayBounds("2026-11-01").start)
      .execute();
    expect(ratings.length).toBeGreaterThanOrEqual(result.recentRatings);
    for (const rating of ratings) expect(rating.rated_at.getTime()).toBeLessThanOrEqual(now.getTime());
    const prompts = await db.selectFrom("rating_prompt").select(["created_at", "closed_at", "status"]).execute();
    for (const prompt of prompts) {
      expect(prompt.status).not.toBe("pending");
      expect(prompt.closed_at?.getTime()).toBeLessThanOrEqual(now.getTime());
    }
    const presence = await db.selectFrom("window_presence").select(["signed_in_at", "signed_out_at"]).execute();
    for (const row of presence) expect(row.signed_out_at?.getTime()).toBeLessThanOrEqual(now.getTime());
    // Live case numbers continue today's sequence.
    const counter = await db
      .selectFrom("counter")
      .select("value")
      .where("name", "=", `case:${result.hallId}:20261207`)
      .executeTakeFirst();
    expect(Number(counter?.value)).toBe(today.length);
  });

  test("rates on-site cases mostly on the window tablets, on prompts, with timed-out prompts, misuse signals and who was on duty", async () => {
    const db = getDb();
    await seedDemoHall(db, { scale: 0.3 });
    const ratings = await db
      .selectFrom("rating")
      .innerJoin("case", "case.id", "rating.case_id")
      .select([
        "rating.id",
        "rating.case_id",
        "rating.channel",
        "rating.prompt_id",
        "rating.rated_at",
        "case.window_id",
      ])
      .where("rating.seq", "=", 1)
      .execute();
    const onSite = ratings.filter((rating) => rating.window_id !== null);
    const tablet = onSite.filter((rating) => rating.channel === 4);
    expect(tablet.length / onSite.length).toBeGreaterThan(0.6);
    expect(onSite.filter((rating) => rating.channel === 5).length / onSite.length).toBeLessThan(0.1);

    const prompts = await db.selectFrom("rating_prompt").selectAll().execute();
    const promptById = new Map(prompts.map((prompt) => [prompt.id, prompt]));
    const signals = await db.selectFrom("rating_signal").selectAll().execute();
    const noPrompt = new Set(signals.filter((signal) => signal.kind === "no_prompt").map((signal) => signal.rating_id));
    for (const rating of tablet) {
      if (noPrompt.has(rating.id)) {
        expect(rating.prompt_id).toBeNull();
        continue;
      }
      const prompt = promptById.get(rating.prompt_id ?? 0);
      expect(prompt).toMatchObject({ case_id: rating.case_id, window_id: rating.window_id, status: "rated" });
      expect(prompt?.closed_at?.getTime()).toBe(rating.rated_at.getTime());
      expect(prompt?.created_at.getTime()).toBeLessThan(rating.rated_at.getTime());
    }
    for (const rating of onSite) if (rating.channel !== 4) expect(rating.prompt_id).toBeNull();
    const timedOut = prompts.filter((prompt) => prompt.status === "timed_out");
    expect(timedOut.length / prompts.length).toBeGreaterThan(0.05);
    expect(timedOut.length / prompts.length).toBeLessThan(0.4);
    for (const prompt of timedOut)
      expect((prompt.closed_at?.getTime() ?? 0) - prompt.created_at.getTime()).toBe(60_000);

    const kinds = new Set(signals.map((signal) => signal.kind));
    for (const kind of ["fast_tap", "no_prompt", "burst", "identical_run"])
      expect(kinds.has(kind as never), kind).toBe(true);
    expect(signals.length / ratings.length).toBeLessThan(0.02);
    const ratingIds = new Set(ratings.map((rating) => rating.id));
    for (const signal of signals) {
      expect(ratingIds.has(signal.rating_id ?? 0)).toBe(true);
      expect(signal.reviewed_at).not.toBeNull();
    }
    for (const signal of signals.filter((s) => s.kind === "fast_tap")) {
      const rating = ratings.find((r) => r.id === signal.rating_id);
      const prompt = promptById.get(rating?.prompt_id ?? 0);
      expect((rating?.rated_at.getTime() ?? 0) - (prompt?.created_at.getTime() ?? 0)).toBeLessThan(1_000);
    }

    // Whoever handled a window case was signed in at that window when it was received.
    const presence = await db.selectFrom("window_presence").selectAll().execute();
    const cases = await db
      .selectFrom("case")
      .select(["window_id", "staff_id", "received_at"])
      .where("window_id", "is not", null)
      .limit(2_000)
      .execute();
    for (const c of cases) {
      const on = presence.some(
        (row) =>
          row.window_id === c.window_id &&
          row.staff_id === c.staff_id &&
          row.signed_in_at <= c.received_at &&
          (row.signed_out_at ?? c.received_at) >= c.received_at,
      );
      expect(on).toBe(true);
    }
  });

  test("shows the province's default rating: switched on at the first of last month, written as the housekeeping writes it, never reaching back into 2023", async () => {
    const db = getDb();
    const now = new Date("2026-12-07T06:30:00Z");
    const result = await seedDemoHall(db, { scale: 0.1, now });
    const switchedOnAt = hallDayBounds("2026-11-01").start;
    const closedBefore = now.getTime() - 7 * 86_400_000;

    // The rule as 评价规则 shows it, switched on by the hall manager at the start of the recent days.
    const hall = await db.selectFrom("hall").selectAll().where("id", "=", result.hallId).executeTakeFirstOrThrow();
    expect(hall).toMatchObject({
      default_rating_enabled: true,
      default_rating_level: 3,
      default_rating_from: switchedOnAt,
    });
    const changes = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "hall.updateRatingRules")
      .execute();
    expect(changes).toHaveLength(1);
    const manager = await db
      .selectFrom("user")
      .select("id")
      .where("username", "=", "manager")
      .executeTakeFirstOrThrow();
    expect(changes[0]).toMatchObject({
      actor_user_id: manager.id,
      actor_role: "hall_manager",
      entity: "hall",
      entity_id: String(result.hallId),
      created_at: switchedOnAt,
    });
    expect(JSON.parse(changes[0]?.before_json ?? "null")).toMatchObject({ defaultRating: { enabled: false } });
    expect(JSON.parse(changes[0]?.after_json ?? "null")).toMatchObject({
      defaultRating: { enabled: true, level: 3 },
    });
    expect((await verifyAuditChain(db)).ok).toBe(true);

    // Exactly the cases completed since the switch whose seven days have passed without a rating.
    const cases = await db
      .selectFrom("case")
      .select(["id", "completed_at"])
      .where("hall_id", "=", result.hallId)
      .where("status", "=", "completed")
      .execute();
    const ratings = await db
      .selectFrom("rating")
      .selectAll()
      .where("hall_id", "=", result.hallId)
      .where("seq", "=", 1)
      .execute();
    const active = new Set(ratings.filter((rating) => !rating.is_default).map((rating) => rating.case_id));
    const expected = cases
      .filter(
        (c) =>
          c.completed_at &&
          c.completed_at >= switchedOnAt &&
          c.completed_at.getTime() < closedBefore &&
          !active.has(c.id),
      )
      .map((c) => c.id)
      .sort((a, b) => a - b);
    const defaults = ratings.filter((rating) => rating.is_default);
    expect(defaults.map((rating) => rating.case_id).sort((a, b) => a - b)).toEqual(expected);
    expect(result.defaultRatings).toBe(defaults.length);
    expect(defaults.length).toBeGreaterThan(500);
    const completedAt = new Map(cases.map((c) => [c.id, c.completed_at?.getTime() ?? 0]));
    for (const rating of defaults) {
      expect(rating).toMatchObject({ level: 3, comment: "", prompt_id: null });
      expect(rating.rated_at.getTime()).toBe((completedAt.get(rating.case_id) ?? 0) + 7 * 86_400_000);
    }
    expect(
      await db
        .selectFrom("rating_reason")
        .select("rating_id")
        .where(
          "rating_id",
          "in",
          defaults.map((rating) => rating.id),
        )
        .execute(),
    ).toEqual([]);
    // 2023 keeps its unrated cases 未评: the rule never reaches back before its start.
    expect(defaults.every((rating) => (completedAt.get(rating.case_id) ?? 0) >= switchedOnAt.getTime())).toBe(true);
    expect(cases.some((c) => c.completed_at && c.completed_at < switchedOnAt && !active.has(c.id))).toBe(true);

    // The figures the console reads: last month's defaults are valid ratings, never active ones
    // (主动评价); 2023 has none.
    const november = (
      await readTallies(db, {
        hallId: result.hallId,
        from: "2026-11-01",
        to: "2026-11-30",
        by: "hall",
        closedBefore: addCalendarDays(hallDate(now), -7),
      })
    ).get(null);
    const novemberDefaults = defaults.filter((rating) =>
      hallDate(new Date(completedAt.get(rating.case_id) ?? 0)).startsWith("2026-11"),
    ).length;
    if (!november) throw new Error("November has no figures");
    expect(november.casesRatedByDefault).toBe(novemberDefaults);
    // Ratings count on the day they were given: a default on the day its window closed.
    const metrics = ratingMetrics(november);
    const ratedInNovember = defaults.filter((rating) => hallDate(rating.rated_at).startsWith("2026-11")).length;
    expect(ratedInNovember).toBeGreaterThan(0);
    expect(metrics.validRatings - metrics.ratings).toBe(ratedInNovember);
    expect(metrics.activeGoodRate.den).toBe(metrics.ratings);
    const year = (
      await readTallies(db, {
        hallId: result.hallId,
        from: "2023-01-01",
        to: "2023-12-31",
        by: "hall",
        closedBefore: "2024-01-01",
      })
    ).get(null);
    expect(year?.casesRatedByDefault).toBe(0);

    // The housekeeping, run over the same data at the same moment, finds nothing left to write:
    // the seed wrote what it would. A day later it closes the next day's cases, as it would live.
    expect(await applyDefaultRatings(db, now)).toBe(0);
    const nextDay = new Date(now.getTime() + 86_400_000);
    const dueNextDay = cases.filter(
      (c) =>
        c.completed_at &&
        c.completed_at.getTime() >= closedBefore &&
        c.completed_at.getTime() < closedBefore + 86_400_000 &&
        !active.has(c.id),
    );
    expect(dueNextDay.length).toBeGreaterThan(0);
    expect(await applyDefaultRatings(db, nextDay)).toBe(dueNextDay.length);
    // The rollups behind those figures agree with the rows, the seed's and the housekeeping's alike.
    expect(await checkRollups(db, result.hallId)).toEqual([]);
  });

  test("refuses to seed a hall that is already there", async () => {
    const db = getDb();
    const result = await seedDemoHall(db, { scale: 0 });
    expect(result.cases).toBe(0);
    await expect(seedDemoHall(db, { scale: 0 })).rejects.toThrow(/already seeded/);
    expect(await db.selectFrom("hall").select("id").execute()).toHaveLength(1);
  });
});

// The demo county `npm start` loads: the county centre above plus its 20 township centres.
describe("demo county seed", { timeout: SEED_TIMEOUT }, () => {
  test("places the county centre and 20 township centres under the county, each set up by the county's administrator with 2–4 comprehensive windows, their evaluators, staff and accounts", async () => {
    const db = getDb();
    const result = await seedDemoCounty(db, { scale: 0 });
    const county = await db.selectFrom("county").selectAll().executeTakeFirstOrThrow();
    expect(county).toMatchObject({ id: result.countyId, name: "示范县", area_code: DEMO_COUNTY.areaCode });
    expect(county.area_code).toBe(`${DEMO_HALL.regionCode}000000`);
    expect(isCountyAreaCode(county.area_code)).toBe(true);

    const halls = await listCountyHalls(db, county.id);
    expect(halls).toHaveLength(21);
    expect(halls[0]).toMatchObject({ id: result.hallId, kind: "county_centre", areaCode: county.area_code });
    const townships = halls.slice(1);
    expect(townships.map((hall) => hall.kind)).toEqual(Array.from({ length: 20 }, () => "township_centre"));
    expect(new Set(townships.map((hall) => hall.areaCode)).size).toBe(20);
    expect(new Set(townships.map((hall) => hall.name)).size).toBe(20);
    for (const hall of townships) {
      expect(hall.name).toMatch(/^.{2}[镇乡]便民服务中心$/);
      expect(hall.areaCode).toMatch(new RegExp(`^${DEMO_HALL.regionCode}1\\d\\d000$`));
      expect(hallAreaCodeProblem(hall.areaCode ?? "", "township_centre", county.area_code)).toBeUndefined();
    }
    expect(result.townships.map((township) => township.hallId)).toEqual(townships.map((hall) => hall.id));

    const countyAdmin = await db
      .selectFrom("user")
      .selectAll()
      .where("username", "=", "county_admin")
      .executeTakeFirstOrThrow();
    for (const township of townships) {
      const windows = await db.selectFrom("window").selectAll().where("hall_id", "=", township.id).execute();
      expect(windows.length).toBeGreaterThanOrEqual(2);
      expect(windows.length).toBeLessThanOrEqual(4);
      for (const window of windows) expect(window).toMatchObject({ kind: "comprehensive", department_id: null });
      const devices = await db
        .selectFrom("evaluator_device")
        .select(["window_id", "device_code"])
        .where(
          "window_id",
          "in",
          windows.map((window) => window.id),
        )
        .execute();
      expect(devices.map((device) => device.window_id).sort()).toEqual(windows.map((window) => window.id).sort());
      const staff = await db.selectFrom("staff").selectAll().where("hall_id", "=", township.id).execute();
      expect(staff.length).toBeGreaterThanOrEqual(windows.length);
      expect(staff.length).toBeLessThanOrEqual(windows.length * 2);
      const homes = await db
        .selectFrom("staff_window")
        .select(["staff_id", "window_id"])
        .where(
          "staff_id",
          "in",
          staff.map((member) => member.id),
        )
        .execute();
      for (const window of windows) expect(homes.some((home) => home.window_id === window.id)).toBe(true);
      const items = await db
        .selectFrom("service_item")
        .innerJoin("department", "department.id", "service_item.department_id")
        .select("service_item.id")
        .where("department.hall_id", "=", township.id)
        .execute();
      expect(items.length).toBeGreaterThan(40);
      // Its accounts: the manager (scope: the township only) and one per window staff member.
      const users = await db.selectFrom("user").selectAll().where("hall_id", "=", township.id).execute();
      expect(users.filter((user) => user.role === "hall_manager").map((user) => user.scope)).toEqual(["hall"]);
      expect(users.filter((user) => user.role === "window_staff")).toHaveLength(staff.length);
      // Set up as the county centre is, lacking only the tablets' tokens the start hands out.
      const checklist = setupChecklist(await readSetupFacts(db, township.id));
      expect(checklist.items.filter((item) => !item.done).map((item) => item.check)).toEqual(["evaluators"]);
      // By the county's administrator, working in the township, through the console's procedures.
      for (const [action, ids] of [
        ["window.create", windows.map((window) => String(window.id))],
        ["staff.create", staff.map((member) => String(member.id))],
      ] as const) {
        const created = await db
          .selectFrom("audit_log")
          .select("actor_user_id")
          .where("action", "=", action)
          .where("entity_id", "in", ids)
          .execute();
        expect(created.map((record) => record.actor_user_id)).toEqual(ids.map(() => countyAdmin.id));
      }
    }

    // County leadership and the county's administrator answer for every hall; a township's manager for theirs.
    const countyLead = await db
      .selectFrom("user")
      .selectAll()
      .where("username", "=", "county_lead")
      .executeTakeFirstOrThrow();
    expect(countyAdmin).toMatchObject({ role: "admin", scope: "county", hall_id: result.hallId });
    expect(countyLead).toMatchObject({ role: "auditor", scope: "county", hall_id: result.hallId });
    const printed = new Map(result.accounts.map((account) => [account.username, account]));
    expect(printed.get("county_admin")?.role).toBe("admin");
    expect(printed.get("county_lead")?.role).toBe("auditor");
    const townshipManager = result.accounts.find(
      (account) => account.role === "hall_manager" && account.username !== "manager",
    );
    const managerUser = await db
      .selectFrom("user")
      .selectAll()
      .where("username", "=", townshipManager?.username ?? "")
      .executeTakeFirstOrThrow();
    expect(managerUser).toMatchObject({ role: "hall_manager", scope: "hall", hall_id: townships[0]?.id });
    for (const account of [printed.get("county_admin"), printed.get("county_lead"), townshipManager]) {
      const user = await db
        .selectFrom("user")
        .select(["password_hash", "must_change_password"])
        .where("username", "=", account?.username ?? "")
        .executeTakeFirstOrThrow();
      expect(user.must_change_password).toBe(false);
      expect(await verifyPassword(user.password_hash, account?.password ?? "")).toBe(true);
    }
    // 切换大厅 into each township in turn, on the 审计日志 like any county user's switch.
    const switches = await db
      .selectFrom("audit_log")
      .select(["actor_user_id", "entity_id"])
      .where("action", "=", "county.actIn")
      .execute();
    expect(switches.map((row) => row.entity_id)).toEqual(townships.map((hall) => String(hall.id)));
    for (const row of switches) expect(row.actor_user_id).toBe(countyAdmin.id);
    const scopeChanges = await db
      .selectFrom("audit_log")
      .select("entity_id")
      .where("action", "=", "account.demoScope")
      .execute();
    expect(scopeChanges.map((row) => row.entity_id).sort()).toEqual(
      [String(countyAdmin.id), String(countyLead.id)].sort(),
    );
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  test("gives each township centre tens of cases a day over 2023 and the recent days, its own few bad reviews with work orders, and the default rating in a few; the county centre's 2023 is the demo hall's", async () => {
    const db = getDb();
    const now = new Date("2026-12-07T06:30:00Z");
    const result = await seedDemoCounty(db, { scale: SCALE, townshipScale: 1, now });

    // The county centre's year is the demo hall's: the same cases and levels as the hall alone.
    expect(result.cases).toBe(Math.round(243_000 * SCALE));
    const centreYear = await yearChecksum(db, result.hallId, "2023");
    expect(centreYear.cases).toBe(4860);
    expect(centreYear.levelSum).toBe(5218);

    const workingDays2023 = datesBetween("2023-01-01", "2023-12-31").filter((date) =>
      isWorkingDay(date, exceptions),
    ).length;
    const switchedOnAt = hallDayBounds("2026-11-01").start;
    let badTotal = 0;
    for (const township of result.townships) {
      const cases = await db
        .selectFrom("case")
        .select(["case_no", "received_at", "completed_at"])
        .where("hall_id", "=", township.hallId)
        .execute();
      const year = cases.filter((c) => hallDate(c.received_at).startsWith("2023-"));
      expect(year).toHaveLength(township.cases);
      // Tens of cases a working day, on working days only, under the township's own case numbers.
      expect(year.length / workingDays2023).toBeGreaterThanOrEqual(10);
      expect(year.length / workingDays2023).toBeLessThan(40);
      for (const c of year) expect(isWorkingDay(hallDate(c.received_at), exceptions)).toBe(true);
      for (const c of cases) expect(c.case_no.startsWith(township.areaCode)).toBe(true);
      const recent = cases.filter((c) => c.received_at >= switchedOnAt);
      expect(recent).toHaveLength(township.recentCases);
      const recentDays = new Set(recent.map((c) => hallDate(c.received_at))).size;
      expect(recent.length / recentDays).toBeGreaterThanOrEqual(8);
      expect(recent.length / recentDays).toBeLessThan(40);
      expect(recent.some((c) => hallDate(c.received_at) === "2026-12-07")).toBe(true);

      const ratings = await db
        .selectFrom("rating")
        .select(["id", "level", "is_default", "seq"])
        .where("hall_id", "=", township.hallId)
        .execute();
      const active = ratings.filter((rating) => rating.seq === 1 && !rating.is_default);
      expect(active.length / cases.length).toBeGreaterThan(0.15);
      expect(active.length / cases.length).toBeLessThan(0.3);
      const bad = active.filter((rating) => rating.level <= 2);
      expect(bad.length / active.length).toBeLessThan(0.03);
      badTotal += bad.length;
      const orders = await db
        .selectFrom("work_order")
        .select("rating_id")
        .where("hall_id", "=", township.hallId)
        .execute();
      expect(orders.map((order) => order.rating_id).sort()).toEqual(bad.map((rating) => rating.id).sort());

      // The province's default rating: on (and written) in the chosen townships only.
      const hall = await db
        .selectFrom("hall")
        .select(["default_rating_enabled", "default_rating_from"])
        .where("id", "=", township.hallId)
        .executeTakeFirstOrThrow();
      const defaults = ratings.filter((rating) => rating.is_default);
      if (township.defaultRating) {
        expect(hall).toMatchObject({ default_rating_enabled: true, default_rating_from: switchedOnAt });
        expect(defaults.length).toBeGreaterThan(0);
        expect(township.defaultRatings).toBe(defaults.length);
      } else {
        expect(hall.default_rating_enabled).toBe(false);
        expect(defaults).toEqual([]);
      }
    }
    expect(badTotal).toBeGreaterThan(0);
    const withDefaults = result.townships.filter((township) => township.defaultRating);
    expect(withDefaults.length).toBeGreaterThanOrEqual(2);
    expect(withDefaults.length).toBeLessThanOrEqual(5);

    // A case received live at a township window continues the township's own numbers: the county's
    // halls share the region code, and the county centre has numbered today's cases from 1 too.
    const first = result.townships[0];
    const member = result.accounts.find(
      (account) => account.role === "window_staff" && account.username.startsWith("x"),
    );
    if (!first || !member) throw new Error("the demo county has no township staff account");
    const home = await db
      .selectFrom("staff")
      .innerJoin("staff_window", "staff_window.staff_id", "staff.id")
      .innerJoin("window_service_item", "window_service_item.window_id", "staff_window.window_id")
      .select(["staff_window.window_id", "window_service_item.service_item_id"])
      .where("staff.badge_no", "=", member.username.toUpperCase())
      .executeTakeFirstOrThrow();
    const todayCases = (
      await db
        .selectFrom("case")
        .select("case_no")
        .where("hall_id", "=", first.hallId)
        .where("received_at", ">=", hallDayBounds("2026-12-07").start)
        .execute()
    ).length;
    const api = apiHarness(getDb, { now: () => new Date(now.getTime() + 60_000) });
    const staffCaller = await api.signedIn(member.username, member.password);
    await staffCaller.window.signIn({ windowId: home.window_id });
    const live = await staffCaller.case.create({
      serviceItemId: home.service_item_id,
      applicantType: "person",
      applicantName: "郑一",
      applicantPhone: "13611112222",
    });
    expect(live.caseNo).toBe(`${first.areaCode}20261207${String(todayCases + 1).padStart(5, "0")}`);

    // The rollups every figure is read from agree with the rows, in every hall; the audit trail holds.
    expect(await checkRollups(db)).toEqual([]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
