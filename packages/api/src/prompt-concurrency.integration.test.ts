import { randomUUID } from "node:crypto";

import { describe, expect, test } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, outcome, type TCaller } from "../test/harness";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

/** Completed cases of the staff member, received at the window they are signed in at. */
async function completedCases(staff: TCaller, count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const created = await staff.case.create({
      serviceItemId: hall.itemIds.instant,
      applicantType: "person",
      applicantName: `市民${index}`,
      applicantPhone: "13812345678",
    });
    await staff.case.complete({ caseId: created.id });
    ids.push(created.id);
  }
  return ids;
}

async function promptsOf(caseIds: readonly number[]) {
  return getDb()
    .selectFrom("rating_prompt as p")
    .leftJoin("window_presence as wp", "wp.id", "p.presence_id")
    .select(["p.id", "p.case_id", "p.status", "wp.staff_id as presenceStaffId", "wp.signed_out_at as presenceEnded"])
    .where("p.case_id", "in", [...caseIds])
    .orderBy("p.id")
    .execute();
}

async function ratedCaseIds(caseIds: readonly number[]): Promise<number[]> {
  const rows = await getDb()
    .selectFrom("rating")
    .select("case_id")
    .where("case_id", "in", [...caseIds])
    .execute();
  return rows.map((row) => row.case_id);
}

async function openPromptsOf(caseIds: readonly number[]) {
  return getDb()
    .selectFrom("rating_prompt")
    .select(["id", "case_id", "window_id"])
    .where("case_id", "in", [...caseIds])
    .where("status", "=", "pending")
    .orderBy("id")
    .execute();
}

async function inviteAudits(caseIds: readonly number[]) {
  return getDb()
    .selectFrom("audit_log")
    .select(["entity_id", "detail"])
    .where("action", "=", "rating.invite")
    .where("entity", "=", "case")
    .where("entity_id", "in", caseIds.map(String))
    .orderBy("id")
    .execute();
}

describe("请评价 pressed concurrently", () => {
  test("at two windows, several cases each and each case twice at once: every call gets its case's one prompt, each pushed and audited once", async () => {
    const first = await api.signedIn(hall.users.window_staff.username);
    const second = await api.signedIn(hall.users.secondStaff.username);
    await first.window.signIn({ windowId: hall.windowIds[0] });
    await second.window.signIn({ windowId: hall.windowIds[1] });
    const cases = [
      ...(await completedCases(first, 4)).map((caseId) => ({ staff: first, caseId })),
      ...(await completedCases(second, 4)).map((caseId) => ({ staff: second, caseId })),
    ];

    // Every case invited twice in the same instant (a double press, or a retry racing the first).
    const calls = [...cases, ...cases].map(({ staff, caseId }) =>
      outcome(staff.case.inviteRating({ caseId })).then((result) => ({ caseId, result })),
    );
    const results = await Promise.all(calls);

    const caseIds = cases.map(({ caseId }) => caseId);
    const open = await openPromptsOf(caseIds);
    expect(open.map((prompt) => prompt.case_id).sort()).toEqual([...caseIds].sort());
    for (const { caseId, result } of results) {
      expect(result).toEqual({ value: { promptId: open.find((prompt) => prompt.case_id === caseId)?.id } });
    }
    const audits = await inviteAudits(caseIds);
    expect(audits.map((audit) => Number(audit.entity_id)).sort()).toEqual([...caseIds].sort());
  });

  test("a rating, 请评价 again and 撤回推送 of the same cases at once: each ends in a result or a precise refusal, and a rated case keeps no open prompt", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    const caseIds = await completedCases(staff, 6);
    const cases = await Promise.all(
      caseIds.map(async (caseId) => ({ caseId, ...(await staff.case.inviteRating({ caseId })) })),
    );
    const caseNos = new Map((await staff.case.mine()).map((row) => [row.id, row.caseNo]));

    const results = await Promise.all(
      cases.flatMap(({ caseId, promptId }) => [
        outcome(
          device.rating.submit({ caseNo: caseNos.get(caseId) ?? "", level: 5, idempotencyKey: randomUUID(), promptId }),
        ),
        outcome(staff.case.inviteRating({ caseId })),
        outcome(staff.case.withdrawInvitation({ caseId })),
      ]),
    );
    const refusals = results.flatMap((result) => ("refused" in result ? [result.refused] : []));
    for (const code of refusals) expect(["ALREADY_RATED", "PROMPT_CLOSED", "PROMPT_NOT_FOUND"]).toContain(code);

    const prompts = await promptsOf(caseIds);
    const rated = await ratedCaseIds(caseIds);
    for (const caseId of caseIds) {
      const open = prompts.filter((prompt) => prompt.case_id === caseId && prompt.status === "pending");
      expect(open.length).toBeLessThanOrEqual(rated.includes(caseId) ? 0 : 1);
    }
    expect(new Set(rated).size).toBe(rated.length);
    const audits = await inviteAudits(caseIds);
    expect(audits.map((audit) => (JSON.parse(audit.detail) as { promptId: number }).promptId).sort()).toEqual(
      prompts.map((prompt) => prompt.id).sort(),
    );
  });

  test("请评价 while another staff member signs in at the window: no case of the ended session stays on the evaluator", async () => {
    const first = await api.signedIn(hall.users.window_staff.username);
    const second = await api.signedIn(hall.users.secondStaff.username);
    await first.window.signIn({ windowId: hall.windowIds[0] });
    const caseIds = await completedCases(first, 6);

    const [signIn, ...invites] = await Promise.all([
      outcome(second.window.signIn({ windowId: hall.windowIds[0] })),
      ...caseIds.map((caseId) => outcome(first.case.inviteRating({ caseId }))),
    ]);
    expect(signIn).toEqual({ value: { windowId: hall.windowIds[0] } });
    for (const invite of invites) if ("refused" in invite) expect(invite.refused).toBe("NOT_AT_WINDOW");

    // The first staff member's session has ended: their prompts are withdrawn with it, and none
    // joined the second one's session.
    const prompts = await promptsOf(caseIds);
    expect(prompts.filter((prompt) => prompt.status === "pending")).toEqual([]);
    expect(prompts.filter((prompt) => prompt.presenceStaffId !== hall.staffIds[0])).toEqual([]);
    const audits = await inviteAudits(caseIds);
    expect(audits.length).toBe(prompts.length);
  });
});
