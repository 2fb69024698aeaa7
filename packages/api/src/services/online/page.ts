import {
  findCaseNames,
  findRatingOfCase,
  findWorkOrderOfCase,
  listRatingReasons,
  type Case,
  type Rating,
} from "@hcp/db";
import type { TLevel, TWorkOrderState } from "@hcp/domain";

import type { TContext } from "../../context-types";
import { ratingDeadlineOf } from "../rating/window";
import { issueRatingToken, type TRatingVia } from "./token";

/** `follow_up`: rated, its bad review rectified and answered, so one 追评 is open. */
type TOnlineCaseStatus = "open" | "follow_up" | "rated" | "not_completed" | "closed";

interface TRecordedRating {
  level: TLevel;
  reasonCodes: string[];
  ratedAt: string;
}

export interface TOnlineCase {
  caseNo: string;
  itemName: string;
  departmentName: string;
  windowName: string | null;
  completedAt: string | null;
  /** end of the rating window; null until the case is completed */
  ratingDeadline: string | null;
  status: TOnlineCaseStatus;
  /** the recorded first rating, shown back to the citizen */
  rating: TRecordedRating | null;
  /** the follow-up rating (追评), if one was given */
  followUp: TRecordedRating | null;
  /** where the bad review's work order stands, and the department's answer once given */
  workOrder: { state: TWorkOrderState; reply: string | null } | null;
  /** present only while the case can be rated (first rating or follow-up) */
  ratingToken: string | null;
}

async function recorded(ctx: TContext, rating: Rating | undefined): Promise<TRecordedRating | null> {
  if (!rating) return null;
  return {
    level: rating.level,
    reasonCodes: await listRatingReasons(ctx.db, rating.id),
    ratedAt: rating.rated_at.toISOString(),
  };
}

/** Work-order states after which the department has answered the citizen. */
const ANSWERED_STATES = new Set(["replied", "closed"]);

/** The page of a found case: what it is, where its rating stands, and a token while it can be rated. */
export async function onlineCase(ctx: TContext, row: Case, via: TRatingVia): Promise<TOnlineCase> {
  const now = ctx.now();
  const [summary, first, second, order, deadline] = await Promise.all([
    findCaseNames(ctx.db, row),
    findRatingOfCase(ctx.db, row.id, 1),
    findRatingOfCase(ctx.db, row.id, 2),
    findWorkOrderOfCase(ctx.db, row.id),
    ratingDeadlineOf(ctx, row),
  ]);
  // The same rules as submitRating, so the page never offers a form the service would refuse.
  const windowOpen = deadline !== null && now.getTime() <= deadline.getTime();
  const followUpDeadline = order?.replied_at ? await ratingDeadlineOf(ctx, row, order.replied_at) : null;
  const followUpOpen = followUpDeadline !== null && now.getTime() <= followUpDeadline.getTime();
  let status: TOnlineCaseStatus;
  if (row.status !== "completed" || !deadline) status = "not_completed";
  else if (!first) status = windowOpen ? "open" : "closed";
  else if (!second && order?.state === "replied" && order.rectified_at !== null && followUpOpen) status = "follow_up";
  else status = "rated";
  return {
    caseNo: row.case_no,
    ...summary,
    completedAt: row.completed_at?.toISOString() ?? null,
    ratingDeadline: (status === "follow_up" ? followUpDeadline : deadline)?.toISOString() ?? null,
    status,
    rating: await recorded(ctx, first),
    followUp: await recorded(ctx, second),
    // The column holds only states the domain's state machine wrote.
    workOrder: order
      ? { state: order.state, reply: ANSWERED_STATES.has(order.state) && order.reply !== "" ? order.reply : null }
      : null,
    ratingToken: status === "open" || status === "follow_up" ? issueRatingToken(ctx.dataKey, row.id, now, via) : null,
  };
}
