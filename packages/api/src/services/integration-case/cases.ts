import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { ZodError } from "zod";

import { findCaseByNo, completeCase as markCaseCompleted, type Case } from "@hcp/db";
import type { TAppErrorCode } from "@hcp/domain";

import type { TContext } from "../../context-types";
import { appError, isDuplicateKey, type AppError } from "../../errors";
import type { TIntegrationCaller } from "../../routers/integration-access";
import { audit, type TAuditActor } from "../audit";
import { promptAtWindow } from "../cases";
import { loadLookups, planCase, type TFieldProblem } from "./plan";
import {
  CLOCK_SKEW_MS,
  type TIntegrationCaseUpsert,
  type TIntegrationCaseView,
  type TIntegrationComplete,
} from "./schema";
import { readIntegrationCase, writeCasePlans } from "./store";

export type TIntegrationContext = TContext & { integration: TIntegrationCaller };

/** Refusals about what the case would become (409) versus what the request says (422). */
const CONFLICTS: ReadonlySet<TAppErrorCode> = new Set([
  "CASE_NO_IN_OTHER_HALL",
  "CASE_REOPEN_REFUSED",
  "CASE_COMPLETED_AFTER_RATING",
]);

/**
 * The refusal for a row's problems: the first one's code and message, every field's messages as
 * details. trpc.ts reports a ZodError cause as `data.zodError.fieldErrors`, and an AppError takes
 * no cause of its own, so the problems are attached as one.
 */
export function fieldRefusal(problems: readonly TFieldProblem[]): AppError {
  const first = problems[0] ?? { field: "", code: "INVALID_INPUT", message: "" };
  const status: TRPC_ERROR_CODE_KEY = CONFLICTS.has(first.code) ? "CONFLICT" : "UNPROCESSABLE_CONTENT";
  const error = appError(first.code, status);
  const cause = new ZodError(
    problems.map((item) => ({ code: "custom" as const, path: [item.field], message: item.message, input: undefined })),
  );
  Object.defineProperty(error, "cause", { value: cause, configurable: true, writable: true });
  return error;
}

async function caseOfHall(ctx: TIntegrationContext, caseNo: string): Promise<Case> {
  const row = await findCaseByNo(ctx.db, caseNo);
  if (row?.hall_id !== ctx.integration.hallId || !row) throw appError("CASE_NOT_FOUND", "NOT_FOUND");
  return row;
}

/** The business system's account (or the console user) the records name. */
function integrationActor(ctx: TIntegrationContext): TAuditActor {
  const { actorUserId, actorRole } = ctx.integration;
  return { actorUserId, actorRole, now: ctx.now() };
}

/**
 * PUT /integration/cases/{caseNo}: create the case or bring it in line with the business system,
 * idempotent by case number — the same body twice writes once. Two first PUTs of one new number
 * race on the unique key; the loser plans again as an update of the winner's row.
 */
export async function upsertIntegrationCase(
  ctx: TIntegrationContext,
  input: TIntegrationCaseUpsert,
): Promise<{ outcome: "created" | "updated" | "unchanged"; case: TIntegrationCaseView }> {
  for (let attempt = 0; ; attempt++) {
    const lookups = await loadLookups(ctx.db, ctx.integration.hallId, [input]);
    const planned = planCase(input, { hallId: ctx.integration.hallId, now: ctx.now(), dataKey: ctx.dataKey, lookups });
    if (!planned.ok) throw fieldRefusal(planned.problems);
    const { plan } = planned;
    try {
      if (plan.kind !== "unchanged") {
        await ctx.db.transaction().execute(async (trx) => {
          const written = await writeCasePlans(trx, ctx.integration.hallId, [plan]);
          const caseId = written.caseIds.get(plan.caseNo) ?? 0;
          await audit(trx, integrationActor(ctx), {
            action: `case.integration.${plan.kind}`,
            entity: "case",
            entityId: caseId,
            detail: { caseNo: plan.caseNo },
          });
        });
      }
    } catch (error) {
      if (attempt === 0 && plan.kind === "create" && isDuplicateKey(error)) continue;
      throw error;
    }
    const row = await caseOfHall(ctx, input.caseNo);
    const outcome = plan.kind === "create" ? "created" : plan.kind === "update" ? "updated" : "unchanged";
    return { outcome, case: await readIntegrationCase(ctx.db, row) };
  }
}

/**
 * POST /integration/cases/{caseNo}/complete. Repeating it is harmless (a retry after a lost
 * answer); a different completion time for a completed case is refused — correct it with PUT.
 * With `promptEvaluator` the window's evaluator asks the citizen at once, as 请评价 does.
 */
export async function completeIntegrationCase(
  ctx: TIntegrationContext,
  input: TIntegrationComplete,
): Promise<{ case: TIntegrationCaseView; promptId: number | null }> {
  let row = await caseOfHall(ctx, input.caseNo);
  // Refused before completing: the caller asked for both, so neither happens.
  if (input.promptEvaluator && row.window_id === null) throw appError("CASE_HAS_NO_WINDOW", "PRECONDITION_FAILED");
  const now = ctx.now();
  if (row.completed_at) {
    if (input.completedAt && input.completedAt.getTime() !== row.completed_at.getTime())
      throw appError("CASE_ALREADY_COMPLETED", "CONFLICT");
  } else {
    const completedAt = input.completedAt ?? now;
    if (completedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
      throw fieldRefusal([{ field: "completedAt", code: "CASE_TIME_IN_FUTURE", message: "办结时间不能晚于当前时间" }]);
    if (completedAt < row.received_at)
      throw fieldRefusal([
        { field: "completedAt", code: "CASE_COMPLETED_BEFORE_RECEIVED", message: "办结时间不能早于受理时间" },
      ]);
    // A concurrent completion wins; this call then reads and returns what it wrote.
    const caseId = row.id;
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await markCaseCompleted(trx, caseId, completedAt))) return;
      await audit(trx, integrationActor(ctx), {
        action: "case.integration.complete",
        entity: "case",
        entityId: caseId,
        detail: { caseNo: input.caseNo },
      });
    });
    row = await caseOfHall(ctx, input.caseNo);
  }
  let promptId: number | null = null;
  if (input.promptEvaluator) {
    const windowId = row.window_id ?? 0;
    ({ promptId } = await promptAtWindow(ctx, row, {
      windowId: () => Promise.resolve(windowId),
      staffId: row.staff_id,
      actor: ctx.integration,
    }));
  }
  return { case: await readIntegrationCase(ctx.db, row), promptId };
}

/** GET /integration/cases/{caseNo}: the case, its ratings and its work order's state. */
export async function getIntegrationCase(ctx: TIntegrationContext, caseNo: string): Promise<TIntegrationCaseView> {
  return readIntegrationCase(ctx.db, await caseOfHall(ctx, caseNo));
}
