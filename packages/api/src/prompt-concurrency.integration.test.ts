import { describe, expect, test } from "vitest";

import { createHallFixture } from "@hcp/db/testing";
import type { THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import type { TCaller } from "../test/harness";
import { apiHarness } from "../test/harness";
import { AppError } from "./errors";

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
    const created = await staff.case.create({ serviceItemId: hall.itemIds.instant, applicantType: "person", applicantName: `市民${index}`, applicantPhone: "13812345678" });
    await staff.case.complete({ caseId: created.id });
    ids.push(created.id);
  }
  return ids;
}

/** What a call ended in: its value, or the refusal's app code — never an unexpected failure. */
async function outcome<T>(call: Promise<T>): Promise<{ value: T } | { refused: string }> {
  try {
    return { value: await call };
  } catch (error) {
    if (error instanceof AppError && error.code !== "INTERNAL_SERVER_ERROR") return { refused: error.appCode };
    throw error;
  }
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
    const cases = [...(await completedCases(first, 4)).map((caseId) => ({ staff: first, caseId })), ...(await completedCases(second, 4)).map((caseId) => ({ staff: second, caseId }))];

    // Every case invited twice in the same instant (a double press, or a retry racing the first).
    const calls = [...cases, ...cases].map(({ staff, caseId }) => outcome(staff.case.inviteRating({ caseId })).then((result) => ({ caseId, result })));
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
});
