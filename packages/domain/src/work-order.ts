import { keysOf } from "./keys";
import type { TRole } from "./roles";

/**
 * The 差评整改 work order (SPEC §5) as a pure state machine: which action may move an order from
 * which state, by whom. The API applies it inside a transaction and records every step as an
 * append-only event; screens use it to offer only the actions a role may take.
 */

export const WORK_ORDER_STATES = {
  pending: "待核实",
  contacted: "已回访",
  rectifying: "整改中",
  cannot_rectify_requested: "无法整改（待审批）",
  rectified: "已整改",
  cannot_rectify: "无法整改",
  replied: "已反馈",
  appealed: "申诉中",
  closed: "办结",
} as const;

export type TWorkOrderState = keyof typeof WORK_ORDER_STATES;
export const WORK_ORDER_STATE_KEYS: TWorkOrderState[] = keysOf(WORK_ORDER_STATES);

export const WORK_ORDER_ACTIONS = {
  contact: "回访",
  startRectification: "开始整改",
  requestExtension: "申请延期",
  approveExtension: "批准延期",
  rejectExtension: "驳回延期",
  markRectified: "整改完成",
  requestCannotRectify: "申请无法整改",
  approveCannotRectify: "批准无法整改",
  rejectCannotRectify: "驳回无法整改",
  reply: "反馈群众",
  close: "办结",
  appeal: "申诉",
  upholdAppeal: "申诉成立",
  rejectAppeal: "申诉不成立",
} as const;

export type TWorkOrderAction = keyof typeof WORK_ORDER_ACTIONS;
export const WORK_ORDER_ACTION_KEYS: TWorkOrderAction[] = keysOf(WORK_ORDER_ACTIONS);

export type TExtensionState = "none" | "requested" | "approved" | "rejected";

export interface TWorkOrderSnapshot {
  state: TWorkOrderState;
  /** where an order returns when its appeal is rejected */
  stateBeforeAppeal: TWorkOrderState | null;
  extension: TExtensionState;
}

/** Who acts: department heads on their department's orders, staff on reviews of themselves. */
export interface TWorkOrderActor {
  role: TRole;
  /** the actor heads the order's department */
  ownsDepartment: boolean;
  /** the actor is the staff member the review is about */
  isRatedStaff: boolean;
}

type TTransitionRefusal =
  "WORK_ORDER_TRANSITION_INVALID" | "WORK_ORDER_FORBIDDEN" | "EXTENSION_ALREADY_USED" | "EXTENSION_NOT_REQUESTED";

export type TTransitionResult = { ok: true; next: TWorkOrderSnapshot } | { ok: false; refusal: TTransitionRefusal };

const APPEALABLE: readonly TWorkOrderState[] = ["pending", "contacted", "rectifying"];

function isDepartment(actor: TWorkOrderActor): boolean {
  return actor.role === "department_head" && actor.ownsDepartment;
}

function isManager(actor: TWorkOrderActor): boolean {
  return actor.role === "hall_manager";
}

interface TRule {
  from: readonly TWorkOrderState[];
  may: (actor: TWorkOrderActor) => boolean;
  apply: (order: TWorkOrderSnapshot) => TWorkOrderSnapshot | TTransitionRefusal;
}

const RULES: Record<TWorkOrderAction, TRule> = {
  contact: { from: ["pending"], may: isDepartment, apply: (order) => ({ ...order, state: "contacted" }) },
  startRectification: { from: ["contacted"], may: isDepartment, apply: (order) => ({ ...order, state: "rectifying" }) },
  requestExtension: {
    from: ["rectifying"],
    may: isDepartment,
    apply: (order) => (order.extension === "none" ? { ...order, extension: "requested" } : "EXTENSION_ALREADY_USED"),
  },
  approveExtension: {
    from: ["rectifying"],
    may: isManager,
    apply: (order) =>
      order.extension === "requested" ? { ...order, extension: "approved" } : "EXTENSION_NOT_REQUESTED",
  },
  rejectExtension: {
    from: ["rectifying"],
    may: isManager,
    apply: (order) =>
      order.extension === "requested" ? { ...order, extension: "rejected" } : "EXTENSION_NOT_REQUESTED",
  },
  markRectified: { from: ["rectifying"], may: isDepartment, apply: (order) => ({ ...order, state: "rectified" }) },
  requestCannotRectify: {
    from: ["rectifying"],
    may: isDepartment,
    apply: (order) => ({ ...order, state: "cannot_rectify_requested" }),
  },
  approveCannotRectify: {
    from: ["cannot_rectify_requested"],
    may: isManager,
    apply: (order) => ({ ...order, state: "cannot_rectify" }),
  },
  rejectCannotRectify: {
    from: ["cannot_rectify_requested"],
    may: isManager,
    apply: (order) => ({ ...order, state: "rectifying" }),
  },
  reply: {
    from: ["rectified", "cannot_rectify"],
    may: isDepartment,
    apply: (order) => ({ ...order, state: "replied" }),
  },
  close: {
    from: ["replied"],
    may: (actor) => isDepartment(actor) || isManager(actor),
    apply: (order) => ({ ...order, state: "closed" }),
  },
  appeal: {
    from: APPEALABLE,
    may: (actor) => isDepartment(actor) || (actor.role === "window_staff" && actor.isRatedStaff),
    apply: (order) => ({ ...order, state: "appealed", stateBeforeAppeal: order.state }),
  },
  upholdAppeal: { from: ["appealed"], may: isManager, apply: (order) => ({ ...order, state: "closed" }) },
  rejectAppeal: {
    from: ["appealed"],
    may: isManager,
    apply: (order) => ({ ...order, state: order.stateBeforeAppeal ?? "pending", stateBeforeAppeal: null }),
  },
};

export function transition(
  order: TWorkOrderSnapshot,
  action: TWorkOrderAction,
  actor: TWorkOrderActor,
): TTransitionResult {
  const rule = RULES[action];
  if (!rule.from.includes(order.state)) return { ok: false, refusal: "WORK_ORDER_TRANSITION_INVALID" };
  if (!rule.may(actor)) return { ok: false, refusal: "WORK_ORDER_FORBIDDEN" };
  const next = rule.apply(order);
  return typeof next === "string" ? { ok: false, refusal: next } : { ok: true, next };
}

/** The actions a screen should offer this actor on this order. */
export function availableActions(order: TWorkOrderSnapshot, actor: TWorkOrderActor): TWorkOrderAction[] {
  return WORK_ORDER_ACTION_KEYS.filter((action) => transition(order, action, actor).ok);
}

/** Longest extension a hall manager may approve, in working days. */
export const MAX_EXTENSION_DAYS = 15;
