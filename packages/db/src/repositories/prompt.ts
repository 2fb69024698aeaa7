import type { Db } from "../client";
import type { RatingPrompt } from "../schema";

export async function insertPrompt(
  db: Db,
  prompt: { caseId: number; windowId: number; staffId: number | null; now: Date },
): Promise<number> {
  const result = await db
    .insertInto("rating_prompt")
    .values({
      case_id: prompt.caseId,
      window_id: prompt.windowId,
      staff_id: prompt.staffId,
      status: "pending",
      created_at: prompt.now,
      closed_at: null,
    })
    .executeTakeFirstOrThrow();
  return Number(result.insertId);
}

export interface TPromptView {
  promptId: number;
  windowId: number;
  caseId: number;
  caseNo: string;
  itemName: string;
  departmentName: string;
  createdAt: Date;
}

/** Open prompts of a window after a given id, oldest first: what a reconnecting evaluator replays. */
export async function listPendingPrompts(db: Db, windowId: number, afterId = 0): Promise<TPromptView[]> {
  return db
    .selectFrom("rating_prompt")
    .innerJoin("case", "case.id", "rating_prompt.case_id")
    .innerJoin("service_item", "service_item.id", "case.service_item_id")
    .innerJoin("department", "department.id", "case.department_id")
    .select([
      "rating_prompt.id as promptId",
      "rating_prompt.window_id as windowId",
      "case.id as caseId",
      "case.case_no as caseNo",
      "service_item.name as itemName",
      "department.name as departmentName",
      "rating_prompt.created_at as createdAt",
    ])
    .where("rating_prompt.window_id", "=", windowId)
    .where("rating_prompt.status", "=", "pending")
    .where("rating_prompt.id", ">", afterId)
    .orderBy("rating_prompt.id")
    .execute();
}

export async function findPrompt(db: Db, promptId: number): Promise<RatingPrompt | undefined> {
  return db.selectFrom("rating_prompt").selectAll().where("id", "=", promptId).executeTakeFirst();
}

export async function closePrompt(
  db: Db,
  promptId: number,
  status: Exclude<RatingPrompt["status"], "pending">,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("rating_prompt")
    .set({ status, closed_at: now })
    .where("id", "=", promptId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Closes every open prompt of a case, e.g. once it has been rated on any channel. */
export async function closePromptsOfCase(db: Db, caseId: number, status: "rated" | "cancelled", now: Date): Promise<void> {
  await db
    .updateTable("rating_prompt")
    .set({ status, closed_at: now })
    .where("case_id", "=", caseId)
    .where("status", "=", "pending")
    .execute();
}
