import { sql } from "kysely";

import type { Db } from "../client";
import type { RatingPrompt } from "../schema";

export async function insertPrompt(
  db: Db,
  prompt: { caseId: number; windowId: number; staffId: number | null; presenceId: number | null; now: Date },
): Promise<number> {
  const result = await db
    .insertInto("rating_prompt")
    .values({
      case_id: prompt.caseId,
      window_id: prompt.windowId,
      staff_id: prompt.staffId,
      presence_id: prompt.presenceId,
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

/**
 * Open prompts of a window's current staff session after a given id, oldest first: what a
 * reconnecting evaluator replays. A prompt of an earlier session is never replayed, even if it
 * was somehow left open (`<=>`: with nobody signed in, only prompts pushed with nobody signed in).
 */
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
    .where(
      sql<boolean>`rating_prompt.presence_id <=> (select wp.id from window_presence wp where wp.window_id = ${windowId} and wp.signed_out_at is null limit 1)`,
    )
    .orderBy("rating_prompt.id")
    .execute();
}

/**
 * The open prompt of a case at a window, if any. A plain read, to be made under `lockCase`: a
 * locking read here found nothing for a new case and so locked the gap of `case_id` where the
 * next case's prompt goes — two invites (of any two cases next to each other, at any windows)
 * each held that gap and each waited for the other's to insert: ER_LOCK_DEADLOCK (1213).
 */
export async function findOpenPromptOfCase(
  db: Db,
  caseId: number,
  windowId: number,
): Promise<RatingPrompt | undefined> {
  return db
    .selectFrom("rating_prompt")
    .selectAll()
    .where("case_id", "=", caseId)
    .where("window_id", "=", windowId)
    .where("status", "=", "pending")
    .orderBy("id")
    .executeTakeFirst();
}

export async function findPrompt(db: Db, promptId: number): Promise<RatingPrompt | undefined> {
  return db.selectFrom("rating_prompt").selectAll().where("id", "=", promptId).executeTakeFirst();
}

/** Prompts by id, for ratings that name the prompt they answer. */
export async function findPromptsByIds(db: Db, ids: readonly number[]): Promise<RatingPrompt[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("rating_prompt").selectAll().where("id", "in", ids).execute();
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

/** Closes every open prompt of the cases, e.g. once each has been rated on any channel. */
export async function closePromptsOfCases(
  db: Db,
  caseIds: readonly number[],
  status: "rated" | "cancelled",
  now: Date,
): Promise<void> {
  if (caseIds.length === 0) return;
  await db
    .updateTable("rating_prompt")
    .set({ status, closed_at: now })
    .where("case_id", "in", [...caseIds])
    .where("status", "=", "pending")
    .execute();
}

export interface TWithdrawnPrompt {
  id: number;
  windowId: number;
  caseId: number;
}

/**
 * Withdraws open prompts — of some windows, of a staff member, of a case, or by id — and returns those it
 * closed. Locks them first, so a concurrent rating or timeout either lands before (and the prompt
 * is not open any more) or finds it withdrawn.
 */
export async function withdrawPrompts(
  db: Db,
  which: { windowIds: readonly number[] } | { staffId: number } | { caseId: number } | { promptIds: readonly number[] },
  now: Date,
): Promise<TWithdrawnPrompt[]> {
  let query = db
    .selectFrom("rating_prompt")
    .select(["id", "window_id as windowId", "case_id as caseId"])
    .where("status", "=", "pending");
  if ("windowIds" in which) {
    if (which.windowIds.length === 0) return [];
    query = query.where("window_id", "in", which.windowIds);
  } else if ("staffId" in which) {
    query = query.where("staff_id", "=", which.staffId);
  } else if ("caseId" in which) {
    query = query.where("case_id", "=", which.caseId);
  } else {
    if (which.promptIds.length === 0) return [];
    query = query.where("id", "in", which.promptIds);
  }
  return closeLocked(db, await query.orderBy("id").forUpdate().execute(), "withdrawn", now);
}

/** Closes prompts just read open under lock, and returns them. */
async function closeLocked(
  db: Db,
  open: TWithdrawnPrompt[],
  status: "withdrawn" | "timed_out",
  now: Date,
): Promise<TWithdrawnPrompt[]> {
  if (open.length === 0) return [];
  await db
    .updateTable("rating_prompt")
    .set({ status, closed_at: now })
    .where(
      "id",
      "in",
      open.map((prompt) => prompt.id),
    )
    .where("status", "=", "pending")
    .execute();
  return open;
}

/** An evaluator put an open prompt of its window on screen (评价中); the first time counts. */
export async function markPromptShown(
  db: Db,
  prompt: { promptId: number; windowId: number; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable("rating_prompt")
    .set({ shown_at: prompt.now })
    .where("id", "=", prompt.promptId)
    .where("window_id", "=", prompt.windowId)
    .where("status", "=", "pending")
    .where("shown_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export type TPromptState = "pushed" | "showing" | "rated" | "timed_out" | "withdrawn";

/** What the desk shows for a prompt: 已推送, 评价中, 已评价, 已超时, 已撤回. */
export function promptState(prompt: Pick<RatingPrompt, "status" | "shown_at">): TPromptState {
  switch (prompt.status) {
    case "pending":
      return prompt.shown_at === null ? "pushed" : "showing";
    case "rated":
      return "rated";
    case "timed_out":
      return "timed_out";
    case "cancelled":
    case "withdrawn":
      return "withdrawn";
  }
}

/** The latest prompt of each case, for the desk's case list. */
export async function latestPromptsOfCases(db: Db, caseIds: readonly number[]): Promise<Map<number, RatingPrompt>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db.selectFrom("rating_prompt").selectAll().where("case_id", "in", caseIds).orderBy("id").execute();
  return new Map(rows.map((row) => [row.case_id, row]));
}

/**
 * Open prompts nobody can stand behind any more, for the server's sweep: those of a staff session
 * at a window (亮牌, `presence_id`) whose staff member has no console session alive any more
 * (退出登录 everywhere, or every session past its absolute end or the idle limit) — a business
 * system's prompt at a window nobody signed in at has no such session and is left to its
 * timeout — and those left unanswered past their hall's evaluator
 * timeout plus `graceMs` since they were shown (or pushed, when no evaluator showed them) — an
 * evaluator that was offline would otherwise replay them to the next citizen when it reconnects.
 */
export async function listLapsedPrompts(
  db: Db,
  now: Date,
  limits: { idleMs: number; graceMs: number },
): Promise<{ sessionEnded: number[]; timedOut: number[] }> {
  const idleSince = new Date(now.getTime() - limits.idleMs);
  const rows = await db
    .selectFrom("rating_prompt as p")
    .innerJoin("window as w", "w.id", "p.window_id")
    .innerJoin("hall as h", "h.id", "w.hall_id")
    .leftJoin("window_presence as wp", "wp.id", "p.presence_id")
    .select((eb) => [
      "p.id",
      eb
        .and([
          eb("wp.id", "is not", null),
          eb.not(
            eb.exists(
              eb
                .selectFrom("session as s")
                .innerJoin("user as u", "u.id", "s.user_id")
                .select("s.id")
                .whereRef("u.staff_id", "=", "wp.staff_id")
                .where("s.expires_at", ">", now)
                .where("s.last_seen_at", ">", idleSince),
            ),
          ),
        ])
        .as("sessionEnded"),
      sql<boolean>`timestampadd(microsecond, (h.prompt_timeout_seconds * 1000 + ${limits.graceMs}) * 1000, coalesce(p.shown_at, p.created_at)) < ${now}`.as(
        "timedOut",
      ),
    ])
    .where("p.status", "=", "pending")
    .execute();
  return {
    sessionEnded: rows.filter((row) => Boolean(row.sessionEnded)).map((row) => row.id),
    timedOut: rows.filter((row) => !row.sessionEnded && Boolean(row.timedOut)).map((row) => row.id),
  };
}

/** Closes open prompts as timed out by the server, returning those it closed (locked first). */
export async function timeOutPrompts(db: Db, promptIds: readonly number[], now: Date): Promise<TWithdrawnPrompt[]> {
  if (promptIds.length === 0) return [];
  const open = await db
    .selectFrom("rating_prompt")
    .select(["id", "window_id as windowId", "case_id as caseId"])
    .where("id", "in", promptIds)
    .where("status", "=", "pending")
    .orderBy("id")
    .forUpdate()
    .execute();
  return closeLocked(db, open, "timed_out", now);
}
