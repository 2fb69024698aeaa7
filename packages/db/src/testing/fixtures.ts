import { createHash } from "node:crypto";

import type { TChannel, TLevel, TRole } from "@hcp/domain";

import type { Db } from "../client";
import { hashPassword } from "../passwords";
import { insertCase } from "../repositories/case";
import { insertRating } from "../repositories/rating";
import { insertUser } from "../repositories/user";
import type { NewCase, NewRating } from "../schema";

export const FIXTURE_PASSWORD = "correct horse battery staple";

const FIXTURE_OPENING_HOURS = JSON.stringify({
  workingDays: [{ from: "00:00", to: "24:00" }],
  nonWorkingDays: "open",
  nonWorkingDayPeriods: [{ from: "00:00", to: "24:00" }],
});

export interface THallFixture {
  hallId: number;
  departmentIds: [number, number];
  itemIds: { instant: number; promised: number };
  windowIds: [number, number];
  staffIds: [number, number];
  users: Record<TRole, { id: number; username: string }> & { secondStaff: { id: number; username: string } };
  deviceTokens: [string, string];
}

export function hashDeviceToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A small hall: two departments, two windows with an evaluator each, a user per role. `tag` tells a
 * second hall's codes, usernames and tokens apart from the first's (TEST: the one most tests use).
 */
export async function createHallFixture(db: Db, tag = "TEST", name = "测试县政务服务中心"): Promise<THallFixture> {
  const now = new Date();
  const prefix = tag.toLowerCase();
  const hall = await db
    .insertInto("hall")
    .values({
      code: tag,
      name,
      region_code: "330000",
      rating_window_days: 7,
      // Open around the clock, every day: an evaluator's idle screen does not depend on the hour a test runs at.
      opening_hours: FIXTURE_OPENING_HOURS,
    })
    .executeTakeFirstOrThrow();
  const hallId = Number(hall.insertId);
  const departmentIds: number[] = [];
  for (const [index, name] of ["县市场监督管理局", "县自然资源局"].entries()) {
    const result = await db
      .insertInto("department")
      .values({ hall_id: hallId, code: `11330000${tag}0000${index}X`, name, sort_order: index })
      .executeTakeFirstOrThrow();
    departmentIds.push(Number(result.insertId));
  }
  const [dept1, dept2] = departmentIds as [number, number];
  const instant = await db
    .insertInto("service_item")
    .values({
      department_id: dept1,
      code: `${tag}-0001`,
      name: "个体工商户设立登记",
      case_type: "instant",
      promised_days: 0,
      active: true,
    })
    .executeTakeFirstOrThrow();
  const promised = await db
    .insertInto("service_item")
    .values({
      department_id: dept2,
      code: `${tag}-0002`,
      name: "不动产首次登记",
      case_type: "promised",
      promised_days: 5,
      active: true,
    })
    .executeTakeFirstOrThrow();
  const windowIds: number[] = [];
  const staffIds: number[] = [];
  const deviceTokens: string[] = [];
  for (const index of [1, 2]) {
    const window = await db
      .insertInto("window")
      .values({
        hall_id: hallId,
        code: `A0${index}`,
        name: `综合受理${index}号窗口`,
        kind: "comprehensive",
        department_id: null,
        active: true,
      })
      .executeTakeFirstOrThrow();
    windowIds.push(Number(window.insertId));
    const staff = await db
      .insertInto("staff")
      .values({
        hall_id: hallId,
        department_id: dept1,
        badge_no: tag === "TEST" ? `T00${index}` : `${tag}00${index}`,
        name: index === 1 ? "王丽" : "李强",
        photo_url: `/avatars/T00${index}.svg`,
        active: true,
      })
      .executeTakeFirstOrThrow();
    staffIds.push(Number(staff.insertId));
    const token = `fixture-device-token-${index}-${tag === "TEST" ? "x".repeat(16) : prefix}`;
    deviceTokens.push(token);
    await db
      .insertInto("evaluator_device")
      .values({
        window_id: Number(window.insertId),
        device_code: tag === "TEST" ? `PJQ-T0${index}` : `PJQ-${tag}0${index}`,
        token_hash: hashDeviceToken(token),
        paired_at: now,
        last_seen_at: null,
      })
      .execute();
  }
  // Each may serve at both windows, their own (same index) as home: the desk's tests move between them.
  await db
    .insertInto("staff_window")
    .values(
      staffIds.flatMap((staffId, index) =>
        windowIds.map((windowId, windowIndex) => ({
          staff_id: staffId,
          window_id: windowId,
          position: windowIndex === index ? 0 : 1,
        })),
      ),
    )
    .execute();
  // The first window receives the first department's cases: with it the hall lacks nothing it needs
  // to take ratings (开始设置), so an administrator signing in lands on their home, not on 开始设置.
  await db
    .insertInto("window_department")
    .values({ window_id: windowIds[0] ?? 0, department_id: dept1 })
    .execute();
  const passwordHash = await hashPassword(FIXTURE_PASSWORD);
  const users = {} as THallFixture["users"];
  const roles: [keyof THallFixture["users"], TRole, number | null][] = [
    ["admin", "admin", null],
    ["hall_manager", "hall_manager", null],
    ["department_head", "department_head", null],
    ["window_staff", "window_staff", staffIds[0] ?? null],
    ["secondStaff", "window_staff", staffIds[1] ?? null],
    ["auditor", "auditor", null],
  ];
  for (const [key, role, staffId] of roles) {
    const username = `${prefix}_${key}`;
    const id = await insertUser(db, {
      username,
      password_hash: passwordHash,
      display_name: key,
      role,
      hall_id: hallId,
      department_id: role === "department_head" ? dept1 : null,
      staff_id: staffId,
      active: true,
      created_at: now,
    });
    users[key] = { id, username };
  }
  return {
    hallId,
    departmentIds: [dept1, dept2],
    itemIds: { instant: Number(instant.insertId), promised: Number(promised.insertId) },
    windowIds: windowIds as [number, number],
    staffIds: staffIds as [number, number],
    users,
    deviceTokens: deviceTokens as [string, string],
  };
}

export interface TFixtureCaseSpec {
  caseNo: string;
  /** null: received, not completed */
  completedAt: Date | null;
  /** which fixture window and its staff member handled it; null: off-window (online) */
  window?: 0 | 1 | null;
  /** the 承诺件 item of the second department instead of the 即办件 of the first */
  promised?: boolean;
  dueDate?: string | null;
  receivedAt?: Date;
  staffId?: number | null;
}

/** What a case row needs of a hall: the fixture hall, or a township of the county fixture. */
export type TCaseHall = Pick<THallFixture, "hallId" | "departmentIds" | "itemIds" | "windowIds" | "staffIds">;

/** A case row of the fixture hall, its department following its item as in the catalogue. */
export function fixtureCase(hall: TCaseHall, spec: TFixtureCaseSpec): NewCase {
  const window = spec.window === undefined ? 0 : spec.window;
  const windowId = window === null ? null : hall.windowIds[window];
  const at = spec.completedAt ?? spec.receivedAt ?? new Date();
  return {
    case_no: spec.caseNo,
    hall_id: hall.hallId,
    department_id: spec.promised ? hall.departmentIds[1] : hall.departmentIds[0],
    service_item_id: spec.promised ? hall.itemIds.promised : hall.itemIds.instant,
    window_id: windowId,
    staff_id: spec.staffId !== undefined ? spec.staffId : window === null ? null : hall.staffIds[window],
    handling_channel: windowId === null ? "online" : "window",
    case_type: spec.promised ? "promised" : "instant",
    promised_days: spec.promised ? 5 : 0,
    applicant_type: "person",
    applicant_name_masked: "张*",
    applicant_contact_cipher: null,
    applicant_contact_hash: null,
    status: spec.completedAt ? "completed" : "received",
    received_at: spec.receivedAt ?? new Date(at.getTime() - 600_000),
    completed_at: spec.completedAt,
    due_date: spec.dueDate ?? null,
  };
}

export interface TFixtureRatingSpec {
  level: TLevel;
  idempotencyKey: string;
  ratedAt: Date;
  seq?: number;
  channel?: TChannel;
  isDefault?: boolean;
  comment?: string;
  /** when the server stored it; the tap time unless a late upload is meant */
  receivedAt?: Date;
}

/** A rating of a case row, copying the case's hall, department, item, window and staff as the services do. */
export function fixtureRating(
  rated: Pick<NewCase, "hall_id" | "department_id" | "service_item_id" | "window_id" | "staff_id"> & { id: number },
  spec: TFixtureRatingSpec,
): NewRating {
  return {
    case_id: rated.id,
    seq: spec.seq ?? 1,
    level: spec.level,
    channel: spec.channel ?? 4,
    is_default: spec.isDefault ?? false,
    comment: spec.comment ?? "",
    reason_version: 1,
    hall_id: rated.hall_id,
    department_id: rated.department_id,
    service_item_id: rated.service_item_id,
    window_id: rated.window_id ?? null,
    staff_id: rated.staff_id ?? null,
    prompt_id: null,
    idempotency_key: spec.idempotencyKey,
    rated_at: spec.ratedAt,
    received_at: spec.receivedAt ?? spec.ratedAt,
  };
}

/** Inserts a fixture case and, when `rating` is given, its first rating with the reasons. */
export async function insertFixtureCase(
  db: Db,
  hall: TCaseHall,
  spec: TFixtureCaseSpec,
  rating?: TFixtureRatingSpec & { reasons?: readonly string[] },
): Promise<{ caseId: number; ratingId: number | null }> {
  const row = fixtureCase(hall, spec);
  const caseId = await insertCase(db, row);
  if (!rating) return { caseId, ratingId: null };
  const ratingId = await insertRating(db, fixtureRating({ ...row, id: caseId }, rating), rating.reasons ?? []);
  return { caseId, ratingId };
}
