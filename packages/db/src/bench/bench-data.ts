/**
 * The rows the ingest benchmark rates against: the fixture hall, completed cases to rate, and
 * evaluator windows each with a paired device, a signed-in staff member and that member's cases.
 */
import { createHash, randomBytes } from "node:crypto";

import type { Db } from "../client";
import { prepareDatabase } from "../migrator";
import { hashPassword } from "../passwords";
import type { NewCase } from "../schema";
import { createHallFixture, type THallFixture } from "../testing/fixtures";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export interface TRatingCase {
  id: number;
  caseNo: string;
}

export interface TEvaluatorWindow {
  windowId: number;
  deviceToken: string;
  sessionToken: string;
  /** completed cases of this window's staff member, for 请评价 */
  caseIds: number[];
}

export interface TBenchData {
  hall: THallFixture;
  /** completed cases at window A01 by staff 1, in insertion order */
  cases: TRatingCase[];
  evaluators: TEvaluatorWindow[];
}

const CHUNK = 1000;

async function insertChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) await insert(rows.slice(start, start + CHUNK));
}

/** `count` completed cases booked to one window and staff member, numbered `${prefix}0000001` … */
async function insertCompletedCases(
  db: Db,
  hall: THallFixture,
  rows: { prefix: string; windowId: number; staffId: number }[],
  now: Date,
): Promise<void> {
  const values: NewCase[] = rows.map((row, index) => ({
    case_no: `${row.prefix}${String(index + 1).padStart(7, "0")}`,
    hall_id: hall.hallId,
    department_id: hall.departmentIds[0],
    service_item_id: hall.itemIds.instant,
    window_id: row.windowId,
    staff_id: row.staffId,
    handling_channel: "window",
    case_type: "instant",
    promised_days: 0,
    applicant_type: "person",
    applicant_name_masked: "张*",
    applicant_contact_cipher: null,
    applicant_contact_hash: null,
    status: "completed",
    received_at: new Date(now.getTime() - 2 * 3_600_000),
    completed_at: new Date(now.getTime() - 3_600_000),
    due_date: null,
  }));
  await insertChunks(values, (chunk) => db.insertInto("case").values(chunk).execute());
}

/**
 * The fixture hall plus `ratingCases` completed cases at window A01 (staff 1), and `windows` extra
 * windows, each with a paired evaluator, a signed-in staff member with a session, and
 * `casesPerWindow` completed cases of that staff member.
 */
export async function createBenchData(
  db: Db,
  options: { ratingCases: number; windows: number; casesPerWindow: number },
): Promise<TBenchData> {
  await prepareDatabase(db);
  const hall = await createHallFixture(db);
  const now = new Date();

  await insertCompletedCases(
    db,
    hall,
    Array.from({ length: options.ratingCases }, () => ({
      prefix: "R",
      windowId: hall.windowIds[0],
      staffId: hall.staffIds[0],
    })),
    now,
  );
  const cases = await db
    .selectFrom("case")
    .select(["id", "case_no as caseNo"])
    .where("case_no", "like", "R%")
    .orderBy("case_no")
    .execute();

  // Evaluator windows: E001 …, each with its device, staff member, user, session and presence.
  const codes = Array.from({ length: options.windows }, (_, index) => `E${String(index + 1).padStart(3, "0")}`);
  await db
    .insertInto("window")
    .values(
      codes.map((code) => ({
        hall_id: hall.hallId,
        code,
        name: `评价压测${code}窗口`,
        kind: "comprehensive" as const,
        department_id: null,
        active: true,
      })),
    )
    .execute();
  await db
    .insertInto("staff")
    .values(
      codes.map((code) => ({
        hall_id: hall.hallId,
        department_id: hall.departmentIds[0],
        badge_no: `B${code}`,
        name: `压测${code}`,
        photo_url: `/avatars/B${code}.svg`,
        active: true,
      })),
    )
    .execute();
  const windowIds = new Map(
    (
      await db
        .selectFrom("window")
        .select(["id", "code"])
        .where("hall_id", "=", hall.hallId)
        .where("code", "like", "E%")
        .execute()
    ).map((row) => [row.code, row.id]),
  );
  const staffIds = new Map(
    (await db.selectFrom("staff").select(["id", "badge_no"]).where("badge_no", "like", "BE%").execute()).map((row) => [
      row.badge_no.slice(1),
      row.id,
    ]),
  );
  const passwordHash = await hashPassword(randomBytes(16).toString("hex"));
  const windows = codes.map((code) => {
    const windowId = windowIds.get(code);
    const staffId = staffIds.get(code);
    if (windowId === undefined || staffId === undefined) throw new Error(`bench window ${code} was not created`);
    return {
      code,
      windowId,
      staffId,
      deviceToken: `bench-device-${code}-${randomBytes(16).toString("hex")}`,
      sessionToken: randomBytes(32).toString("base64url"),
    };
  });
  await db
    .insertInto("evaluator_device")
    .values(
      windows.map((window) => ({
        window_id: window.windowId,
        device_code: `PJQ-${window.code}`,
        token_hash: sha256(window.deviceToken),
        paired_at: now,
        last_seen_at: null,
      })),
    )
    .execute();
  await db
    .insertInto("user")
    .values(
      windows.map((window) => ({
        username: `bench_${window.code.toLowerCase()}`,
        password_hash: passwordHash,
        display_name: `压测${window.code}`,
        role: "window_staff",
        hall_id: hall.hallId,
        department_id: null,
        staff_id: window.staffId,
        active: true,
        created_at: now,
      })),
    )
    .execute();
  const userIds = new Map(
    (await db.selectFrom("user").select(["id", "staff_id"]).where("username", "like", "bench\\_%").execute()).map(
      (row) => [row.staff_id, row.id],
    ),
  );
  await db
    .insertInto("session")
    .values(
      windows.map((window) => {
        const userId = userIds.get(window.staffId);
        if (userId === undefined) throw new Error(`bench user for ${window.code} was not created`);
        return {
          id: sha256(window.sessionToken),
          user_id: userId,
          created_at: now,
          expires_at: new Date(now.getTime() + 12 * 3_600_000),
          last_seen_at: now,
        };
      }),
    )
    .execute();
  await db
    .insertInto("window_presence")
    .values(
      windows.map((window) => ({
        window_id: window.windowId,
        staff_id: window.staffId,
        signed_in_at: now,
        signed_out_at: null,
      })),
    )
    .execute();
  await insertCompletedCases(
    db,
    hall,
    windows.flatMap((window) =>
      Array.from({ length: options.casesPerWindow }, () => ({
        prefix: "P",
        windowId: window.windowId,
        staffId: window.staffId,
      })),
    ),
    now,
  );
  const promptCases = await db
    .selectFrom("case")
    .select(["id", "window_id"])
    .where("case_no", "like", "P%")
    .orderBy("id")
    .execute();
  const casesByWindow = new Map<number, number[]>();
  for (const row of promptCases) {
    if (row.window_id === null) continue;
    const list = casesByWindow.get(row.window_id) ?? [];
    list.push(row.id);
    casesByWindow.set(row.window_id, list);
  }
  return {
    hall,
    cases,
    evaluators: windows.map((window) => ({
      windowId: window.windowId,
      deviceToken: window.deviceToken,
      sessionToken: window.sessionToken,
      caseIds: casesByWindow.get(window.windowId) ?? [],
    })),
  };
}
