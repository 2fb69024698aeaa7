import { randomUUID } from "node:crypto";

import { describe, expect, test } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf } from "../test/harness";
import type { TWindowEvent } from "./bus";
import { AppError } from "./errors";
import { decryptContact } from "./services/contact";
import { sweepLapsedPrompts } from "./services/prompts";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

const manager = () => api.signedIn(hall.users.hall_manager.username);

/** A body as a business system sends it: received yesterday morning, hall-local wall clock. */
function body(overrides: Record<string, unknown> = {}) {
  return {
    caseNo: "BIZ-2026-0001",
    itemCode: "TEST-0002",
    windowCode: "A01",
    staffBadgeNos: ["T001", "T002"],
    applicantType: "person" as const,
    applicantName: "张三丰",
    applicantPhone: "13812345678",
    applicantIdNo: "11010519491231002X",
    receivedAt: "2026-01-05 09:30:00",
    ...overrides,
  };
}

/** The refusal's code, per-field messages and first message, as the HTTP host would send them. */
async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: string; status: string; fields: Record<string, string[] | undefined>; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const cause = error.cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined;
    const fields: Record<string, string[]> = {};
    for (const issue of cause?.issues ?? []) (fields[String(issue.path[0])] ??= []).push(issue.message);
    return { code: error.appCode, status: error.code, fields, message: cause?.issues?.[0]?.message ?? error.message };
  }
  throw new Error("expected a refusal");
}

describe("PUT /integration/cases/{caseNo}", () => {
  test("creates the case with codes resolved, applicant masked and encrypted, due date on the working-day calendar", async () => {
    const caller = await manager();
    const result = await caller.integrationCase.upsert(body());
    expect(result.outcome).toBe("created");
    expect(result.case).toMatchObject({
      caseNo: "BIZ-2026-0001",
      itemCode: "TEST-0002",
      windowCode: "A01",
      staffBadgeNos: ["T001", "T002"],
      handlingChannel: "window",
      applicantNameMasked: "张**",
      applicantPhoneMasked: "138****5678",
      applicantIdNoMasked: "1101**********002X",
      status: "received",
      receivedAt: "2026-01-05T01:30:00.000Z",
      caseType: "promised",
      promisedDays: 5,
      // Monday 5 January + 5 working days
      dueDate: "2026-01-12",
      dueDateProvisional: false,
      ratings: [],
      workOrder: null,
    });
    const row = await getDb()
      .selectFrom("case")
      .selectAll()
      .where("case_no", "=", "BIZ-2026-0001")
      .executeTakeFirstOrThrow();
    expect(row.staff_id).toBe(hall.staffIds[0]);
    expect(row.applicant_contact_cipher && decryptContact(api.dataKey, row.applicant_contact_cipher)).toBe(
      "13812345678",
    );
    expect(JSON.stringify(row)).not.toContain("张三丰");
  });

  test("an organisation known only by its credit code keeps no phone at all", async () => {
    const caller = await manager();
    const result = await caller.integrationCase.upsert(
      body({
        applicantType: "legal",
        applicantName: "示范县青山农业发展有限公司",
        applicantPhone: undefined,
        applicantIdNo: "91350100M000100Y43",
      }),
    );
    expect(result.case).toMatchObject({ applicantPhoneMasked: "", applicantIdNoMasked: "9135**********0Y43" });
    const row = await getDb()
      .selectFrom("case")
      .selectAll()
      .where("case_no", "=", "BIZ-2026-0001")
      .executeTakeFirstOrThrow();
    expect([row.applicant_contact_cipher, row.applicant_contact_hash]).toEqual([null, null]);
    expect(
      await appCodeOf(
        caller.integrationCase.upsert(
          body({ caseNo: "BIZ-NONE", applicantPhone: undefined, applicantIdNo: undefined }),
        ),
      ),
    ).toBe("BAD_REQUEST");
  });

  test("a repeat of the same body writes nothing; a correction updates in place", async () => {
    const caller = await manager();
    await caller.integrationCase.upsert(body());
    const before = await getDb()
      .selectFrom("case")
      .selectAll()
      .where("case_no", "=", "BIZ-2026-0001")
      .executeTakeFirstOrThrow();
    expect((await caller.integrationCase.upsert(body())).outcome).toBe("unchanged");
    const after = await getDb()
      .selectFrom("case")
      .selectAll()
      .where("case_no", "=", "BIZ-2026-0001")
      .executeTakeFirstOrThrow();
    expect(after.applicant_contact_cipher).toBe(before.applicant_contact_cipher);

    const corrected = await caller.integrationCase.upsert(
      body({
        itemCode: "TEST-0001",
        windowCode: "A02",
        staffBadgeNos: ["T002"],
        completedAt: "2026-01-05T10:00:00+08:00",
      }),
    );
    expect(corrected.outcome).toBe("updated");
    expect(corrected.case).toMatchObject({
      itemCode: "TEST-0001",
      windowCode: "A02",
      staffBadgeNos: ["T002"],
      caseType: "instant",
      dueDate: null,
      status: "completed",
    });
    expect(
      await getDb()
        .selectFrom("case")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: 1 });
  });

  test("unknown codes are refused naming the field, every problem of the body at once", async () => {
    const caller = await manager();
    const refused = await refusal(
      caller.integrationCase.upsert(body({ itemCode: "NOPE", windowCode: "Z99", staffBadgeNos: ["T001", "X404"] })),
    );
    expect(refused).toMatchObject({
      code: "CASE_ITEM_CODE_UNKNOWN",
      status: "UNPROCESSABLE_CONTENT",
      message: "事项编码 NOPE 不存在或不属于本大厅",
    });
    expect(refused.fields).toEqual({
      itemCode: ["事项编码 NOPE 不存在或不属于本大厅"],
      windowCode: ["窗口编号 Z99 不存在或不属于本大厅"],
      staffBadgeNos: ["工号 X404 不存在或不属于本大厅"],
    });
    expect(await refusal(caller.integrationCase.upsert(body({ windowCode: "" })))).toMatchObject({
      code: "CASE_WINDOW_REQUIRED",
      fields: { windowCode: ["窗口办理的办件须填写窗口编号"] },
    });
    // Online cases need no window.
    expect(
      (await caller.integrationCase.upsert(body({ windowCode: "", handlingChannel: "online" }))).case.windowCode,
    ).toBeNull();
  });

  test("the schema's messages are Chinese and name the field", async () => {
    const caller = await manager();
    const error = await caller.integrationCase
      .upsert(body({ applicantPhone: "123", applicantIdNo: undefined, receivedAt: "yesterday" }))
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    const issues = (error as { cause: { issues: { path: string[]; message: string }[] } }).cause.issues;
    expect(issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["applicantPhone", "联系电话应为 11 位手机号码"],
      ["receivedAt", "受理时间格式应为 YYYY-MM-DD HH:mm:ss 或带时区的 ISO 8601 时间"],
    ]);
  });

  test("refuses changes that make no sense: un-completing, completion after the rating, times in the future, another hall's number", async () => {
    const caller = await manager();
    await caller.integrationCase.upsert(body({ completedAt: "2026-01-05 11:00" }));
    expect(await refusal(caller.integrationCase.upsert(body()))).toMatchObject({
      code: "CASE_REOPEN_REFUSED",
      status: "CONFLICT",
      fields: { completedAt: ["办件已办结，不能改回未办结"] },
    });
    expect(await refusal(caller.integrationCase.upsert(body({ completedAt: "2026-01-05 08:00" })))).toMatchObject({
      code: "CASE_COMPLETED_BEFORE_RECEIVED",
    });
    expect(
      await refusal(caller.integrationCase.upsert(body({ caseNo: "BIZ-FUTURE", receivedAt: "2099-01-01 09:00" }))),
    ).toMatchObject({
      code: "CASE_TIME_IN_FUTURE",
      fields: { receivedAt: ["受理时间不能晚于当前时间"] },
    });

    const db = getDb();
    const otherHall = Number(
      (
        await db
          .insertInto("hall")
          .values({ code: "OTHER", name: "另一大厅", region_code: "330100", rating_window_days: 7 })
          .executeTakeFirstOrThrow()
      ).insertId,
    );
    await db.updateTable("case").set({ hall_id: otherHall }).where("case_no", "=", "BIZ-2026-0001").execute();
    expect(await refusal(caller.integrationCase.upsert(body({ completedAt: "2026-01-05 11:00" })))).toMatchObject({
      code: "CASE_NO_IN_OTHER_HALL",
      status: "CONFLICT",
    });
    expect(await appCodeOf(caller.integrationCase.get({ caseNo: "BIZ-2026-0001" }))).toBe("CASE_NOT_FOUND");
  });

  test("only a hall's administrators and managers may call it", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    expect(await appCodeOf(staff.integrationCase.upsert(body()))).toBe("FORBIDDEN");
    const auditor = await api.signedIn(hall.users.auditor.username);
    expect(await appCodeOf(auditor.integrationCase.get({ caseNo: "BIZ-2026-0001" }))).toBe("FORBIDDEN");
    const anonymous = await api.caller();
    expect(await appCodeOf(anonymous.integrationCase.get({ caseNo: "BIZ-2026-0001" }))).toBe("UNAUTHENTICATED");
    const admin = await api.signedIn(hall.users.admin.username);
    expect((await admin.integrationCase.upsert(body())).outcome).toBe("created");
  });
});

describe("POST /integration/cases/{caseNo}/complete and GET", () => {
  function listenTo(windowId: number) {
    const seen: TWindowEvent[] = [];
    const abort = new AbortController();
    const done = (async () => {
      for await (const [event] of api.bus.listen(windowId, abort.signal)) seen.push(event);
    })().catch(() => undefined);
    return {
      seen,
      stop: async () => {
        abort.abort();
        await done;
      },
    };
  }

  test("completes without a prompt: nothing reaches the evaluator; a repeat is harmless, another time refused", async () => {
    const caller = await manager();
    await caller.integrationCase.upsert(body({ receivedAt: new Date(Date.now() - 3_600_000).toISOString() }));
    const window = listenTo(hall.windowIds[0]);
    const completed = await caller.integrationCase.complete({ caseNo: "BIZ-2026-0001" });
    await window.stop();
    expect(completed).toMatchObject({ promptId: null, case: { status: "completed" } });
    expect(window.seen).toEqual([]);
    expect((await caller.integrationCase.complete({ caseNo: "BIZ-2026-0001" })).case.completedAt).toBe(
      completed.case.completedAt,
    );
    expect(
      await appCodeOf(caller.integrationCase.complete({ caseNo: "BIZ-2026-0001", completedAt: "2026-01-05 10:00" })),
    ).toBe("CASE_ALREADY_COMPLETED");
    expect(await appCodeOf(caller.integrationCase.complete({ caseNo: "NO-SUCH-CASE" }))).toBe("CASE_NOT_FOUND");
  });

  test("completes and prompts the window's evaluator, which rates it; GET shows the rating and its work order", async () => {
    const caller = await manager();
    await caller.integrationCase.upsert(body({ receivedAt: new Date(Date.now() - 3_600_000).toISOString() }));
    const window = listenTo(hall.windowIds[0]);
    const other = listenTo(hall.windowIds[1]);
    const { promptId } = await caller.integrationCase.complete({ caseNo: "BIZ-2026-0001", promptEvaluator: true });
    await window.stop();
    await other.stop();
    expect(promptId).toEqual(expect.any(Number));
    expect(window.seen).toEqual([
      {
        type: "prompt",
        prompt: expect.objectContaining({ promptId, caseNo: "BIZ-2026-0001", itemName: "不动产首次登记" }) as unknown,
      },
    ]);
    expect(other.seen).toEqual([]);

    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    await device.rating.submit({
      caseNo: "BIZ-2026-0001",
      level: 1,
      reasonCodes: ["115"],
      idempotencyKey: randomUUID(),
    });
    const read = await caller.integrationCase.get({ caseNo: "BIZ-2026-0001" });
    expect(read.ratings).toEqual([
      expect.objectContaining({ seq: 1, level: 1, channel: 4, reasonCodes: ["115"], excluded: false }),
    ]);
    expect(read.workOrder).toMatchObject({ state: "pending", stateLabel: "待核实" });
    expect(JSON.stringify(read)).not.toMatch(/13812345678|张三丰|11010519491231002X/);

    expect(await appCodeOf(caller.integrationCase.complete({ caseNo: "BIZ-2026-0001", promptEvaluator: true }))).toBe(
      "ALREADY_RATED",
    );
    // A rated case's completion cannot move past its rating.
    const late = new Date(Date.now() + 60_000).toISOString();
    expect(
      await appCodeOf(
        caller.integrationCase.upsert(
          body({ receivedAt: new Date(Date.now() - 3_600_000).toISOString(), completedAt: late }),
        ),
      ),
    ).toBe("CASE_COMPLETED_AFTER_RATING");
  });

  test("a case without a window cannot be put on an evaluator", async () => {
    const caller = await manager();
    await caller.integrationCase.upsert(
      body({
        windowCode: undefined,
        handlingChannel: "online",
        receivedAt: new Date(Date.now() - 60_000).toISOString(),
      }),
    );
    expect(await appCodeOf(caller.integrationCase.complete({ caseNo: "BIZ-2026-0001", promptEvaluator: true }))).toBe(
      "CASE_HAS_NO_WINDOW",
    );
    // Asked for both, the caller gets neither: the case is still open.
    expect((await caller.integrationCase.get({ caseNo: "BIZ-2026-0001" })).status).toBe("received");
  });

  test("a business system's prompt at a window nobody signed in at is not withdrawn by the sweep: it waits for its timeout", async () => {
    const caller = await manager();
    await caller.integrationCase.upsert(body({ receivedAt: new Date(Date.now() - 3_600_000).toISOString() }));
    const { promptId } = await caller.integrationCase.complete({ caseNo: "BIZ-2026-0001", promptEvaluator: true });
    // The case's staff member has no console session at all; the sweep half a minute later leaves the prompt open.
    expect(await sweepLapsedPrompts({ db: getDb(), bus: api.bus, now: new Date(Date.now() + 30_000) })).toEqual({
      withdrawn: 0,
      timedOut: 0,
    });
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    expect((await device.kiosk.state()).pending.map((prompt) => prompt.promptId)).toEqual([promptId]);
    // Unanswered past the hall's timeout and the grace, the server times it out.
    expect(await sweepLapsedPrompts({ db: getDb(), bus: api.bus, now: new Date(Date.now() + 10 * 60_000) })).toEqual({
      withdrawn: 0,
      timedOut: 1,
    });
    expect((await device.kiosk.state()).pending).toEqual([]);
  });
});
