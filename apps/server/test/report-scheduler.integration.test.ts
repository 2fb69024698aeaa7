import { describe, expect, inject, test, vi } from "vitest";

import { insertCase, type Db } from "@hcp/db";
import { createHallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";
import { HALL_UTC_OFFSET_MS } from "@hcp/domain";

import { signInOverHttp } from "./hall-server";
import { useServerProcesses } from "./server-process";

/**
 * Two real server processes against one database archive each closed month's report once: the
 * scheduler runs at start in both, and the unique key (hall, month, version) lets one insert win.
 * They run the production bundle `npm start` runs (test/server-process.ts).
 */
const getDb = useTestDb();
const serverProcesses = useServerProcesses();

/** The hall-local month `back` months before the current one. */
function monthsAgo(back: number): string {
  const local = new Date(Date.now() + HALL_UTC_OFFSET_MS);
  const index = local.getUTCFullYear() * 12 + local.getUTCMonth() - back;
  return `${String(Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Two completed cases in each month (the 11th and 12th, 10:00 hall-local), one rated. */
async function casesIn(db: Db, hallId: number, departmentId: number, itemId: number, months: string[]): Promise<void> {
  for (const month of months) {
    for (const n of [1, 2]) {
      const completedAt = new Date(`${month}-1${String(n)}T02:00:00Z`);
      const caseId = await insertCase(db, {
        case_no: `S-${String(hallId)}-${month}-${String(n)}`,
        hall_id: hallId,
        department_id: departmentId,
        service_item_id: itemId,
        window_id: null,
        staff_id: null,
        handling_channel: "online",
        case_type: "instant",
        promised_days: 0,
        applicant_type: "person",
        applicant_name_masked: "张*",
        applicant_contact_cipher: null,
        applicant_contact_hash: null,
        status: "completed",
        received_at: new Date(completedAt.getTime() - 3_600_000),
        completed_at: completedAt,
        due_date: null,
      });
      if (n === 1) {
        await db
          .insertInto("rating")
          .values({
            case_id: caseId,
            seq: 1,
            level: 5,
            channel: 1,
            is_default: false,
            comment: "",
            reason_version: 1,
            hall_id: hallId,
            department_id: departmentId,
            service_item_id: itemId,
            window_id: null,
            staff_id: null,
            prompt_id: null,
            idempotency_key: `S-${String(hallId)}-${month}`,
            rated_at: completedAt,
            received_at: completedAt,
          })
          .execute();
      }
    }
  }
}

describe("the monthly report scheduler in two server processes", () => {
  test("archives exactly one version 1 per hall and closed month", { timeout: 240_000 }, async () => {
    const db = getDb();
    const first = await createHallFixture(db);
    const second = await db
      .insertInto("hall")
      .values({ code: "TEST2", name: "测试二县政务服务中心", region_code: "330001", rating_window_days: 7 })
      .executeTakeFirstOrThrow();
    const secondHallId = Number(second.insertId);
    const department = await db
      .insertInto("department")
      .values({ hall_id: secondHallId, code: "11330001TEST0000X", name: "县民政局", sort_order: 0 })
      .executeTakeFirstOrThrow();
    const item = await db
      .insertInto("service_item")
      .values({
        department_id: Number(department.insertId),
        code: "TEST2-0001",
        name: "婚姻登记",
        case_type: "instant",
        promised_days: 0,
        active: true,
      })
      .executeTakeFirstOrThrow();
    // Closed and final months (their last cases' rating windows have closed too); the first hall
    // also has a month with nothing in it between two with cases.
    const firstMonths = [monthsAgo(5), monthsAgo(3), monthsAgo(2)];
    const secondMonths = [monthsAgo(4), monthsAgo(2)];
    await casesIn(db, first.hallId, first.departmentIds[0], first.itemIds.instant, firstMonths);
    await casesIn(db, secondHallId, Number(department.insertId), Number(item.insertId), secondMonths);

    const url = inject("databaseUrl");
    const servers = await Promise.all([serverProcesses.start(url), serverProcesses.start(url)]);

    const expected = [
      ...firstMonths.map((month) => [first.hallId, month]),
      ...secondMonths.map((month) => [secondHallId, month]),
    ].sort();
    const readyRows = () =>
      db
        .selectFrom("monthly_report")
        .select(["hall_id", "month", "version", "status"])
        .where("status", "=", "ready")
        .execute();
    await vi.waitFor(
      async () => {
        const rows = await readyRows();
        if (rows.length < expected.length)
          throw new Error(`${String(rows.length)} of ${String(expected.length)} reports ready`);
      },
      { timeout: 120_000, interval: 250 },
    );
    // Business systems read the archived report over REST.
    const token = await signInOverHttp(servers[1]?.url ?? "", first.users.hall_manager.username);
    const response = await fetch(`${servers[1]?.url ?? ""}/api/v1/reports/monthly?month=${monthsAgo(2)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      source: "archive",
      version: 1,
      report: { month: monthsAgo(2), summary: { casesCompleted: 2 } },
    });
    const open = await fetch(`${servers[0]?.url ?? ""}/api/v1/reports/monthly?month=${monthsAgo(0)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(open.status).toBe(400);
    expect(await open.json()).toMatchObject({ message: "该月份尚未结束，月报在月度结束后生成" });

    // Both processes have run their first archive pass once they stopped: nothing more may appear.
    await Promise.all(servers.map((server) => server.stop()));
    const rows = await db
      .selectFrom("monthly_report")
      .select(["hall_id", "month", "version", "status", "created_by"])
      .execute();
    expect(rows.map((row) => [row.hall_id, row.month]).sort()).toEqual(expected);
    expect(rows.every((row) => row.version === 1 && row.status === "ready" && row.created_by === null)).toBe(true);
    const log = servers.flatMap((server) => server.output).filter((line) => line.includes("monthly reports archived"));
    expect(log.length).toBeGreaterThanOrEqual(1);
    const body = await db
      .selectFrom("monthly_report")
      .select("body")
      .where("hall_id", "=", secondHallId)
      .where("month", "=", monthsAgo(2))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(body.body ?? "{}")).toMatchObject({
      month: monthsAgo(2),
      summary: { casesCompleted: 2, validRatings: 1 },
    });
  });
});
