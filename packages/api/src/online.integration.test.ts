import { randomUUID } from "node:crypto";

import { beforeEach, describe, expect, test } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf, type TCaller } from "../test/harness";
import { AppError } from "./errors";
import { issueRatingLink } from "./services/online";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});

/** The server's clock; pinned per test where a rule is measured in time. */
let clock: Date | null = null;
const api = apiHarness(getDb, { now: () => clock ?? new Date() });
const MINUTE = 60_000;
const DAY = 86_400_000;

function pin(at: string | Date): Date {
  clock = new Date(at);
  return clock;
}

function advance(ms: number): void {
  clock = new Date((clock ?? new Date()).getTime() + ms);
}

beforeEach(() => {
  clock = null;
});

// The per-address limit is in memory for the whole file: every test rates from its own address.
let addressSeq = 0;
function citizen(): Promise<TCaller> {
  addressSeq += 1;
  return api.caller({ ip: `10.0.${Math.floor(addressSeq / 250)}.${addressSeq % 250}` });
}

async function staffCaller(username = hall.users.window_staff.username): Promise<TCaller> {
  const staff = await api.signedIn(username);
  await staff.window.signIn({
    windowId: username === hall.users.window_staff.username ? hall.windowIds[0] : hall.windowIds[1],
  });
  return staff;
}

async function receivedCase(phone = "13512345678"): Promise<{ caseId: number; caseNo: string; staff: TCaller }> {
  const staff = await staffCaller();
  const created = await staff.case.create({
    serviceItemId: hall.itemIds.instant,
    applicantType: "person",
    applicantName: "孙八",
    applicantPhone: phone,
  });
  return { caseId: created.id, caseNo: created.caseNo, staff };
}

async function completedCase(phone = "13512345678"): Promise<{ caseId: number; caseNo: string; staff: TCaller }> {
  const created = await receivedCase(phone);
  await created.staff.case.complete({ caseId: created.caseId });
  return created;
}

async function refusal(promise: Promise<unknown>): Promise<{ appCode: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { appCode: error.appCode, message: error.message };
    throw error;
  }
  throw new Error("expected the call to be refused");
}

async function ratingRows() {
  return getDb()
    .selectFrom("rating")
    .select(["case_id", "level", "channel", "window_id", "prompt_id"])
    .orderBy("id")
    .execute();
}

describe("online rating by case number and phone digits", () => {
  test("wrong phone digits and unknown cases get the same answer", async () => {
    const { caseNo } = await completedCase();
    const visitor = await citizen();
    expect(await appCodeOf(visitor.online.lookup({ caseNo, phoneLast4: "0000" }))).toBe("ONLINE_LOOKUP_FAILED");
    expect(await appCodeOf(visitor.online.lookup({ caseNo: "330000000000000000", phoneLast4: "5678" }))).toBe(
      "ONLINE_LOOKUP_FAILED",
    );
  });

  test("the right digits show the case; one rating on the mobile channel; a different second rating is refused", async () => {
    const { caseNo, caseId } = await completedCase();
    const visitor = await citizen();
    // A pasted number with spaces is the same number.
    const found = await visitor.online.lookup({
      caseNo: ` ${caseNo.slice(0, 6)} ${caseNo.slice(6)} `,
      phoneLast4: "5678",
    });
    expect(found).toMatchObject({
      caseNo,
      itemName: "个体工商户设立登记",
      departmentName: "县市场监督管理局",
      windowName: "综合受理1号窗口",
      status: "open",
      rating: null,
      followUp: null,
      workOrder: null,
    });
    expect(new Date(found.ratingDeadline ?? "").getTime() - new Date(found.completedAt ?? "").getTime()).toBe(7 * DAY);
    const token = found.ratingToken ?? "";
    const key = randomUUID();
    // An over-long comment on an otherwise sound submission is refused, and stores nothing.
    const tooLong = visitor.online.submit({
      token,
      channel: 2,
      level: 4,
      reasonCodes: ["409"],
      comment: "很".repeat(501),
      idempotencyKey: key,
    });
    expect(await appCodeOf(tooLong)).toBe("BAD_REQUEST");
    expect(await ratingRows()).toEqual([]);
    const rating = await visitor.online.submit({
      token,
      channel: 2,
      level: 4,
      reasonCodes: ["409"],
      idempotencyKey: key,
    });
    expect(rating).toMatchObject({ level: 4, reasonCodes: ["409"], replayed: false });
    expect(await ratingRows()).toEqual([
      { case_id: caseId, level: 4, channel: 2, window_id: hall.windowIds[0], prompt_id: null },
    ]);

    // A retry of the same submission returns the first result; a different rating is refused.
    expect(
      await visitor.online.submit({ token, channel: 2, level: 4, reasonCodes: ["409"], idempotencyKey: key }),
    ).toMatchObject({
      ratingId: rating.ratingId,
      replayed: true,
    });
    expect(
      await appCodeOf(
        visitor.online.submit({ token, channel: 2, level: 3, reasonCodes: ["309"], idempotencyKey: key }),
      ),
    ).toBe("IDEMPOTENCY_CONFLICT");
    const second = await refusal(
      visitor.online.submit({ token, channel: 2, level: 1, comment: "改评", idempotencyKey: randomUUID() }),
    );
    expect(second).toEqual({ appCode: "ALREADY_RATED", message: "该办件已经评价过，每个办件只能评价一次" });
    expect(await ratingRows()).toHaveLength(1);

    // Looking it up again shows the recorded rating and offers no form.
    const again = await visitor.online.lookup({ caseNo, phoneLast4: "5678" });
    expect(again).toMatchObject({
      status: "rated",
      ratingToken: null,
      rating: { level: 4, reasonCodes: ["409"] },
      workOrder: null,
    });
  });

  test("a 差评 shows where its work order stands; one 追评 opens once the department has answered", async () => {
    const { caseNo, caseId } = await completedCase();
    const visitor = await citizen();
    const found = await visitor.online.lookup({ caseNo, phoneLast4: "5678" });
    await visitor.online.submit({
      token: found.ratingToken ?? "",
      channel: 2,
      level: 2,
      reasonCodes: ["209"],
      idempotencyKey: randomUUID(),
    });
    const pending = await visitor.online.lookup({ caseNo, phoneLast4: "5678" });
    expect(pending).toMatchObject({
      status: "rated",
      ratingToken: null,
      rating: { level: 2 },
      workOrder: { state: "pending", reply: null },
    });
    // A second rating before the bad review was put right is refused.
    expect(
      await appCodeOf(
        visitor.online.submit({ token: found.ratingToken ?? "", channel: 2, level: 5, idempotencyKey: randomUUID() }),
      ),
    ).toBe("FOLLOW_UP_NOT_ALLOWED");

    // The department rectified and answered (the work-order steps are tested with work orders).
    const now = new Date();
    await getDb()
      .updateTable("work_order")
      .set({ state: "replied", rectified_at: now, replied_at: now, reply: "已安排专人辅导，材料一次性告知。" })
      .where("case_id", "=", caseId)
      .execute();
    const answered = await visitor.online.lookup({ caseNo, phoneLast4: "5678" });
    expect(answered).toMatchObject({
      status: "follow_up",
      workOrder: { state: "replied", reply: "已安排专人辅导，材料一次性告知。" },
    });
    await visitor.online.submit({
      token: answered.ratingToken ?? "",
      channel: 2,
      level: 5,
      idempotencyKey: randomUUID(),
    });
    const after = await visitor.online.lookup({ caseNo, phoneLast4: "5678" });
    expect(after).toMatchObject({ status: "rated", ratingToken: null, rating: { level: 2 }, followUp: { level: 5 } });
    expect((await ratingRows()).map((row) => row.level)).toEqual([2, 5]);
  });

  test("a 差评 without a reason or comment is refused and nothing is stored", async () => {
    const { caseNo } = await completedCase();
    const visitor = await citizen();
    const { ratingToken } = await visitor.online.lookup({ caseNo, phoneLast4: "5678" });
    expect(
      await appCodeOf(
        visitor.online.submit({ token: ratingToken ?? "", channel: 2, level: 1, idempotencyKey: randomUUID() }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await ratingRows()).toEqual([]);
  });

  test("PC and mobile lookups record channels 1 and 2; a lookup cannot claim the QR or SMS channel", async () => {
    const first = await completedCase("13500001111");
    const second = await completedCase("13500002222");
    const visitor = await citizen();
    const a = await visitor.online.lookup({ caseNo: first.caseNo, phoneLast4: "1111" });
    const b = await visitor.online.lookup({ caseNo: second.caseNo, phoneLast4: "2222" });
    for (const channel of [3, 7] as const) {
      expect(
        await appCodeOf(
          visitor.online.submit({ token: a.ratingToken ?? "", channel, level: 5, idempotencyKey: randomUUID() }),
        ),
      ).toBe("INVALID_INPUT");
    }
    await visitor.online.submit({ token: a.ratingToken ?? "", channel: 1, level: 5, idempotencyKey: randomUUID() });
    await visitor.online.submit({ token: b.ratingToken ?? "", channel: 2, level: 4, idempotencyKey: randomUUID() });
    expect((await ratingRows()).map((row) => [row.case_id, row.channel])).toEqual([
      [first.caseId, 1],
      [second.caseId, 2],
    ]);
  });

  test("a case not yet completed is shown without a form", async () => {
    const { caseNo } = await receivedCase();
    const found = await (await citizen()).online.lookup({ caseNo, phoneLast4: "5678" });
    expect(found).toMatchObject({
      status: "not_completed",
      completedAt: null,
      ratingDeadline: null,
      ratingToken: null,
    });
  });

  test("a forged or altered page token is refused", async () => {
    const { caseNo } = await completedCase();
    const visitor = await citizen();
    const { ratingToken } = await visitor.online.lookup({ caseNo, phoneLast4: "5678" });
    const [payload] = (ratingToken ?? "").split(".");
    const forged = `${payload ?? ""}.${"A".repeat(43)}`;
    expect(
      await appCodeOf(visitor.online.submit({ token: forged, channel: 1, level: 5, idempotencyKey: randomUUID() })),
    ).toBe("RATING_LINK_INVALID");
    expect(await ratingRows()).toEqual([]);
  });
});

describe("five wrong tries lock the case number", () => {
  test("the fifth wrong try locks it for 15 minutes, even for the right digits; the lock is stored and then ends", async () => {
    const start = pin("2026-11-25T02:00:00Z"); // 10:00 in the hall
    const { caseNo } = await completedCase();
    const visitor = await citizen();
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await appCodeOf(visitor.online.lookup({ caseNo, phoneLast4: `000${attempt}` }))).toBe(
        "ONLINE_LOOKUP_FAILED",
      );
    }
    const locked = await refusal(visitor.online.lookup({ caseNo, phoneLast4: "0005" }));
    expect(locked).toEqual({
      appCode: "ONLINE_LOOKUP_LOCKED",
      message: "查询错误次数过多，该办件已暂时锁定，请于 10:15 后再试",
    });

    // Locked in the database (it outlives a restart), and the right digits do not open it.
    const row = await getDb()
      .selectFrom("online_lookup_lock")
      .selectAll()
      .where("case_no", "=", caseNo)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ failures: 5, locked_until: new Date(start.getTime() + 15 * MINUTE) });
    advance(14 * MINUTE + 59_000);
    expect(await refusal(visitor.online.lookup({ caseNo, phoneLast4: "5678" }))).toMatchObject({
      appCode: "ONLINE_LOOKUP_LOCKED",
    });

    advance(2_000);
    expect(await visitor.online.lookup({ caseNo, phoneLast4: "5678" })).toMatchObject({ caseNo, status: "open" });
    expect(await getDb().selectFrom("online_lookup_lock").selectAll().execute()).toEqual([]);
  });

  test("each of the first four wrong tries says how many tries remain before the lock", async () => {
    pin("2026-11-25T02:00:00Z");
    const { caseNo } = await completedCase();
    const visitor = await citizen();
    const answers: { appCode: string; message: string; triesLeft: unknown }[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      try {
        await visitor.online.lookup({ caseNo, phoneLast4: `000${attempt}` });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        answers.push({ appCode: error.appCode, message: error.message, triesLeft: error.details?.triesLeft });
      }
    }
    expect(answers.slice(0, 4)).toEqual(
      [4, 3, 2, 1].map((left) => ({
        appCode: "ONLINE_LOOKUP_FAILED",
        message: `办件编号或手机号后四位不正确，还可尝试 ${left} 次`,
        triesLeft: left,
      })),
    );
    expect(answers[4]).toMatchObject({ appCode: "ONLINE_LOOKUP_LOCKED", triesLeft: undefined });
  });

  test("a correct lookup resets the count", async () => {
    pin("2026-11-25T02:00:00Z");
    const { caseNo } = await completedCase();
    const visitor = await citizen();
    for (let attempt = 0; attempt < 4; attempt++)
      await appCodeOf(visitor.online.lookup({ caseNo, phoneLast4: "0000" }));
    await visitor.online.lookup({ caseNo, phoneLast4: "5678" });
    for (let attempt = 0; attempt < 4; attempt++) {
      expect(await appCodeOf(visitor.online.lookup({ caseNo, phoneLast4: "0000" }))).toBe("ONLINE_LOOKUP_FAILED");
    }
    expect(await visitor.online.lookup({ caseNo, phoneLast4: "5678" })).toMatchObject({ status: "open" });
  });

  test("an unknown case number locks the same way, so locking reveals nothing", async () => {
    pin("2026-11-25T02:00:00Z");
    const { caseNo } = await completedCase();
    const unknown = `${caseNo.slice(0, -5)}99999`;
    const visitor = await citizen();
    const answers: { appCode: string; message: string }[][] = [[], []];
    for (let attempt = 0; attempt < 6; attempt++) {
      answers[0]?.push(await refusal(visitor.online.lookup({ caseNo, phoneLast4: "0000" })));
      answers[1]?.push(await refusal(visitor.online.lookup({ caseNo: unknown, phoneLast4: "0000" })));
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]?.map((answer) => answer.appCode)).toEqual([
      ...Array<string>(4).fill("ONLINE_LOOKUP_FAILED"),
      "ONLINE_LOOKUP_LOCKED",
      "ONLINE_LOOKUP_LOCKED",
    ]);
  });

  test("the next five wrong tries after a lock lock it for longer", async () => {
    pin("2026-11-25T02:00:00Z");
    const { caseNo } = await completedCase();
    const visitor = await citizen();
    for (let attempt = 0; attempt < 5; attempt++)
      await appCodeOf(visitor.online.lookup({ caseNo, phoneLast4: "0000" }));
    advance(16 * MINUTE); // 10:16
    for (let attempt = 0; attempt < 4; attempt++) {
      expect(await appCodeOf(visitor.online.lookup({ caseNo, phoneLast4: "0000" }))).toBe("ONLINE_LOOKUP_FAILED");
    }
    expect((await refusal(visitor.online.lookup({ caseNo, phoneLast4: "0000" }))).message).toContain(
      "请于 10:46 后再试",
    );
  });

  test("one address is limited in how many lookups it may make", async () => {
    const visitor = await citizen();
    for (let attempt = 0; attempt < 30; attempt++) {
      expect(
        await appCodeOf(
          visitor.online.lookup({ caseNo: `33000020261125${String(attempt).padStart(5, "0")}`, phoneLast4: "0000" }),
        ),
      ).toBe("ONLINE_LOOKUP_FAILED");
    }
    expect(await appCodeOf(visitor.online.lookup({ caseNo: "330000202611259999", phoneLast4: "0000" }))).toBe(
      "TOO_MANY_ATTEMPTS",
    );
    // Another address is unaffected.
    expect(await appCodeOf((await citizen()).online.lookup({ caseNo: "330000202611259999", phoneLast4: "0000" }))).toBe(
      "ONLINE_LOOKUP_FAILED",
    );
  });
});

describe("the signed link on the receipt (QR code) and in an SMS", () => {
  test("the receipt of one's own completed case carries a link that opens the case without phone digits", async () => {
    pin("2026-11-25T02:00:00Z");
    const { caseId, caseNo, staff } = await completedCase();
    const receipt = await staff.online.receipt({ caseId });
    expect(receipt).toMatchObject({
      caseNo,
      hallName: "测试县政务服务中心",
      itemName: "个体工商户设立登记",
      departmentName: "县市场监督管理局",
      windowName: "综合受理1号窗口",
      staffName: "王丽",
      badgeNo: "T001",
      applicantNameMasked: "孙*",
      completedAt: "2026-11-25T02:00:00.000Z",
      ratingDeadline: "2026-12-02T02:00:00.000Z",
    });
    expect(receipt.ratingToken).toMatch(/^v1\.k1\.[\w-]+\.[\w-]{43}$/);
    expect(receipt.qrPath).toBe(`/rate?t=${receipt.ratingToken}&pf=3`);
    expect(receipt.smsPath).toBe(`/rate?t=${receipt.ratingToken}&pf=7`);
    // Reprinting gives the same QR code.
    expect((await staff.online.receipt({ caseId })).ratingToken).toBe(receipt.ratingToken);
    const audits = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "case.receipt")
      .execute();
    expect(audits).toHaveLength(2);

    const visitor = await citizen();
    const opened = await visitor.online.openLink({ token: receipt.ratingToken });
    expect(opened).toMatchObject({ caseNo, itemName: "个体工商户设立登记", status: "open" });
    // Through a link the channel is QR or SMS, never PC/mobile.
    expect(
      await appCodeOf(
        visitor.online.submit({ token: opened.ratingToken ?? "", channel: 2, level: 5, idempotencyKey: randomUUID() }),
      ),
    ).toBe("INVALID_INPUT");
    await visitor.online.submit({
      token: opened.ratingToken ?? "",
      channel: 3,
      level: 5,
      reasonCodes: ["517"],
      idempotencyKey: randomUUID(),
    });
    expect(await ratingRows()).toEqual([
      { case_id: caseId, level: 5, channel: 3, window_id: hall.windowIds[0], prompt_id: null },
    ]);

    // Opened again: already rated, with the rating, and no form.
    expect(await visitor.online.openLink({ token: receipt.ratingToken })).toMatchObject({
      status: "rated",
      ratingToken: null,
      rating: { level: 5, reasonCodes: ["517"] },
    });
  });

  test("an SMS link records channel 7", async () => {
    const { caseId, staff } = await completedCase();
    const receipt = await staff.online.receipt({ caseId });
    const visitor = await citizen();
    const opened = await visitor.online.openLink({
      token: new URLSearchParams(receipt.smsPath.split("?")[1]).get("t") ?? "",
    });
    await visitor.online.submit({
      token: opened.ratingToken ?? "",
      channel: 7,
      level: 4,
      idempotencyKey: randomUUID(),
    });
    expect((await ratingRows()).map((row) => row.channel)).toEqual([7]);
  });

  test("altered, forged, foreign-key and unknown-kid links are invalid; an old link is expired", async () => {
    pin("2026-11-25T02:00:00Z");
    const { caseId, staff } = await completedCase();
    const { ratingToken } = await staff.online.receipt({ caseId });
    const [version, kid, payload, signature] = ratingToken.split(".") as [string, string, string, string];
    const visitor = await citizen();
    const open = (token: string) => refusal(visitor.online.openLink({ token }));

    const otherCase = Buffer.from(JSON.stringify({ c: caseId + 1, e: 1_900_000_000 })).toString("base64url");
    const flipped = `${signature.slice(0, 10)}${signature[10] === "A" ? "B" : "A"}${signature.slice(11)}`;
    const invalid = [
      `${version}.${kid}.${otherCase}.${signature}`, // altered payload
      `${version}.${kid}.${payload}.${flipped}`, // altered signature
      `${version}.k9.${payload}.${signature}`, // unknown kid
      issueRatingLink(api.dataKey, { caseId, expiresAt: new Date("2026-12-02T02:00:00Z") }, "k9"), // validly signed, retired kid
      issueRatingLink(Buffer.alloc(32, 7), { caseId, expiresAt: new Date("2026-12-02T02:00:00Z") }), // another key
      `v2.${kid}.${payload}.${signature}`,
      "",
      "not-a-token",
    ];
    for (const token of invalid) {
      expect(await open(token)).toEqual({
        appCode: "RATING_LINK_INVALID",
        message: "评价链接无效或已过期，请重新查询办件",
      });
    }

    advance(7 * DAY + 1_000);
    expect(await open(ratingToken)).toEqual({
      appCode: "RATING_LINK_EXPIRED",
      message: "评价链接已过期：该办件已超过评价期限，不能再评价",
    });
    expect(await ratingRows()).toEqual([]);
  });

  test("only the staff member who completed the case gets its receipt, and only once completed", async () => {
    const received = await receivedCase();
    expect(await appCodeOf(received.staff.online.receipt({ caseId: received.caseId }))).toBe("CASE_NOT_COMPLETED");
    await received.staff.case.complete({ caseId: received.caseId });
    const other = await staffCaller(hall.users.secondStaff.username);
    expect(await appCodeOf(other.online.receipt({ caseId: received.caseId }))).toBe("CASE_NOT_YOURS");
    expect(await appCodeOf(other.online.receipt({ caseId: received.caseId + 1000 }))).toBe("CASE_NOT_FOUND");
    expect(await appCodeOf((await citizen()).online.receipt({ caseId: received.caseId }))).toBe("UNAUTHENTICATED");
  });
});

describe("the rating window", () => {
  test("after it closes the case shows as closed and a token from before it is refused", async () => {
    const completedAt = pin("2026-11-25T02:00:00Z");
    const { caseNo } = await completedCase();
    const visitor = await citizen();
    advance(7 * DAY - 10 * MINUTE);
    const late = await visitor.online.lookup({ caseNo, phoneLast4: "5678" });
    expect(late.status).toBe("open");
    advance(11 * MINUTE);
    expect(
      await appCodeOf(
        visitor.online.submit({ token: late.ratingToken ?? "", channel: 2, level: 5, idempotencyKey: randomUUID() }),
      ),
    ).toBe("RATING_WINDOW_CLOSED");
    expect(await visitor.online.lookup({ caseNo, phoneLast4: "5678" })).toMatchObject({
      status: "closed",
      ratingToken: null,
      ratingDeadline: new Date(completedAt.getTime() + 7 * DAY).toISOString(),
    });
    expect(await ratingRows()).toEqual([]);
  });
});

describe("many ratings from one address sent at once", () => {
  test("each takes its own place in the address's count, so the eleventh is flagged", async () => {
    const visitor = await citizen();
    const tokens: string[] = [];
    for (let index = 0; index < 11; index++) {
      const phone = `1360000${String(index).padStart(4, "0")}`;
      const { caseNo } = await completedCase(phone);
      tokens.push((await visitor.online.lookup({ caseNo, phoneLast4: phone.slice(-4) })).ratingToken ?? "");
    }
    await Promise.all(
      tokens.map((token) => visitor.online.submit({ token, channel: 2, level: 5, idempotencyKey: randomUUID() })),
    );
    expect(await ratingRows()).toHaveLength(11);
    const flagged = await getDb().selectFrom("rating_signal").select("detail").where("kind", "=", "ip_rate").execute();
    expect(flagged.map((signal) => signal.detail.replace(/（摘要 [0-9a-f]{12}）/, ""))).toEqual([
      "同一网络地址1 小时内第 11 条网上评价",
    ]);
  });
});

describe("after the evaluator timed out", () => {
  test("the citizen who walked away rates online: the timeout stays an event, the rating is the first and only one", async () => {
    const { caseId, caseNo, staff } = await completedCase();
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const { promptId } = await staff.case.inviteRating({ caseId });
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    expect(await device.kiosk.timeout({ promptId })).toEqual({ closed: true });
    expect(await ratingRows()).toEqual([]);

    const visitor = await citizen();
    const found = await visitor.online.lookup({ caseNo, phoneLast4: "5678" });
    expect(found.status).toBe("open");
    await visitor.online.submit({
      token: found.ratingToken ?? "",
      channel: 2,
      level: 4,
      reasonCodes: ["409"],
      idempotencyKey: randomUUID(),
    });
    expect(await ratingRows()).toEqual([
      { case_id: caseId, level: 4, channel: 2, window_id: hall.windowIds[0], prompt_id: null },
    ]);
    const timedOut = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "rating.promptTimedOut")
      .execute();
    expect(timedOut).toHaveLength(1);
  });
});

describe("misuse", () => {
  test("two concurrent ratings of one case store exactly one", async () => {
    const { caseNo } = await completedCase();
    const visitor = await citizen();
    const { ratingToken } = await visitor.online.lookup({ caseNo, phoneLast4: "5678" });
    const token = ratingToken ?? "";
    const results = await Promise.allSettled([
      visitor.online.submit({ token, channel: 2, level: 5, idempotencyKey: randomUUID() }),
      visitor.online.submit({ token, channel: 2, level: 1, comment: "太慢", idempotencyKey: randomUUID() }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await ratingRows()).toHaveLength(1);
  });

  test("many ratings from one address within the hour are flagged for review, not refused", async () => {
    const visitor = await citizen();
    let last = { token: "", key: "", ratingId: 0 };
    for (let index = 0; index < 11; index++) {
      const phone = `1350000${String(index).padStart(4, "0")}`;
      const { caseNo } = await completedCase(phone);
      const { ratingToken } = await visitor.online.lookup({ caseNo, phoneLast4: phone.slice(-4) });
      const key = randomUUID();
      const { ratingId } = await visitor.online.submit({
        token: ratingToken ?? "",
        channel: 2,
        level: 5,
        idempotencyKey: key,
      });
      last = { token: ratingToken ?? "", key, ratingId };
    }
    // A retry of the eleventh is a replay: nothing more is written or counted.
    await visitor.online.submit({ token: last.token, channel: 2, level: 5, idempotencyKey: last.key });
    expect(await ratingRows()).toHaveLength(11);
    const signals = await getDb()
      .selectFrom("rating_signal")
      .select(["kind", "detail", "rating_id"])
      .where("kind", "=", "ip_rate")
      .execute();
    // Stored with the eleventh rating, in its transaction.
    expect(signals).toEqual([
      {
        kind: "ip_rate",
        rating_id: last.ratingId,
        detail: expect.stringMatching(/同一网络地址（摘要 [0-9a-f]{12}）1 小时内第 11 条网上评价/) as unknown,
      },
    ]);
  });
});
