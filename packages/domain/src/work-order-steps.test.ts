import { describe, expect, test } from "vitest";

import {
  transition,
  WORK_ORDER_ACTION_KEYS,
  WORK_ORDER_STATE_KEYS,
  WORK_ORDER_STATES,
  type TExtensionState,
  type TWorkOrderAction,
  type TWorkOrderActor,
  type TWorkOrderSnapshot,
  type TWorkOrderState,
} from "./work-order";
import {
  nextStep,
  statesWithDeadline,
  stepContentText,
  WORK_ORDER_REPLY_MAX,
  WORK_ORDER_STEP_CONTENT,
  ZWorkOrderAct,
  type TNextActor,
  type TNextStep,
} from "./work-order-steps";

const at = (state: TWorkOrderState, extension: TExtensionState = "none"): TWorkOrderSnapshot => ({
  state,
  stateBeforeAppeal: state === "appealed" ? "contacted" : null,
  extension,
});

const ACTORS: Record<TNextActor, TWorkOrderActor> = {
  department_head: { role: "department_head", ownsDepartment: true, isRatedStaff: false },
  hall_manager: { role: "hall_manager", ownsDepartment: false, isRatedStaff: false },
};

describe("nextStep: who acts next on an order, in every state", () => {
  const EXPECTED: [TWorkOrderState, TExtensionState, TNextStep][] = [
    ["pending", "none", { actor: "department_head", actions: ["contact"], deadline: "contact", followUpCloses: false }],
    [
      "contacted",
      "none",
      { actor: "department_head", actions: ["startRectification"], deadline: "rectify", followUpCloses: false },
    ],
    [
      "rectifying",
      "none",
      {
        actor: "department_head",
        actions: ["markRectified", "requestExtension", "requestCannotRectify"],
        deadline: "rectify",
        followUpCloses: false,
      },
    ],
    [
      "rectifying",
      "requested",
      {
        actor: "hall_manager",
        actions: ["approveExtension", "rejectExtension"],
        deadline: "rectify",
        followUpCloses: false,
      },
    ],
    [
      "rectifying",
      "approved",
      {
        actor: "department_head",
        actions: ["markRectified", "requestCannotRectify"],
        deadline: "rectify",
        followUpCloses: false,
      },
    ],
    [
      "rectifying",
      "rejected",
      {
        actor: "department_head",
        actions: ["markRectified", "requestCannotRectify"],
        deadline: "rectify",
        followUpCloses: false,
      },
    ],
    [
      "cannot_rectify_requested",
      "none",
      {
        actor: "hall_manager",
        actions: ["approveCannotRectify", "rejectCannotRectify"],
        deadline: "rectify",
        followUpCloses: false,
      },
    ],
    ["rectified", "none", { actor: "department_head", actions: ["reply"], deadline: null, followUpCloses: false }],
    ["cannot_rectify", "none", { actor: "department_head", actions: ["reply"], deadline: null, followUpCloses: false }],
    ["replied", "none", { actor: "department_head", actions: ["close"], deadline: null, followUpCloses: true }],
    [
      "appealed",
      "none",
      { actor: "hall_manager", actions: ["upholdAppeal", "rejectAppeal"], deadline: null, followUpCloses: false },
    ],
    ["closed", "none", { actor: null, actions: [], deadline: null, followUpCloses: false }],
  ];

  test.each(EXPECTED)("%s (extension %s)", (state, extension, expected) => {
    expect(nextStep(at(state, extension))).toEqual(expected);
  });

  test("every state is covered", () => {
    expect(new Set(EXPECTED.map(([state]) => state))).toEqual(new Set(Object.keys(WORK_ORDER_STATES)));
  });

  test("every step named is one the state machine lets that actor take", () => {
    for (const [state, extension] of EXPECTED) {
      const step = nextStep(at(state, extension));
      for (const action of step.actions) {
        expect(step.actor).not.toBeNull();
        expect(
          transition(at(state, extension), action, ACTORS[step.actor ?? "department_head"]),
          `${state} ${action}`,
        ).toMatchObject({ ok: true });
      }
    }
  });

  test("only a closed order waits for nobody", () => {
    for (const state of WORK_ORDER_STATE_KEYS) {
      const step = nextStep(at(state));
      expect(step.actor === null, state).toBe(state === "closed");
      expect(step.actions.length === 0, state).toBe(state === "closed");
    }
  });
});

describe("ZWorkOrderAct: each step's required content", () => {
  const act = (action: TWorkOrderAction, extra: Record<string, unknown> = {}) =>
    ZWorkOrderAct.safeParse({ workOrderId: 1, version: 0, action, ...extra });
  const messages = (result: ReturnType<typeof act>) =>
    result.success ? [] : result.error.issues.map((issue) => issue.message);

  test.each(WORK_ORDER_ACTION_KEYS.filter((action) => action !== "close"))(
    "%s is refused without its note",
    (action) => {
      const extra = { extensionDays: 5, appealReason: "mistaken" };
      expect(messages(act(action, { ...extra, note: "   " }))).toEqual([
        `请填写${WORK_ORDER_STEP_CONTENT[action].note}`,
      ]);
      expect(act(action, { ...extra, note: "已处理" }).success).toBe(true);
    },
  );

  test("整改完成 needs its 整改情况; 办结 may go without a note", () => {
    expect(messages(act("markRectified", { note: "" }))).toEqual(["请填写整改情况"]);
    expect(act("close", {}).success).toBe(true);
  });

  test("the reply to the citizen is kept short, counted in characters", () => {
    expect(act("reply", { note: "谢".repeat(WORK_ORDER_REPLY_MAX) }).success).toBe(true);
    expect(messages(act("reply", { note: "谢".repeat(1000) }))).toEqual([
      `反馈内容不能超过 ${WORK_ORDER_REPLY_MAX} 字（现 1000 字）`,
    ]);
    expect(messages(act("markRectified", { note: "改".repeat(501) }))).toEqual([
      "整改情况不能超过 500 字（现 501 字）",
    ]);
  });

  test("an extension needs its days and reason, an appeal its reason", () => {
    expect(messages(act("requestExtension", { note: "需要培训" }))).toEqual(["请填写延期天数"]);
    expect(messages(act("requestExtension", { note: "需要培训", extensionDays: 16 }))).toEqual([
      "延期天数为 1 到 15 个工作日",
    ]);
    expect(messages(act("appeal", { note: "误触" }))).toEqual(["请选择申诉理由"]);
  });

  test("what a step asks for, in words", () => {
    expect(stepContentText("requestExtension")).toBe("延期天数、延期理由");
    expect(stepContentText("appeal")).toBe("申诉理由、申诉说明");
    expect(stepContentText("close")).toBe("办结说明（选填）");
  });
});

test("the deadline kinds run in the states nextStep names", () => {
  expect(statesWithDeadline("contact")).toEqual(["pending"]);
  expect(statesWithDeadline("rectify")).toEqual(["contacted", "rectifying", "cannot_rectify_requested"]);
});
