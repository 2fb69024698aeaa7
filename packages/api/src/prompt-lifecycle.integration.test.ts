import { randomUUID } from "node:crypto";

import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf, nextTracked, type TCaller } from "../test/harness";
import type { TWindowEvent } from "./bus";
import { sweepLapsedPrompts } from "./services/prompts";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});

/** The server's clock; moved on where a rule is measured in time. */
let clock: Date | null = null;
const api = apiHarness(getDb, { now: () => clock ?? new Date() });
const MINUTE = 60_000;
const DAY = 86_400_000;

function advance(ms: number): Date {
  clock = new Date((clock ?? new Date()).getTime() + ms);
  return clock;
}

beforeEach(() => {
  clock = null;
});

interface TCaseRef {
  caseId: number;
  caseNo: string;
}

/** Receives cases at the staff member's window up to the given daily number; completes the listed ones. */
async function casesUpTo(staff: TCaller, last: number, completed: readonly number[]): Promise<Map<number, TCaseRef>> {
  const cases = new Map<number, TCaseRef>();
  for (let sequence = 1; sequence <= last; sequence += 1) {
    const created = await staff.case.create({
      serviceItemId: hall.itemIds.instant,
      applicantType: "person",
      applicantName: `市民${sequence}`,
      applicantPhone: "13812345678",
    });
    expect(created.caseNo.endsWith(String(sequence).padStart(5, "0"))).toBe(true);
    if (completed.includes(sequence)) {
      await staff.case.complete({ caseId: created.id });
      cases.set(sequence, { caseId: created.id, caseNo: created.caseNo });
    }
  }
  return cases;
}

function caseOf(cases: Map<number, TCaseRef>, sequence: number): TCaseRef {
  const found = cases.get(sequence);
  if (!found) throw new Error(`case ${sequence} was not completed`);
  return found;
}

async function promptRows(caseId: number) {
  return getDb()
    .selectFrom("rating_prompt")
    .select(["id", "status", "presence_id"])
    .where("case_id", "=", caseId)
    .orderBy("id")
    .execute();
}

async function auditActions(caseId: number): Promise<{ action: string; detail: string }[]> {
  return getDb()
    .selectFrom("audit_log")
    .select(["action", "detail"])
    .where("entity", "=", "case")
    .where("entity_id", "=", String(caseId))
    .where("action", "like", "rating.%")
    .orderBy("id")
    .execute();
}

/** Collects what the evaluator of a window would hear until `stop()`. */
function overhear(windowId: number): { events: TWindowEvent[]; stop: () => Promise<void> } {
  const abort = new AbortController();
  const events: TWindowEvent[] = [];
  const done = (async () => {
    for await (const [event] of api.bus.listen(windowId, abort.signal)) events.push(event);
  })().catch(() => undefined);
  return {
    events,
    stop: async () => {
      abort.abort();
      await done;
    },
  };
}

describe("a prompt belongs to one staff session at one window", () => {
  test("timed out, pushed again, 离岗, signed in again: the evaluator offers only the new session's cases, and the old one only online", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const cases = await casesUpTo(staff, 17, [14, 15, 17]);
    const c14 = caseOf(cases, 14);
    const c15 = caseOf(cases, 15);
    const c17 = caseOf(cases, 17);
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });

    // …0014 is pushed and nobody answers: the evaluator times it out.
    const first = await staff.case.inviteRating({ caseId: c14.caseId });
    expect(await device.kiosk.timeout({ promptId: first.promptId })).toEqual({ closed: true });
    // 重新推送 writes a new prompt; the timed-out one is never reopened.
    const again = await staff.case.inviteRating({ caseId: c14.caseId });
    expect(again.promptId).not.toBe(first.promptId);
    expect((await staff.case.mine()).find((row) => row.id === c14.caseId)?.prompt).toMatchObject({
      id: again.promptId,
      state: "pushed",
    });

    // The evaluator has lost its connection (nobody listens); staff press 离岗.
    await staff.window.signOut();
    expect(await promptRows(c14.caseId)).toEqual([
      { id: first.promptId, status: "timed_out", presence_id: expect.any(Number) as unknown },
      { id: again.promptId, status: "withdrawn", presence_id: expect.any(Number) as unknown },
    ]);
    expect((await staff.case.mine()).find((row) => row.id === c14.caseId)?.prompt?.state).toBe("withdrawn");

    // Later the same staff sign in again and push …0015 and …0017.
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const p15 = await staff.case.inviteRating({ caseId: c15.caseId });
    const p17 = await staff.case.inviteRating({ caseId: c17.caseId });

    // The evaluator reconnects: its snapshot holds …0015 then …0017, nothing of …0014.
    const feed = (await device.kiosk.events())[Symbol.asyncIterator]();
    const snapshot = (await nextTracked(feed)).data as {
      type: string;
      pending: { promptId: number; caseNo: string; itemName: string }[];
    };
    await feed.return?.();
    expect(snapshot.type).toBe("snapshot");
    expect(snapshot.pending.map((prompt) => [prompt.promptId, prompt.caseNo])).toEqual([
      [p15.promptId, c15.caseNo],
      [p17.promptId, c17.caseNo],
    ]);
    expect(snapshot.pending.every((prompt) => prompt.itemName === "个体工商户设立登记")).toBe(true);

    // A stale screen answering the withdrawn prompt lands nothing on …0014.
    expect(
      await appCodeOf(
        device.rating.submit({
          caseNo: c14.caseNo,
          level: 5,
          idempotencyKey: randomUUID(),
          promptId: again.promptId,
          ratedAt: new Date().toISOString(),
        }),
      ),
    ).toBe("PROMPT_CLOSED");
    expect(
      await appCodeOf(
        device.rating.submit({ caseNo: c14.caseNo, level: 5, idempotencyKey: randomUUID(), promptId: first.promptId }),
      ),
    ).toBe("PROMPT_CLOSED");

    // The citizen at the window rates …0015, then …0017, one after the other.
    await device.rating.submit({ caseNo: c15.caseNo, level: 5, idempotencyKey: randomUUID(), promptId: p15.promptId });
    expect((await device.kiosk.state()).pending.map((prompt) => prompt.caseNo)).toEqual([c17.caseNo]);
    await device.rating.submit({
      caseNo: c17.caseNo,
      level: 4,
      reasonCodes: ["409"],
      idempotencyKey: randomUUID(),
      promptId: p17.promptId,
    });
    expect((await device.kiosk.state()).pending).toEqual([]);
    const stored = await getDb()
      .selectFrom("rating")
      .select(["case_id", "prompt_id", "channel"])
      .orderBy("id")
      .execute();
    expect(stored).toEqual([
      { case_id: c15.caseId, prompt_id: p15.promptId, channel: 4 },
      { case_id: c17.caseId, prompt_id: p17.promptId, channel: 4 },
    ]);

    // …0014 stays rateable online, only within its rating window.
    const visitor = await api.caller({ ip: "10.9.0.1" });
    advance(7 * DAY + MINUTE);
    const late = await visitor.online.lookup({ caseNo: c14.caseNo, phoneLast4: "5678" });
    expect(late).toMatchObject({ status: "closed", ratingToken: null });
    clock = null;
    const found = await visitor.online.lookup({ caseNo: c14.caseNo, phoneLast4: "5678" });
    const online = await visitor.online.submit({
      token: found.ratingToken ?? "",
      channel: 2,
      level: 3,
      reasonCodes: ["309"],
      idempotencyKey: randomUUID(),
    });
    expect(online.caseNo).toBe(c14.caseNo);
    expect(
      await getDb().selectFrom("rating").select(["channel", "prompt_id"]).where("case_id", "=", c14.caseId).execute(),
    ).toEqual([{ channel: 2, prompt_id: null }]);

    // The trail says what happened to each prompt of …0014: pushed, timed out, pushed, withdrawn at 离岗.
    const trail = await auditActions(c14.caseId);
    expect(trail.map((record) => record.action)).toEqual([
      "rating.invite",
      "rating.promptTimedOut",
      "rating.invite",
      "rating.promptWithdrawn",
    ]);
    expect(JSON.parse(trail[3]?.detail ?? "{}")).toEqual({
      promptId: again.promptId,
      windowId: hall.windowIds[0],
      reason: "signOut",
    });
  });

  test("signing in at another window withdraws the open prompts at the one left, and the evaluator there hears it", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const cases = await casesUpTo(staff, 1, [1]);
    const c1 = caseOf(cases, 1);
    const { promptId } = await staff.case.inviteRating({ caseId: c1.caseId });
    const left = overhear(hall.windowIds[0]);
    await staff.window.signIn({ windowId: hall.windowIds[1] });
    await left.stop();
    expect(left.events[0]).toEqual({ type: "promptClosed", promptId, status: "withdrawn" });
    expect(await promptRows(c1.caseId)).toMatchObject([{ id: promptId, status: "withdrawn" }]);
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    expect((await device.kiosk.state()).pending).toEqual([]);
    expect(JSON.parse((await auditActions(c1.caseId)).at(-1)?.detail ?? "{}")).toMatchObject({
      promptId,
      reason: "signIn",
    });
  });

  test("another staff member signing in at the window withdraws the previous occupant's prompts", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const c1 = caseOf(await casesUpTo(staff, 1, [1]), 1);
    const { promptId } = await staff.case.inviteRating({ caseId: c1.caseId });
    const other = await api.signedIn(hall.users.secondStaff.username);
    await other.window.signIn({ windowId: hall.windowIds[0] });
    expect(await promptRows(c1.caseId)).toMatchObject([{ id: promptId, status: "withdrawn" }]);
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    expect((await device.kiosk.state()).pending).toEqual([]);
  });

  test("退出登录 ends the staff session: the prompts they pushed are withdrawn", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const c1 = caseOf(await casesUpTo(staff, 1, [1]), 1);
    const { promptId } = await staff.case.inviteRating({ caseId: c1.caseId });
    await staff.auth.signOut();
    expect(await promptRows(c1.caseId)).toMatchObject([{ id: promptId, status: "withdrawn" }]);
    expect(JSON.parse((await auditActions(c1.caseId)).at(-1)?.detail ?? "{}")).toMatchObject({
      promptId,
      reason: "sessionEnded",
    });
  });

  test("退出所有设备 ends every session: the prompts they pushed are withdrawn at once", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const c1 = caseOf(await casesUpTo(staff, 1, [1]), 1);
    const { promptId } = await staff.case.inviteRating({ caseId: c1.caseId });
    await staff.auth.signOutEverywhere();
    expect(await promptRows(c1.caseId)).toMatchObject([{ id: promptId, status: "withdrawn" }]);
    expect(JSON.parse((await auditActions(c1.caseId)).at(-1)?.detail ?? "{}")).toMatchObject({
      promptId,
      reason: "sessionEnded",
    });
  });

  test("a tap made before the prompt was withdrawn, delivered late from the outbox, still counts", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const c1 = caseOf(await casesUpTo(staff, 1, [1]), 1);
    const { promptId } = await staff.case.inviteRating({ caseId: c1.caseId });
    const tappedAt = new Date().toISOString();
    advance(MINUTE);
    await staff.window.signOut();
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    const rating = await device.rating.submit({
      caseNo: c1.caseNo,
      level: 5,
      idempotencyKey: randomUUID(),
      promptId,
      ratedAt: tappedAt,
    });
    expect(rating).toMatchObject({ caseNo: c1.caseNo, ratedAt: tappedAt });
    expect(await promptRows(c1.caseId)).toMatchObject([{ id: promptId, status: "withdrawn" }]);
  });
});

describe("撤回推送", () => {
  test("takes the case off the evaluator as withdrawn, audited; the desk follows the prompt's state", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const cases = await casesUpTo(staff, 2, [1, 2]);
    const c1 = caseOf(cases, 1);
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    const stateOf = async (caseId: number) =>
      (await staff.case.mine()).find((row) => row.id === caseId)?.prompt?.state ?? null;

    expect(await stateOf(c1.caseId)).toBeNull();
    const { promptId } = await staff.case.inviteRating({ caseId: c1.caseId });
    expect(await stateOf(c1.caseId)).toBe("pushed");
    expect(await device.kiosk.promptShown({ promptId })).toEqual({ shown: true });
    expect(await stateOf(c1.caseId)).toBe("showing");

    // Another staff member cannot take it off.
    const other = await api.signedIn(hall.users.secondStaff.username);
    await other.window.signIn({ windowId: hall.windowIds[1] });
    expect(await appCodeOf(other.case.withdrawInvitation({ caseId: c1.caseId }))).toBe("CASE_NOT_YOURS");

    const heard = overhear(hall.windowIds[0]);
    expect(await staff.case.withdrawInvitation({ caseId: c1.caseId })).toEqual({ withdrawn: 1 });
    await heard.stop();
    expect(heard.events).toEqual([{ type: "promptClosed", promptId, status: "withdrawn" }]);
    expect(await stateOf(c1.caseId)).toBe("withdrawn");
    expect(await getDb().selectFrom("rating").select("id").execute()).toEqual([]);
    expect((await auditActions(c1.caseId)).map((record) => record.action)).toEqual([
      "rating.invite",
      "rating.promptWithdrawn",
    ]);
    expect((await device.kiosk.state()).pending).toEqual([]);
    // Nothing open any more: said so, and nothing more is written.
    expect(await appCodeOf(staff.case.withdrawInvitation({ caseId: c1.caseId }))).toBe("PROMPT_NOT_FOUND");
    expect(await auditActions(c1.caseId)).toHaveLength(2);
    expect(
      await appCodeOf(device.rating.submit({ caseNo: c1.caseNo, level: 5, idempotencyKey: randomUUID(), promptId })),
    ).toBe("PROMPT_CLOSED");

    // 重新推送 after it: a new prompt, on the evaluator again, rated through it.
    const again = await staff.case.inviteRating({ caseId: c1.caseId });
    expect(again.promptId).not.toBe(promptId);
    expect(await stateOf(c1.caseId)).toBe("pushed");
    await device.rating.submit({ caseNo: c1.caseNo, level: 5, idempotencyKey: randomUUID(), promptId: again.promptId });
    expect(await stateOf(c1.caseId)).toBe("rated");
    // A prompt of another window or case is not this rating's.
    const c2 = caseOf(cases, 2);
    await staff.case.inviteRating({ caseId: c2.caseId });
    expect(
      await appCodeOf(
        device.rating.submit({ caseNo: c2.caseNo, level: 5, idempotencyKey: randomUUID(), promptId: again.promptId }),
      ),
    ).toBe("PROMPT_NOT_FOUND");
  });
});

describe("the rating.invite record", () => {
  afterEach(async () => {
    await sql`drop trigger if exists audit_refuses_invite`.execute(getDb());
  });

  test("commits with its prompt: an audit write that fails leaves neither; a retry finds both, once", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const c1 = caseOf(await casesUpTo(staff, 1, [1]), 1);
    // The database refuses the second step, the audit record, as a crash between the two would.
    await sql
      .raw(
        `create trigger audit_refuses_invite before insert on audit_log for each row
         begin if new.action = 'rating.invite' then signal sqlstate '45000' set message_text = 'audit write refused'; end if; end`,
      )
      .execute(getDb());
    const heard = overhear(hall.windowIds[0]);
    await expect(staff.case.inviteRating({ caseId: c1.caseId })).rejects.toThrow();
    await heard.stop();
    expect(await promptRows(c1.caseId)).toEqual([]);
    expect(await auditActions(c1.caseId)).toEqual([]);
    expect(heard.events).toEqual([]);

    await sql`drop trigger audit_refuses_invite`.execute(getDb());
    const { promptId } = await staff.case.inviteRating({ caseId: c1.caseId });
    const retry = await staff.case.inviteRating({ caseId: c1.caseId });
    expect(retry.promptId).toBe(promptId);
    expect(await promptRows(c1.caseId)).toMatchObject([{ id: promptId, status: "pending" }]);
    const trail = await auditActions(c1.caseId);
    expect(trail.map((record) => [record.action, JSON.parse(record.detail) as unknown])).toEqual([
      ["rating.invite", { promptId, windowId: hall.windowIds[0] }],
    ]);
  });
});

describe("the server's sweep closes prompts nobody can stand behind", () => {
  test("a staff member whose every session lapsed (idle limit) has their open prompts withdrawn; a fresh push from a live session stays", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const cases = await casesUpTo(staff, 2, [1, 2]);
    const c1 = caseOf(cases, 1);
    const { promptId } = await staff.case.inviteRating({ caseId: c1.caseId });
    // Nothing lapses while the session is alive and the prompt is within its timeout.
    expect(await sweepLapsedPrompts({ db: getDb(), bus: api.bus, now: advance(30_000) })).toEqual({
      withdrawn: 0,
      timedOut: 0,
    });

    // The desk is left: two hours later the session has idled out and nobody signed out.
    const listening = overhear(hall.windowIds[0]);
    const later = advance(2 * 3_600_000 + MINUTE);
    expect(await sweepLapsedPrompts({ db: getDb(), bus: api.bus, now: later })).toEqual({ withdrawn: 1, timedOut: 0 });
    await listening.stop();
    expect(listening.events).toEqual([{ type: "promptClosed", promptId, status: "withdrawn" }]);
    expect(await promptRows(c1.caseId)).toMatchObject([{ id: promptId, status: "withdrawn" }]);
    expect(JSON.parse((await auditActions(c1.caseId)).at(-1)?.detail ?? "{}")).toEqual({
      promptId,
      windowId: hall.windowIds[0],
      reason: "sessionEnded",
    });
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    expect((await device.kiosk.state()).pending).toEqual([]);

    // Signed in again, the next push is the evaluator's, and a second sweep leaves it alone.
    const back = await api.signedIn(hall.users.window_staff.username);
    const c2 = caseOf(cases, 2);
    const fresh = await back.case.inviteRating({ caseId: c2.caseId });
    expect(await sweepLapsedPrompts({ db: getDb(), bus: api.bus, now: advance(10_000) })).toEqual({
      withdrawn: 0,
      timedOut: 0,
    });
    expect((await device.kiosk.state()).pending.map((prompt) => prompt.promptId)).toEqual([fresh.promptId]);
  });

  test("a prompt no evaluator answered within the hall's timeout and the grace is timed out, so an evaluator coming back online never shows it", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const c1 = caseOf(await casesUpTo(staff, 1, [1]), 1);
    // The evaluator is offline: the prompt is pushed and never shown.
    const { promptId } = await staff.case.inviteRating({ caseId: c1.caseId });
    const timeout = (
      await getDb()
        .selectFrom("hall")
        .select("prompt_timeout_seconds")
        .where("id", "=", hall.hallId)
        .executeTakeFirstOrThrow()
    ).prompt_timeout_seconds;
    // Within the timeout and the grace it still waits for the evaluator …
    expect(await sweepLapsedPrompts({ db: getDb(), bus: api.bus, now: advance(timeout * 1000 + 60_000) })).toEqual({
      withdrawn: 0,
      timedOut: 0,
    });
    // … but the session is kept alive meanwhile, and past the grace the server closes it.
    await staff.case.mine();
    expect(await sweepLapsedPrompts({ db: getDb(), bus: api.bus, now: advance(2 * 60_000) })).toEqual({
      withdrawn: 0,
      timedOut: 1,
    });
    expect(await promptRows(c1.caseId)).toMatchObject([{ id: promptId, status: "timed_out" }]);
    const trail = await auditActions(c1.caseId);
    expect(trail.map((record) => record.action)).toEqual(["rating.invite", "rating.promptTimedOut"]);
    expect(JSON.parse(trail[1]?.detail ?? "{}")).toEqual({ promptId, reason: "unanswered" });

    // The evaluator reconnects: nothing to show; 重新推送 writes a new prompt for the citizen still there.
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    const feed = (await device.kiosk.events())[Symbol.asyncIterator]();
    const snapshot = (await nextTracked(feed)).data as { type: string; pending: unknown[] };
    await feed.return?.();
    expect(snapshot.pending).toEqual([]);
    const again = await staff.case.inviteRating({ caseId: c1.caseId });
    expect(again.promptId).not.toBe(promptId);
  });
});
