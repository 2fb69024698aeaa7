import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

import { insertCase, insertRating, withBulkLoad } from "@hcp/db";
import { createHallFixture, fixtureCase, fixtureRating, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";
import { hallDate, type TLevel } from "@hcp/domain";

import { apiHarness, appCodeOf } from "../test/harness";
import { sendProvinceRecords } from "./services/province-export";

/**
 * A stand-in for the provincial system: a real HTTP server the test tells to accept, reject, fail
 * or never answer, recording what it was sent.
 */
type TMode = "accept" | "reject" | "fail" | "hang";

interface TReceived {
  idempotencyKey: string | undefined;
  body: Record<string, unknown>;
}

let mode: TMode = "accept";
const received: TReceived[] = [];
const hanging: ServerResponse[] = [];
let receiver: Server;
let endpoint = "";

function handle(request: IncomingMessage, response: ServerResponse): void {
  let text = "";
  request.setEncoding("utf8");
  request.on("data", (chunk: string) => (text += chunk));
  request.on("end", () => {
    received.push({
      idempotencyKey: request.headers["idempotency-key"] as string | undefined,
      body: JSON.parse(text) as Record<string, unknown>,
    });
    if (mode === "hang") {
      hanging.push(response);
      return;
    }
    if (mode === "fail") {
      response.writeHead(503).end();
      return;
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(mode === "accept" ? { code: 0 } : { code: 4012, message: "事项编码不存在" }));
  });
}

beforeAll(async () => {
  receiver = createServer(handle);
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/report`;
});

afterAll(async () => {
  for (const response of hanging) response.destroy();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const { signedIn } = apiHarness(getDb);

const T0 = new Date("2023-03-06T02:00:00Z");
let sequence = 0;

async function ratedCase(
  level: TLevel,
  options: { seq?: number; caseId?: number } = {},
): Promise<{ caseId: number; ratingId: number }> {
  sequence += 1;
  const db = getDb();
  // Contact data the province must never receive.
  const row = {
    ...fixtureCase(hall, { caseNo: `PX${String(sequence).padStart(6, "0")}`, completedAt: T0, receivedAt: T0 }),
    applicant_contact_cipher: "secret-cipher",
    applicant_contact_hash: "secret-hash",
  };
  const caseId = options.caseId ?? (await insertCase(db, row));
  const rating = fixtureRating(
    { ...row, id: caseId },
    {
      level,
      seq: options.seq,
      channel: 6,
      comment: level <= 2 ? "窗口人员态度差" : "",
      idempotencyKey: `00000000-0000-4000-8000-${String(sequence).padStart(12, "0")}`,
      ratedAt: T0,
    },
  );
  const ratingId = await insertRating(db, rating, level <= 2 ? ["108"] : ["510"]);
  return { caseId, ratingId };
}

async function configure(overrides: Record<string, unknown> = {}): Promise<void> {
  const admin = await signedIn("test_admin");
  await admin.province.updateConfig({
    enabled: true,
    endpoint,
    channelMap: { "6": 7, "7": 6 },
    levelCoding: "national",
    dataSource: "133",
    timeoutMs: 1000,
    ...overrides,
  });
}

async function outbox() {
  return getDb().selectFrom("province_outbox").selectAll().orderBy("id").execute();
}

describe("provincial export", () => {
  beforeEach(() => {
    mode = "accept";
    received.length = 0;
    sequence = 0;
  });

  test("a rating is queued in its own transaction and delivered once as the national record", async () => {
    await configure();
    const { ratingId } = await ratedCase(2);
    expect((await outbox()).map((row) => [row.kind, row.ref_id, row.status])).toEqual([
      ["rating", ratingId, "pending"],
    ]);

    expect(await sendProvinceRecords(getDb(), new Date())).toEqual({ accepted: 1, rejected: 0, deferred: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]?.idempotencyKey).toBe(`hcp-rating-${ratingId}`);
    expect(received[0]?.body).toMatchObject({
      recordType: "evaluation",
      projectNo: "PX000001",
      taskCode: "TEST-0001",
      deptCode: "11330000TEST00000X",
      areaCode: "330000",
      pf: 7,
      satisfaction: 2,
      evalDetail: "108",
      writingEvaluation: "窗口人员态度差",
      assessTime: "2023-03-06 10:00:00",
      assessNumber: 1,
      userProp: 1,
      dataSource: "133",
    });
    // Only what the province needs: nothing of the applicant's contact.
    expect(JSON.stringify(received[0]?.body)).not.toMatch(/secret|张\*/);
    expect((await outbox())[0]?.status).toBe("accepted");

    // Nothing is sent twice.
    expect(await sendProvinceRecords(getDb(), new Date())).toEqual({ accepted: 0, rejected: 0, deferred: 0 });
    expect(received).toHaveLength(1);
  });

  test("a rating whose transaction fails leaves no record in the outbox", async () => {
    const { caseId } = await ratedCase(5);
    const db = getDb();
    const second = await insertCase(db, fixtureCase(hall, { caseNo: "PX-ROLLBACK", completedAt: T0 }));
    // The rating row is written, then something later in the same transaction fails.
    const failing = insertRating(
      db,
      {
        ...(await db.selectFrom("rating").selectAll().where("case_id", "=", caseId).executeTakeFirstOrThrow()),
        id: undefined,
        case_id: second,
        idempotency_key: "00000000-0000-4000-8000-0000000000ff",
      },
      [],
      () => Promise.reject(new Error("work order could not be opened")),
    );
    await expect(failing).rejects.toThrow("work order could not be opened");
    expect(await db.selectFrom("rating").select("id").where("case_id", "=", second).execute()).toEqual([]);
    expect(await outbox()).toHaveLength(1);
  });

  test("a record the province rejects is parked with its reason and can be sent again", async () => {
    await configure({ levelCoding: "gbt39046" });
    await ratedCase(5);
    mode = "reject";
    expect(await sendProvinceRecords(getDb(), new Date())).toEqual({ accepted: 0, rejected: 1, deferred: 0 });
    expect(received[0]?.body.satisfaction).toBe(1);
    const manager = await signedIn("test_hall_manager");
    const parked = await manager.province.rejected({});
    expect(parked).toEqual([
      expect.objectContaining({ kindLabel: "评价", reason: "代码 4012：事项编码不存在", attempts: 1 }),
    ]);
    expect(await appCodeOf(manager.province.requeue({ id: parked[0]?.id ?? 0 }))).toBe("FORBIDDEN");

    mode = "accept";
    const admin = await signedIn("test_admin");
    await admin.province.requeue({ id: parked[0]?.id ?? 0 });
    expect(await sendProvinceRecords(getDb(), new Date())).toEqual({ accepted: 1, rejected: 0, deferred: 0 });
    expect(await manager.province.rejected({})).toEqual([]);
  });

  test("an unreachable or failing province is retried with a growing delay until it accepts", async () => {
    await configure();
    await ratedCase(4);
    const start = new Date();
    mode = "fail";
    expect(await sendProvinceRecords(getDb(), start)).toEqual({ accepted: 0, rejected: 0, deferred: 1 });
    const [afterFirst] = await outbox();
    expect(afterFirst?.last_error).toBe("省级平台返回 HTTP 503");
    expect(afterFirst?.next_attempt_at.getTime()).toBe(start.getTime() + 30_000);

    // Not yet due: nothing is sent.
    expect(await sendProvinceRecords(getDb(), new Date(start.getTime() + 10_000))).toEqual({
      accepted: 0,
      rejected: 0,
      deferred: 0,
    });
    // Due, and the province never answers: a timeout, the next delay doubles.
    mode = "hang";
    const second = new Date(start.getTime() + 31_000);
    expect(await sendProvinceRecords(getDb(), second)).toEqual({ accepted: 0, rejected: 0, deferred: 1 });
    const [afterSecond] = await outbox();
    expect(afterSecond?.last_error).toBe("省级平台 1000 ms 内未响应");
    expect(afterSecond?.next_attempt_at.getTime()).toBe(second.getTime() + 60_000);

    mode = "accept";
    expect(await sendProvinceRecords(getDb(), new Date(second.getTime() + 61_000))).toEqual({
      accepted: 1,
      rejected: 0,
      deferred: 0,
    });
    const [settled] = await outbox();
    expect(settled?.attempts).toBe(3);
    // Every attempt named the same change, so the province can drop a repeat.
    expect(new Set(received.map((item) => item.idempotencyKey)).size).toBe(1);
  });

  test("exclusions and work-order closures are reported; the daily reconciliation adds up", async () => {
    await configure();
    const db = getDb();
    const { caseId, ratingId } = await ratedCase(1);
    await db
      .insertInto("rating_exclusion")
      .values({
        rating_id: ratingId,
        reason: "malicious",
        note: "恶意差评",
        approved_by: hall.users.hall_manager.id,
        created_at: T0,
      })
      .execute();
    const order = await db
      .insertInto("work_order")
      .values({
        rating_id: ratingId,
        case_id: caseId,
        hall_id: hall.hallId,
        department_id: hall.departmentIds[0],
        window_id: hall.windowIds[0],
        staff_id: hall.staffIds[0],
        state: "replied",
        state_before_appeal: null,
        extension: "none",
        extension_days: 0,
        created_at: T0,
        contact_due: "2023-03-07",
        rectify_due: "2023-03-27",
        contacted_at: T0,
        rectified_at: T0,
        replied_at: T0,
        closed_at: null,
        reply: "已对窗口人员批评教育并整改",
        escalation: 0,
        version: 0,
      })
      .executeTakeFirstOrThrow();
    const orderId = Number(order.insertId);
    // Only the step into 办结 is reported, once.
    await db.updateTable("work_order").set({ escalation: 1 }).where("id", "=", orderId).execute();
    await db.updateTable("work_order").set({ state: "closed", closed_at: T0 }).where("id", "=", orderId).execute();
    await db.updateTable("work_order").set({ version: 2 }).where("id", "=", orderId).execute();
    await ratedCase(5);
    expect((await outbox()).map((row) => row.kind)).toEqual(["rating", "exclusion", "work_order_closed", "rating"]);

    mode = "reject";
    await ratedCase(3);
    expect(await sendProvinceRecords(db, new Date())).toEqual({ accepted: 0, rejected: 5, deferred: 0 });
    expect(received.map((item) => item.body.recordType)).toEqual([
      "evaluation",
      "exclusion",
      "rectification",
      "evaluation",
      "evaluation",
    ]);
    expect(received[1]?.body).toMatchObject({
      projectNo: "PX000001",
      poorFlag: "invalid",
      reason: "malicious",
      assessNumber: 1,
    });
    expect(received[2]?.body).toMatchObject({
      projectNo: "PX000001",
      reformStatus: "rectified",
      reformContent: "已对窗口人员批评教育并整改",
      closeTime: "2023-03-06 10:00:00",
    });

    const admin = await signedIn("test_admin");
    const parked = await admin.province.rejected({});
    mode = "accept";
    for (const row of parked.slice(0, 4)) await admin.province.requeue({ id: row.id });
    expect(await sendProvinceRecords(db, new Date())).toEqual({ accepted: 4, rejected: 0, deferred: 0 });

    const today = hallDate(new Date());
    const days = await admin.province.reconciliation({ from: today, to: today });
    expect(days).toEqual([{ date: today, queued: 5, sent: 5, accepted: 4, rejected: 1, pending: 0 }]);
  });

  test("nothing is sent while the export is off, and a bulk load queues nothing", async () => {
    await ratedCase(5);
    expect(await sendProvinceRecords(getDb(), new Date())).toEqual({ accepted: 0, rejected: 0, deferred: 0 });
    expect(received).toHaveLength(0);
    await withBulkLoad(
      getDb(),
      (conn) =>
        insertCase(conn, fixtureCase(hall, { caseNo: "BULK-1", completedAt: T0, window: null })).then(() => ({
          hallId: hall.hallId,
        })),
      (result) => result.hallId,
    );
    expect(await outbox()).toHaveLength(1);
    const admin = await signedIn("test_admin");
    expect(
      await appCodeOf(
        admin.province.updateConfig({
          enabled: true,
          endpoint: "",
          channelMap: {},
          levelCoding: "national",
          dataSource: "",
          timeoutMs: 1000,
        }),
      ),
    ).toBe("PROVINCE_ENDPOINT_REQUIRED");
    expect(
      await appCodeOf(
        admin.province.updateConfig({
          enabled: true,
          endpoint: "ftp://x",
          channelMap: {},
          levelCoding: "national",
          dataSource: "",
          timeoutMs: 1000,
        }),
      ),
    ).toBe("BAD_REQUEST");
  });
});
