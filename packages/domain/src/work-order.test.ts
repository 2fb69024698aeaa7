import { describe, expect, test } from "vitest";

import { workOrderMetrics } from "./metrics";
import {
  availableActions,
  transition,
  WORK_ORDER_ACTION_KEYS,
  WORK_ORDER_STATE_KEYS,
  type TWorkOrderAction,
  type TWorkOrderActor,
  type TWorkOrderSnapshot,
  type TWorkOrderState,
} from "./work-order";

const head: TWorkOrderActor = { role: "department_head", ownsDepartment: true, isRatedStaff: false };
const otherHead: TWorkOrderActor = { role: "department_head", ownsDepartment: false, isRatedStaff: false };
const manager: TWorkOrderActor = { role: "hall_manager", ownsDepartment: false, isRatedStaff: false };
const ratedStaff: TWorkOrderActor = { role: "window_staff", ownsDepartment: false, isRatedStaff: true };
const otherStaff: TWorkOrderActor = { role: "window_staff", ownsDepartment: false, isRatedStaff: false };
const auditor: TWorkOrderActor = { role: "auditor", ownsDepartment: false, isRatedStaff: false };

const at = (state: TWorkOrderState, extra: Partial<TWorkOrderSnapshot> = {}): TWorkOrderSnapshot => ({
  state,
  stateBeforeAppeal: null,
  extension: "none",
  ...extra,
});

/** Every allowed move: [from, action, actor, resulting state]. */
const ALLOWED: [TWorkOrderState, TWorkOrderAction, TWorkOrderActor, TWorkOrderState][] = [
  ["pending", "contact", head, "contacted"],
  ["contacted", "startRectification", head, "rectifying"],
  ["rectifying", "markRectified", head, "rectified"],
  ["rectifying", "requestCannotRectify", head, "cannot_rectify_requested"],
  ["cannot_rectify_requested", "approveCannotRectify", manager, "cannot_rectify"],
  ["cannot_rectify_requested", "rejectCannotRectify", manager, "rectifying"],
  ["rectified", "reply", head, "replied"],
  ["cannot_rectify", "reply", head, "replied"],
  ["replied", "close", head, "closed"],
  ["replied", "close", manager, "closed"],
  ["pending", "appeal", ratedStaff, "appealed"],
  ["contacted", "appeal", head, "appealed"],
  ["rectifying", "appeal", head, "appealed"],
];

describe("work-order transitions", () => {
  test.each(ALLOWED)("%s —%s→ by %o gives %s", (from, action, actor, to) => {
    const result = transition(at(from), action, actor);
    expect(result).toMatchObject({ ok: true, next: { state: to } });
  });

  test("every move not listed is refused as an invalid transition", () => {
    const states = WORK_ORDER_STATE_KEYS;
    const actions = WORK_ORDER_ACTION_KEYS;
    const extensionActions = new Set<TWorkOrderAction>(["requestExtension", "approveExtension", "rejectExtension"]);
    const appealOutcomes = new Set<TWorkOrderAction>(["upholdAppeal", "rejectAppeal"]);
    for (const state of states) {
      for (const action of actions) {
        const listed = ALLOWED.some(([from, allowed]) => from === state && allowed === action);
        const special =
          (extensionActions.has(action) && state === "rectifying") ||
          (appealOutcomes.has(action) && state === "appealed");
        if (listed || special) continue;
        for (const actor of [head, manager, ratedStaff]) {
          expect(transition(at(state), action, actor)).toEqual({ ok: false, refusal: "WORK_ORDER_TRANSITION_INVALID" });
        }
      }
    }
  });

  test("the wrong people are refused: another department, another staff member, an auditor", () => {
    expect(transition(at("pending"), "contact", otherHead)).toEqual({ ok: false, refusal: "WORK_ORDER_FORBIDDEN" });
    expect(transition(at("pending"), "appeal", otherStaff)).toEqual({ ok: false, refusal: "WORK_ORDER_FORBIDDEN" });
    expect(transition(at("pending"), "contact", auditor)).toEqual({ ok: false, refusal: "WORK_ORDER_FORBIDDEN" });
    expect(transition(at("cannot_rectify_requested"), "approveCannotRectify", head)).toEqual({
      ok: false,
      refusal: "WORK_ORDER_FORBIDDEN",
    });
    expect(transition(at("appealed"), "upholdAppeal", head)).toEqual({ ok: false, refusal: "WORK_ORDER_FORBIDDEN" });
  });

  test("every action refuses every role it is not meant for", () => {
    const everyone = [head, otherHead, manager, ratedStaff, otherStaff, auditor];
    const cases: [TWorkOrderSnapshot, TWorkOrderAction, TWorkOrderActor[]][] = [
      ...ALLOWED.map(([from, action]): [TWorkOrderSnapshot, TWorkOrderAction, TWorkOrderActor[]] => [
        at(from),
        action,
        ALLOWED.filter(([f, a]) => f === from && a === action).map(([, , actor]) => actor),
      ]),
      [at("rectifying"), "requestExtension", [head]],
      [at("rectifying", { extension: "requested" }), "approveExtension", [manager]],
      [at("rectifying", { extension: "requested" }), "rejectExtension", [manager]],
      [at("appealed", { stateBeforeAppeal: "pending" }), "upholdAppeal", [manager]],
      [at("appealed", { stateBeforeAppeal: "pending" }), "rejectAppeal", [manager]],
    ];
    for (const [order, action, permitted] of cases) {
      for (const actor of everyone) {
        const result = transition(order, action, actor);
        const mayAppeal = action === "appeal" && (actor === head || actor === ratedStaff);
        const mayClose = action === "close" && (actor === head || actor === manager);
        if (permitted.includes(actor) || mayAppeal || mayClose) expect(result.ok).toBe(true);
        else expect(result).toEqual({ ok: false, refusal: "WORK_ORDER_FORBIDDEN" });
      }
    }
  });

  test("one extension per order, approved or rejected by the hall manager", () => {
    const requested = transition(at("rectifying"), "requestExtension", head);
    expect(requested).toMatchObject({ ok: true, next: { state: "rectifying", extension: "requested" } });
    expect(transition(at("rectifying"), "approveExtension", manager)).toEqual({
      ok: false,
      refusal: "EXTENSION_NOT_REQUESTED",
    });
    expect(transition(at("rectifying", { extension: "requested" }), "approveExtension", manager)).toMatchObject({
      ok: true,
      next: { extension: "approved" },
    });
    expect(transition(at("rectifying", { extension: "requested" }), "rejectExtension", manager)).toMatchObject({
      ok: true,
      next: { extension: "rejected" },
    });
    for (const used of ["approved", "rejected", "requested"] as const) {
      expect(transition(at("rectifying", { extension: used }), "requestExtension", head)).toEqual({
        ok: false,
        refusal: "EXTENSION_ALREADY_USED",
      });
    }
  });

  test("an upheld appeal closes the order; a rejected one returns it to where it was", () => {
    const appealed = transition(at("contacted"), "appeal", head);
    if (!appealed.ok) throw new Error("appeal refused");
    expect(transition(appealed.next, "upholdAppeal", manager)).toMatchObject({ ok: true, next: { state: "closed" } });
    expect(transition(appealed.next, "rejectAppeal", manager)).toMatchObject({
      ok: true,
      next: { state: "contacted", stateBeforeAppeal: null },
    });
  });

  test("screens offer only what the actor may do", () => {
    expect(availableActions(at("pending"), head)).toEqual(["contact", "appeal"]);
    expect(availableActions(at("pending"), ratedStaff)).toEqual(["appeal"]);
    expect(availableActions(at("pending"), auditor)).toEqual([]);
    expect(availableActions(at("rectifying", { extension: "requested" }), manager)).toEqual([
      "approveExtension",
      "rejectExtension",
    ]);
  });
});

describe("work-order metrics", () => {
  test("rates are over valid bad reviews; satisfaction over follow-up ratings", () => {
    const metrics = workOrderMetrics({
      badReviews: 8,
      replied: 6,
      contactedAndRectified: 5,
      rectifiedOnTime: 4,
      followUps: 3,
      goodFollowUps: 2,
      open: 2,
      overdue: 1,
    });
    expect(metrics.replyRate).toEqual({ num: 6, den: 8 });
    expect(metrics.contactRectifyRate).toEqual({ num: 5, den: 8 });
    expect(metrics.onTimeRate).toEqual({ num: 4, den: 8 });
    expect(metrics.followUpSatisfaction).toEqual({ num: 2, den: 3 });
  });
});
