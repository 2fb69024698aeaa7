import { createHash, randomBytes } from "node:crypto";

import { beforeEach, describe, expect, test } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";
import type { TApiScope } from "@hcp/domain";

import { apiHarness, appCodeOf, type TCaller } from "../test/harness";
import { createContext } from "./context";
import { retryAfterOf } from "./errors";
import { appRouter } from "./root";
import { apiCallLogStats, flushApiCalls } from "./services/api-call-log";
import { createCallerFactory } from "./trpc";

let hall: THallFixture;
let otherHallId: number;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
    const other = await db
      .insertInto("hall")
      .values({ code: "OTHER", name: "邻县政务服务中心", region_code: "330001", rating_window_days: 7 })
      .executeTakeFirstOrThrow();
    otherHallId = Number(other.insertId);
  },
});

let clock: Date | null = null;
const now = () => clock ?? new Date();
const dataKey = randomBytes(32);
const api = apiHarness(getDb, { now, dataKey });
const createCaller = createCallerFactory(appRouter);
const DAY = 86_400_000;

beforeEach(() => {
  clock = null;
});

/** A business system's call: its key and headers, the way the HTTP host passes them. */
async function client(key: string, headers: { idempotencyKey?: string; requestId?: string } = {}): Promise<TCaller> {
  const ctx = await createContext(
    { db: getDb(), bus: api.bus, dataKey, now },
    {
      sessionToken: null,
      deviceToken: null,
      ip: "10.9.0.1",
      setCookie: () => undefined,
      apiKey: key,
      idempotencyKey: headers.idempotencyKey ?? null,
      requestId: headers.requestId ?? "req-test",
    },
  );
  return createCaller(ctx);
}

async function newClient(options: { scopes?: TApiScope[]; hallIds?: number[]; rateLimitPerMinute?: number } = {}) {
  const admin = await api.signedIn(hall.users.admin.username);
  return admin.apiClient.create({
    name: "12345 热线",
    hallIds: options.hallIds ?? [hall.hallId],
    scopes: options.scopes ?? ["ratings:write", "cases:read", "reports:read", "performance:read"],
    rateLimitPerMinute: options.rateLimitPerMinute ?? 1000,
  });
}

async function completedCase(): Promise<string> {
  const staff = await api.signedIn(hall.users.window_staff.username);
  await staff.window.signIn({ windowId: hall.windowIds[0] });
  const created = await staff.case.create({
    serviceItemId: hall.itemIds.instant,
    applicantType: "person",
    applicantName: "孙八",
    applicantPhone: "13512345678",
  });
  await staff.case.complete({ caseId: created.id });
  return created.caseNo;
}

describe("API clients in the console", () => {
  test("the key is shown once and only its secret's hash is stored", async () => {
    const { client: created, key } = await newClient();
    expect(key).toMatch(/^hcpk_\d+_[A-Za-z0-9_-]{43}$/);
    expect(created.keyPrefix).toBe(key.slice(0, created.keyPrefix.length));
    expect(created.keyPrefix.length).toBeLessThan(key.length - 30);
    const row = (await getDb()
      .selectFrom("api_client" as never)
      .selectAll()
      .executeTakeFirstOrThrow()) as Record<string, unknown>;
    const secret = key.split("_").slice(2).join("_");
    expect(row.key_hash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(secret);
    const admin = await api.signedIn(hall.users.admin.username);
    const listed = await admin.apiClient.list();
    expect(listed).toEqual([created]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    // The audit trail records the client, never its key.
    const audits = await getDb()
      .selectFrom("audit_log")
      .select(["action", "after_json"])
      .where("entity", "=", "api_client")
      .execute();
    expect(audits.map((entry) => entry.action)).toEqual(["apiClient.create"]);
    expect(JSON.stringify(audits)).not.toContain(secret);
  });

  test("only administrators manage clients", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    expect(await appCodeOf(manager.apiClient.list())).toBe("FORBIDDEN");
    expect(
      await appCodeOf(
        manager.apiClient.create({ name: "x", hallIds: [hall.hallId], scopes: ["cases:read"], rateLimitPerMinute: 10 }),
      ),
    ).toBe("FORBIDDEN");
  });

  test("rotation stops the old key at once; revocation stops the client", async () => {
    const { client: created, key } = await newClient();
    const caseNo = await completedCase();
    await (await client(key)).integrationRating.submit({ caseNo, channel: 6, level: 5 });
    const admin = await api.signedIn(hall.users.admin.username);
    const rotated = await admin.apiClient.rotate({ id: created.id });
    expect(rotated.key).not.toBe(key);
    expect(rotated.client.rotatedAt).not.toBeNull();
    const other = await completedCase();
    expect(await appCodeOf((await client(key)).integrationRating.submit({ caseNo: other, channel: 6, level: 5 }))).toBe(
      "API_KEY_INVALID",
    );
    expect(
      (await (await client(rotated.key)).integrationRating.submit({ caseNo: other, channel: 6, level: 5 })).replayed,
    ).toBe(false);

    const revoked = await admin.apiClient.revoke({ id: created.id });
    expect(revoked.revokedAt).not.toBeNull();
    expect(
      await appCodeOf((await client(rotated.key)).integrationRead.windows({ from: "2023-05-01", to: "2023-05-31" })),
    ).toBe("API_KEY_INVALID");
    expect(await appCodeOf(admin.apiClient.rotate({ id: created.id }))).toBe("API_CLIENT_REVOKED");
    // A key of the right form with a wrong secret is no key at all.
    const forged = `hcpk_${String(created.id)}_${"A".repeat(43)}`;
    expect(
      await appCodeOf((await client(forged)).integrationRead.windows({ from: "2023-05-01", to: "2023-05-31" })),
    ).toBe("API_KEY_INVALID");
  });
});

describe("what a client may touch", () => {
  test("a scope not granted and a hall not granted are refused with their codes", async () => {
    const { key } = await newClient({ scopes: ["performance:read"] });
    const caseNo = await completedCase();
    const caller = await client(key);
    expect(await appCodeOf(caller.integrationRating.submit({ caseNo, channel: 6, level: 5 }))).toBe(
      "API_SCOPE_MISSING",
    );
    expect(await appCodeOf(caller.integrationRead.monthlyReport({ month: "2023-05" }))).toBe("API_SCOPE_MISSING");
    // A console procedure is no business of a client's.
    expect(await appCodeOf(caller.apiClient.list())).toBe("FORBIDDEN");
    expect(
      await appCodeOf(caller.integrationRead.windows({ hallId: otherHallId, from: "2023-05-01", to: "2023-05-31" })),
    ).toBe("API_HALL_FORBIDDEN");
    const ranking = await caller.integrationRead.windows({ from: "2023-05-01", to: "2023-05-31" });
    expect(ranking.rows.map((row) => row.window.id).sort()).toEqual([...hall.windowIds].sort());

    const elsewhere = await newClient({ hallIds: [otherHallId] });
    expect(
      await appCodeOf((await client(elsewhere.key)).integrationRating.submit({ caseNo, channel: 6, level: 5 })),
    ).toBe("API_HALL_FORBIDDEN");
    const both = await newClient({ hallIds: [hall.hallId, otherHallId] });
    expect(
      await appCodeOf((await client(both.key)).integrationRead.windows({ from: "2023-05-01", to: "2023-05-31" })),
    ).toBe("API_HALL_REQUIRED");
    expect(await getDb().selectFrom("rating").select("id").execute()).toEqual([]);
  });

  test("beyond its budget per minute a client is refused with a Retry-After", async () => {
    const { key } = await newClient({ rateLimitPerMinute: 3 });
    const caller = await client(key);
    for (let call = 0; call < 3; call++) await caller.integrationRead.windows({ from: "2023-05-01", to: "2023-05-31" });
    let refusal: unknown = null;
    try {
      await caller.integrationRead.windows({ from: "2023-05-01", to: "2023-05-31" });
    } catch (error) {
      refusal = error;
    }
    expect(retryAfterOf(refusal)).toBeGreaterThanOrEqual(1);
    expect(retryAfterOf(refusal)).toBeLessThanOrEqual(60);
    expect(await appCodeOf(caller.integrationRead.windows({ from: "2023-05-01", to: "2023-05-31" }))).toBe(
      "API_RATE_LIMITED",
    );
  });

  test("every call is logged with route, status, duration and request id, and shown as last use", async () => {
    const { client: created, key } = await newClient({ scopes: ["performance:read"], rateLimitPerMinute: 2 });
    await (await client(key, { requestId: "req-1" })).integrationRead.windows({ from: "2023-05-01", to: "2023-05-31" });
    await appCodeOf((await client(key, { requestId: "req-2" })).integrationRead.monthlyReport({ month: "2023-05" }));
    await appCodeOf(
      (await client(key, { requestId: "req-3" })).integrationRead.windows({ from: "2023-05-01", to: "2023-05-31" }),
    );
    await flushApiCalls(getDb());
    const admin = await api.signedIn(hall.users.admin.username);
    const calls = await admin.apiClient.calls({ id: created.id });
    expect(calls.map(({ route, method, status, requestId }) => ({ route, method, status, requestId }))).toEqual([
      { route: "/integration/performance/windows", method: "GET", status: 429, requestId: "req-3" },
      { route: "/integration/reports/monthly", method: "GET", status: 403, requestId: "req-2" },
      { route: "/integration/performance/windows", method: "GET", status: 200, requestId: "req-1" },
    ]);
    for (const call of calls) expect(call.durationMs).toBeGreaterThanOrEqual(0);
    expect((await admin.apiClient.list())[0]?.lastUsedAt).toBe(calls[0]?.at);
    expect(apiCallLogStats(getDb())).toMatchObject({ queued: 0, dropped: 0 });
  });
});

describe("ratings from other channels", () => {
  test("a phone rating with an Idempotency-Key is recorded once; another body under the key is a conflict", async () => {
    const { key } = await newClient();
    const caseNo = await completedCase();
    const body = { caseNo, channel: 6, level: 2, reasonCodes: ["209", "208"], comment: "电话回访：超时办结" };
    const first = await (await client(key, { idempotencyKey: "call-0001" })).integrationRating.submit(body);
    const retry = await (
      await client(key, { idempotencyKey: "call-0001" })
    ).integrationRating.submit({ ...body, reasonCodes: ["208", "209"] });
    expect(first).toMatchObject({ caseNo, level: 2, reasonCodes: ["208", "209"], replayed: false });
    expect(retry).toEqual({ ...first, replayed: true });
    expect(
      await appCodeOf(
        (await client(key, { idempotencyKey: "call-0001" })).integrationRating.submit({ ...body, comment: "另一条" }),
      ),
    ).toBe("IDEMPOTENCY_CONFLICT");
    expect(await appCodeOf((await client(key, { idempotencyKey: "含中文" })).integrationRating.submit(body))).toBe(
      "IDEMPOTENCY_KEY_INVALID",
    );
    const ratings = await getDb().selectFrom("rating").select(["channel", "comment"]).execute();
    expect(ratings).toEqual([{ channel: 6, comment: "电话回访：超时办结" }]);
    // 差评 opens its work order, as on every channel.
    expect(await getDb().selectFrom("work_order").select("state").execute()).toEqual([{ state: "pending" }]);
  });

  test("the same Idempotency-Key from two clients names two requests", async () => {
    const first = await newClient();
    const second = await newClient();
    const [caseA, caseB] = [await completedCase(), await completedCase()];
    await (
      await client(first.key, { idempotencyKey: "same" })
    ).integrationRating.submit({ caseNo: caseA, channel: 7, level: 5 });
    const other = await (
      await client(second.key, { idempotencyKey: "same" })
    ).integrationRating.submit({ caseNo: caseB, channel: 7, level: 4 });
    expect(other.replayed).toBe(false);
  });

  test("every channel's rules, refused with their codes", async () => {
    const { key } = await newClient();
    const caller = await client(key);
    expect(await appCodeOf(caller.integrationRating.submit({ caseNo: "NO-SUCH-CASE", channel: 6, level: 5 }))).toBe(
      "CASE_NOT_FOUND",
    );
    const caseNo = await completedCase();
    expect(await appCodeOf(caller.integrationRating.submit({ caseNo, channel: 4, level: 5 }))).toBe("BAD_REQUEST");
    expect(await appCodeOf(caller.integrationRating.submit({ caseNo, channel: 3, level: 5 }))).toBe("BAD_REQUEST");
    // 差评 without a reason or comment: refused by the schema every channel's form shares.
    expect(await appCodeOf(caller.integrationRating.submit({ caseNo, channel: 6, level: 1 }))).toBe("BAD_REQUEST");
    expect(
      await appCodeOf(caller.integrationRating.submit({ caseNo, channel: 6, level: 2, reasonCodes: ["999"] })),
    ).toBe("REASON_UNKNOWN");
    expect(
      await appCodeOf(caller.integrationRating.submit({ caseNo, channel: 6, level: 2, reasonCodes: ["517"] })),
    ).toBe("REASON_LEVEL_MISMATCH");
    await caller.integrationRating.submit({ caseNo, channel: 2, level: 5, reasonCodes: ["517"] });
    expect(await appCodeOf(caller.integrationRating.submit({ caseNo, channel: 6, level: 3 }))).toBe("ALREADY_RATED");

    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const open = await staff.case.create({
      serviceItemId: hall.itemIds.instant,
      applicantType: "person",
      applicantName: "周九",
      applicantPhone: "13512345679",
    });
    expect(await appCodeOf(caller.integrationRating.submit({ caseNo: open.caseNo, channel: 6, level: 5 }))).toBe(
      "CASE_NOT_COMPLETED",
    );

    const late = await completedCase();
    clock = new Date(Date.now() + 8 * DAY);
    expect(await appCodeOf(caller.integrationRating.submit({ caseNo: late, channel: 6, level: 5 }))).toBe(
      "RATING_WINDOW_CLOSED",
    );
    // Rated on the phone within the window, reported late: the citizen's time counts.
    const ratedAt = new Date(Date.now() + 6 * DAY).toISOString();
    expect((await caller.integrationRating.submit({ caseNo: late, channel: 6, level: 5, ratedAt })).ratedAt).toBe(
      ratedAt,
    );
    expect(await getDb().selectFrom("rating").select("channel").orderBy("id").execute()).toEqual([
      { channel: 2 },
      { channel: 6 },
    ]);
  });

  test("a refused request gives its Idempotency-Key back", async () => {
    const { key } = await newClient();
    const caseNo = await completedCase();
    expect(
      await appCodeOf(
        (await client(key, { idempotencyKey: "k-1" })).integrationRating.submit({
          caseNo,
          channel: 6,
          level: 2,
          reasonCodes: ["517"],
        }),
      ),
    ).toBe("REASON_LEVEL_MISMATCH");
    const corrected = await (
      await client(key, { idempotencyKey: "k-1" })
    ).integrationRating.submit({ caseNo, channel: 6, level: 2, reasonCodes: ["209"] });
    expect(corrected.replayed).toBe(false);
  });
});
