import type { z } from "zod";

import {
  applyWorkOrderStep,
  findHallById,
  findRatingSummary,
  findWorkOrder,
  findWorkOrderCase,
  insertRatingExclusion,
  insertWorkOrder,
  listActiveUserNames,
  listRatingReasons,
  listWorkOrderEvents,
  newWorkOrderRow,
  type Db,
  type WorkOrder,
} from "@hcp/db";
import {
  availableActions,
  hallDate,
  hallDayBounds,
  isKeyOf,
  MAX_EXTENSION_DAYS,
  nextStep,
  transition,
  WORK_ORDER_ACTIONS,
  WORK_ORDER_STATES,
  workingDaysLeft,
  type TNextActor,
  type TWorkOrderActor,
  type TWorkOrderSnapshot,
  type TWorkOrderState,
  type ZWorkOrderAct,
} from "@hcp/domain";

import type { TContext } from "../context-types";
import { appError } from "../errors";
import { actorOf, audit } from "./audit";
import { addHallWorkingDays, exceptionsCovering, provisionalCalendar } from "./calendar";
import { seesContactOnWorkOrder } from "./privacy";
import { orderDetailForViewer } from "./staff-view";

type TUserContext = TContext & { user: NonNullable<TContext["user"]> };
type TAct = z.output<typeof ZWorkOrderAct>;

/** Opens the work order of a bad rating; runs inside the rating's transaction. */
export async function openWorkOrder(
  trx: Db,
  rating: {
    id: number;
    case_id: number;
    hall_id: number;
    department_id: number;
    window_id: number | null;
    staff_id: number | null;
  },
  now: Date,
): Promise<number> {
  const hall = await findHallById(trx, rating.hall_id);
  const today = hallDate(now);
  const [contactDue, rectifyDue] = await Promise.all([
    addHallWorkingDays(trx, today, hall?.contact_due_days ?? 1),
    addHallWorkingDays(trx, today, hall?.rectify_due_days ?? 15),
  ]);
  return insertWorkOrder(trx, newWorkOrderRow(rating, { contact: contactDue, rectify: rectifyDue }, now), {
    action: "open",
    actorUserId: null,
    actorRole: "system",
    fromState: null,
    toState: "pending",
    note: "",
    now,
  });
}

function snapshot(order: WorkOrder): TWorkOrderSnapshot {
  return {
    state: order.state,
    stateBeforeAppeal: order.state_before_appeal,
    extension: order.extension,
  };
}

function workOrderActorOf(ctx: TUserContext, order: WorkOrder): TWorkOrderActor {
  return {
    role: ctx.user.role,
    ownsDepartment: ctx.user.department_id === order.department_id,
    isRatedStaff: ctx.user.staff_id !== null && ctx.user.staff_id === order.staff_id,
  };
}

/**
 * SPEC §3: staff never see a rating live. A bad review's order reaches the rated staff member's
 * own screen from the next hall day, as their own results do (performance.mine stops at
 * yesterday): the citizen may still be at the window when the order opens.
 */
function staffSeesFrom(ctx: TUserContext): Date {
  return hallDayBounds(hallDate(ctx.now())).start;
}

/** Who may read an order: its department's head, the staff member it is about (from the next day), and the hall's overseers. */
function canRead(ctx: TUserContext, order: WorkOrder): boolean {
  if (order.hall_id !== ctx.user.hall_id) return false;
  switch (ctx.user.role) {
    case "admin":
    case "hall_manager":
    case "auditor":
      return true;
    case "department_head":
      return ctx.user.department_id === order.department_id;
    case "window_staff":
      return (
        ctx.user.staff_id !== null && ctx.user.staff_id === order.staff_id && order.created_at < staffSeesFrom(ctx)
      );
  }
}

/** Scope of the queue: what list filters a role is held to (window staff: orders opened before today). */
export function queueScope(ctx: TUserContext): { departmentId?: number; staffId?: number; openedBefore?: Date } {
  switch (ctx.user.role) {
    case "department_head":
      return { departmentId: ctx.user.department_id ?? -1 };
    case "window_staff":
      return { staffId: ctx.user.staff_id ?? -1, openedBefore: staffSeesFrom(ctx) };
    default:
      return {};
  }
}

async function requireReadable(ctx: TUserContext, id: number): Promise<WorkOrder> {
  const order = await findWorkOrder(ctx.db, id);
  if (!order || !canRead(ctx, order)) throw appError("WORK_ORDER_NOT_FOUND", "NOT_FOUND");
  return order;
}

/** The columns a step sets besides the state, and what else it writes. */
async function stepChanges(
  ctx: TUserContext,
  order: WorkOrder,
  act: TAct,
  next: TWorkOrderSnapshot,
  now: Date,
): Promise<Partial<WorkOrder>> {
  const changes: Partial<WorkOrder> = {
    state: next.state,
    state_before_appeal: next.stateBeforeAppeal,
    extension: next.extension,
  };
  switch (act.action) {
    case "contact":
      changes.contacted_at = now;
      break;
    case "markRectified":
      changes.rectified_at = now;
      break;
    case "reply":
      changes.replied_at = now;
      changes.reply = act.note;
      break;
    case "close":
    case "upholdAppeal":
      changes.closed_at = now;
      break;
    case "requestExtension":
      changes.extension_days = Math.min(act.extensionDays ?? MAX_EXTENSION_DAYS, MAX_EXTENSION_DAYS);
      break;
    case "approveExtension":
      changes.rectify_due = await addHallWorkingDays(ctx.db, order.rectify_due, order.extension_days);
      break;
    default:
      break;
  }
  return changes;
}

/**
 * One step on an order: checked by the state machine, applied only if nobody moved the order
 * since the actor saw it, recorded as an event — and for an upheld appeal, the rating excluded
 * from the rates in the same transaction.
 */
export async function actOnWorkOrder(
  ctx: TUserContext,
  act: TAct,
): Promise<{ state: TWorkOrderState; version: number }> {
  const order = await requireReadable(ctx, act.workOrderId);
  const result = transition(snapshot(order), act.action, workOrderActorOf(ctx, order));
  if (!result.ok) throw appError(result.refusal, result.refusal === "WORK_ORDER_FORBIDDEN" ? "FORBIDDEN" : "CONFLICT");
  if (order.version !== act.version) throw appError("WORK_ORDER_CONFLICT", "CONFLICT");
  const now = ctx.now();
  const changes = await stepChanges(ctx, order, act, result.next, now);
  const applied = await ctx.db.transaction().execute(async (trx) => {
    const ok = await applyWorkOrderStep(trx, {
      id: order.id,
      version: order.version,
      changes,
      event: {
        action: act.action,
        actorUserId: ctx.user.id,
        actorRole: ctx.user.role,
        fromState: order.state,
        toState: result.next.state,
        note: act.note,
        detail: { extensionDays: act.extensionDays, appealReason: act.appealReason },
        now,
      },
    });
    if (!ok) return false;
    const before = Object.fromEntries(Object.keys(changes).map((key) => [key, order[key as keyof WorkOrder]]));
    await audit(trx, actorOf(ctx), {
      action: `workOrder.${act.action}`,
      entity: "work_order",
      entityId: order.id,
      before: { ...before, version: order.version },
      after: { ...changes, version: order.version + 1 },
      detail: { note: act.note },
    });
    if (act.action === "upholdAppeal") {
      const appeal = (await listWorkOrderEvents(trx, order.id)).filter((event) => event.action === "appeal").at(-1);
      const reason = (appeal ? appealReasonIn(appeal.detail) : null) ?? "malicious";
      const exclusion = { reason, note: act.note || (appeal?.note ?? ""), approvedBy: ctx.user.id };
      await insertRatingExclusion(trx, {
        rating_id: order.rating_id,
        reason,
        note: exclusion.note,
        approved_by: ctx.user.id,
        created_at: now,
      });
      await audit(trx, actorOf(ctx), {
        action: "rating.exclude",
        entity: "rating",
        entityId: order.rating_id,
        before: { excluded: false },
        after: { excluded: true, ...exclusion },
        detail: { workOrderId: order.id },
      });
    }
    return true;
  });
  if (!applied) throw appError("WORK_ORDER_CONFLICT", "CONFLICT");
  return { state: result.next.state, version: order.version + 1 };
}

/** The deadline that matters now, if any: the one the order's next step runs against (domain nextStep). */
export function currentDeadline(
  order: { state: TWorkOrderState; contactDue: string; rectifyDue: string },
  today: string,
): { deadline: "contact" | "rectify" | null; due: string | null; overdue: boolean } {
  const kind = nextStep({ state: order.state, stateBeforeAppeal: null, extension: "none" }).deadline;
  if (kind === null) return { deadline: null, due: null, overdue: false };
  const due = kind === "contact" ? order.contactDue : order.rectifyDue;
  return { deadline: kind, due, overdue: today > due };
}

/** Whom the order waits for, by name: the department's head(s) or the hall's manager(s). */
async function nextActorNames(ctx: TUserContext, order: WorkOrder, actor: TNextActor | null): Promise<string[]> {
  if (actor === null) return [];
  return listActiveUserNames(ctx.db, {
    hallId: order.hall_id,
    role: actor,
    departmentId: actor === "department_head" ? order.department_id : undefined,
  });
}

export async function workOrderDetail(ctx: TUserContext, id: number) {
  const order = await requireReadable(ctx, id);
  const step = nextStep(snapshot(order));
  const [rating, caseRow, events, reasons, actorNames] = await Promise.all([
    findRatingSummary(ctx.db, order.rating_id),
    findWorkOrderCase(ctx.db, order.case_id),
    listWorkOrderEvents(ctx.db, order.id),
    listRatingReasons(ctx.db, order.rating_id),
    nextActorNames(ctx, order, step.actor),
  ]);
  const today = hallDate(ctx.now());
  const deadline = currentDeadline(
    { state: order.state, contactDue: order.contact_due, rectifyDue: order.rectify_due },
    today,
  );
  const daysLeft =
    deadline.due === null
      ? null
      : workingDaysLeft(today, deadline.due, await exceptionsCovering(ctx.db, [today, deadline.due]));
  const provisional = await provisionalCalendar(ctx.db);
  // Window staff read their own orders without what leads back to the citizen (staff-view.ts).
  return orderDetailForViewer(ctx, {
    id: order.id,
    version: order.version,
    state: order.state,
    stateLabel: WORK_ORDER_STATES[order.state],
    extension: order.extension,
    extensionDays: order.extension_days,
    contactDue: order.contact_due,
    rectifyDue: order.rectify_due,
    deadline: deadline.deadline,
    due: deadline.due,
    /** working days to the deadline on the hall's calendar; negative when overdue */
    daysLeft,
    /** a deadline, or the days left, rest on a year without a confirmed schedule: "暂按周末计算" */
    deadlineProvisional: provisional(
      hallDate(order.created_at),
      order.contact_due,
      order.rectify_due,
      ...(deadline.due === null ? [] : [today]),
    ),
    overdue: deadline.overdue,
    escalation: order.escalation,
    reply: order.reply,
    rating: {
      level: rating.level,
      comment: rating.comment,
      channel: rating.channel,
      ratedAt: rating.rated_at.toISOString(),
      followUp: rating.seq === 2,
      reasonCodes: reasons,
    },
    case: {
      ...caseRow,
      ...(seesContactOnWorkOrder(ctx.user.role) ? {} : { applicantContactMasked: "", applicantIdNoMasked: "" }),
      completedAt: caseRow.completedAt?.toISOString() ?? null,
    },
    events: events.map((event) => ({
      id: event.id,
      action: event.action,
      actionLabel: isKeyOf(WORK_ORDER_ACTIONS, event.action)
        ? WORK_ORDER_ACTIONS[event.action]
        : (EVENT_LABELS[event.action] ?? event.action),
      actorName: event.actorName,
      actorRole: event.actorRole,
      toState: event.toState,
      note: event.note,
      appealReason: appealReasonIn(event.detail),
      createdAt: event.createdAt.toISOString(),
    })),
    actions: availableActions(snapshot(order), workOrderActorOf(ctx, order)),
    /** who acts next (by role and name) and which steps are theirs, for every viewer */
    next: { actor: step.actor, actorNames, actions: step.actions, followUpCloses: step.followUpCloses },
  });
}

function appealReasonIn(detail: string): "malicious" | "mistaken" | null {
  try {
    const parsed = JSON.parse(detail) as { appealReason?: unknown };
    return parsed.appealReason === "malicious" || parsed.appealReason === "mistaken" ? parsed.appealReason : null;
  } catch {
    return null;
  }
}

const EVENT_LABELS: Record<string, string> = { open: "生成工单", escalate: "超期督办", followUp: "群众追评" };

/** Today's hall-local bounds helper for queue filters by month. */
export function monthBounds(month: string): { from: Date; to: Date } {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  const bounds = hallDayBounds(`${month}-01`, `${month}-${String(last).padStart(2, "0")}`);
  return { from: bounds.start, to: bounds.end };
}
