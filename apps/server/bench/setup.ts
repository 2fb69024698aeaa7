/**
 * Benchmark set-up: a MariaDB (DATABASE_URL's server, or a throwaway one with default durability),
 * a fresh database, the test hall fixture, and bulk-inserted cases, windows, evaluators and staff.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { sql } from "kysely";

import { createDb, hashPassword, prepareDatabase } from "@hcp/db";
import type { Db, NewCase } from "@hcp/db";
import { startEmbeddedMariadb } from "@hcp/db/embedded";
import { createHallFixture } from "@hcp/db/testing";
import type { THallFixture } from "@hcp/db/testing";

import { bundleServer } from "../src/bundle";
import { readEnv } from "../src/env";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The node arguments that start the server as `npm start` does: the production bundle, built
 * first. BENCH_SERVER_NODE_ARGS adds node flags, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
 */
export async function serverNodeArgs(): Promise<string[]> {
  const bundle = resolve(serverDir, "dist/main.mjs");
  await bundleServer(resolve(serverDir, "src/main.ts"), bundle);
  const extra = readEnv().BENCH_SERVER_NODE_ARGS.split(/\s+/).filter(Boolean);
  return [...extra, "--enable-source-maps", bundle];
}

export interface TDatabase {
  /** server URL without a database name */
  serverUrl: string;
  /** the fresh benchmark database on that server */
  url: string;
  name: string;
  /** true when this run started its own MariaDB */
  embedded: boolean;
  /** pid of the embedded mariadbd (for CPU figures), null for an external server */
  mariadbPid: () => number | null;
  stop: () => Promise<void>;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** DATABASE_URL's server (any database name in it is ignored), or a MariaDB of our own. */
export async function startDatabase(log: (line: string) => void): Promise<TDatabase> {
  let serverUrl = readEnv().DATABASE_URL;
  let stopServer: (() => Promise<void>) | null = null;
  let dataDir: string | null = null;
  if (serverUrl) {
    const url = new URL(serverUrl);
    url.pathname = "";
    serverUrl = url.toString().replace(/\/$/, "");
  } else {
    dataDir = mkdtempSync(join(tmpdir(), "hcp-bench-db-"));
    // Default durability (innodb_flush_log_at_trx_commit=1): not the tests' `fast` mode.
    const embedded = await startEmbeddedMariadb({ dataDir, log });
    serverUrl = embedded.url;
    stopServer = embedded.stop;
  }
  const name = `hcp_bench_${randomBytes(5).toString("hex")}`;
  const admin = createDb({ url: serverUrl, connectionLimit: 1 });
  await sql`create database ${sql.id(name)} character set utf8mb4 collate utf8mb4_unicode_ci`.execute(admin);
  const pidFile = dataDir ? join(dataDir, "mariadbd.pid") : null;
  return {
    serverUrl,
    url: withDatabase(serverUrl, name),
    name,
    embedded: stopServer !== null,
    mariadbPid: () => {
      if (!pidFile) return null;
      try {
        return Number(readFileSync(pidFile, "utf8").trim()) || null;
      } catch {
        return null;
      }
    },
    stop: async () => {
      await sql`drop database if exists ${sql.id(name)}`.execute(admin).catch(() => undefined);
      await admin.destroy();
      if (stopServer) await stopServer();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

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
    Array.from({ length: options.ratingCases }, () => ({ prefix: "R", windowId: hall.windowIds[0], staffId: hall.staffIds[0] })),
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
    .values(codes.map((code) => ({ hall_id: hall.hallId, code, name: `评价压测${code}窗口`, kind: "comprehensive" as const, department_id: null, active: true })))
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
    (await db.selectFrom("window").select(["id", "code"]).where("hall_id", "=", hall.hallId).where("code", "like", "E%").execute()).map(
      (row) => [row.code, row.id],
    ),
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
    (await db.selectFrom("user").select(["id", "staff_id"]).where("username", "like", "bench\\_%").execute()).map((row) => [
      row.staff_id,
      row.id,
    ]),
  );
  await db
    .insertInto("session")
    .values(
      windows.map((window) => {
        const userId = userIds.get(window.staffId);
        if (userId === undefined) throw new Error(`bench user for ${window.code} was not created`);
        return { id: sha256(window.sessionToken), user_id: userId, created_at: now, expires_at: new Date(now.getTime() + 12 * 3_600_000), last_seen_at: now };
      }),
    )
    .execute();
  await db
    .insertInto("window_presence")
    .values(windows.map((window) => ({ window_id: window.windowId, staff_id: window.staffId, signed_in_at: now, signed_out_at: null })))
    .execute();
  await insertCompletedCases(
    db,
    hall,
    windows.flatMap((window) => Array.from({ length: options.casesPerWindow }, () => ({ prefix: "P", windowId: window.windowId, staffId: window.staffId }))),
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
