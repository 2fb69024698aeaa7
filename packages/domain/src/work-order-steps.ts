import { z } from "zod";

import { ZId } from "./schemas";
import {
  MAX_EXTENSION_DAYS,
  WORK_ORDER_ACTION_KEYS,
  WORK_ORDER_STATE_KEYS,
  type TWorkOrderAction,
  type TWorkOrderSnapshot,
  type TWorkOrderState,
} from "./work-order";

/**
 * What each work-order step must carry (SPEC §5: every step is an event with its note). The API
 * refuses a step without it, the console's form asks for it, and the order page names it to the
 * person who acts next — one table for all three.
 */
export interface TWorkOrderStepContent {
  /** what the note of this step is */
  note: string;
  /** the note may be left empty (办结 only: the record before it says everything) */
  optional: boolean;
  /** longest note, in characters */
  max: number;
  /** the step also needs the working days asked for */
  extensionDays?: true;
  /** the step also needs 恶意差评 or 误评 */
  appealReason?: true;
}

/** Longest internal note (call-back record, rectification, reasons, approvals), in characters. */
const WORK_ORDER_NOTE_MAX = 500;

/**
 * Longest reply to the citizen: it is read on a phone at `/rate` and may go out by SMS, so it
 * is a few sentences a department head writes and re-reads, not a report.
 */
export const WORK_ORDER_REPLY_MAX = 200;

const note = (label: string, max = WORK_ORDER_NOTE_MAX): TWorkOrderStepContent => ({
  note: label,
  optional: false,
  max,
});

export const WORK_ORDER_STEP_CONTENT: Record<TWorkOrderAction, TWorkOrderStepContent> = {
  contact: note("回访记录"),
  startRectification: note("整改措施"),
  requestExtension: { ...note("延期理由"), extensionDays: true },
  approveExtension: note("审批意见"),
  rejectExtension: note("审批意见"),
  markRectified: note("整改情况"),
  requestCannotRectify: note("无法整改的理由"),
  approveCannotRectify: note("审批意见"),
  rejectCannotRectify: note("审批意见"),
  reply: note("反馈内容", WORK_ORDER_REPLY_MAX),
  close: { note: "办结说明", optional: true, max: WORK_ORDER_NOTE_MAX },
  appeal: { ...note("申诉说明"), appealReason: true },
  upholdAppeal: note("审核意见"),
  rejectAppeal: note("审核意见"),
};

/** What the actor must enter for a step, in words: "整改情况", "延期天数、延期理由". */
export function stepContentText(action: TWorkOrderAction): string {
  const content = WORK_ORDER_STEP_CONTENT[action];
  const parts = [
    ...(content.extensionDays ? ["延期天数"] : []),
    ...(content.appealReason ? ["申诉理由"] : []),
    content.optional ? `${content.note}（选填）` : content.note,
  ];
  return parts.join("、");
}

const EXTENSION_DAYS_MESSAGE = `延期天数为 1 到 ${MAX_EXTENSION_DAYS} 个工作日`;

/** One step on an order, as the console's 办理 form submits it and `workOrder.act` accepts it. */
export const ZWorkOrderAct = z
  .object({
    workOrderId: ZId,
    /** the order's version as the actor saw it: a stale screen cannot overwrite a newer step */
    version: z.number().int().min(0),
    action: z.enum(WORK_ORDER_ACTION_KEYS, { error: "请选择要执行的操作" }),
    note: z.string().trim().default(""),
    /** requestExtension: working days asked for */
    extensionDays: z
      .number()
      .int()
      .min(1, { error: EXTENSION_DAYS_MESSAGE })
      .max(MAX_EXTENSION_DAYS, { error: EXTENSION_DAYS_MESSAGE })
      .optional(),
    /** appeal: why the review is malicious or mistaken */
    appealReason: z.enum(["malicious", "mistaken"], { error: "请选择申诉理由" }).optional(),
  })
  .superRefine((act, ctx) => {
    const content = WORK_ORDER_STEP_CONTENT[act.action];
    if (content.extensionDays && act.extensionDays === undefined)
      ctx.addIssue({ code: "custom", path: ["extensionDays"], message: "请填写延期天数" });
    if (content.appealReason && act.appealReason === undefined)
      ctx.addIssue({ code: "custom", path: ["appealReason"], message: "请选择申诉理由" });
    if (!content.optional && act.note === "")
      ctx.addIssue({ code: "custom", path: ["note"], message: `请填写${content.note}` });
    // Characters as people count them: one Chinese character or emoji is one.
    const length = [...act.note].length;
    if (length > content.max)
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: `${content.note}不能超过 ${content.max} 字（现 ${length} 字）`,
      });
  });

/** Who the next step of an order waits for. */
export type TNextActor = "department_head" | "hall_manager";

export interface TNextStep {
  /** who acts next; null once the order is closed */
  actor: TNextActor | null;
  /** the steps expected of them now, in the order a screen offers them */
  actions: TWorkOrderAction[];
  /** the deadline this step runs against; null while none runs (an appeal pauses the clock) */
  deadline: "contact" | "rectify" | null;
  /** a reply has gone out: the citizen's 追评 closes the order without anyone acting */
  followUpCloses: boolean;
}

/**
 * Who must act next on an order, what they are to do, and against which deadline — for every
 * state, whoever is looking. The department head of the order's department carries the order;
 * the hall manager decides extensions, 无法整改 and appeals. An appeal by the rated staff member
 * is their right in the early states, not a step the order waits for, so it is not listed.
 */
export function nextStep(order: TWorkOrderSnapshot): TNextStep {
  const step = (
    actor: TNextActor | null,
    actions: TWorkOrderAction[],
    deadline: TNextStep["deadline"],
    followUpCloses = false,
  ): TNextStep => ({
    actor,
    actions,
    deadline,
    followUpCloses,
  });
  const byState: Record<TWorkOrderState, () => TNextStep> = {
    pending: () => step("department_head", ["contact"], "contact"),
    contacted: () => step("department_head", ["startRectification"], "rectify"),
    rectifying: () =>
      order.extension === "requested"
        ? step("hall_manager", ["approveExtension", "rejectExtension"], "rectify")
        : step(
            "department_head",
            order.extension === "none"
              ? ["markRectified", "requestExtension", "requestCannotRectify"]
              : ["markRectified", "requestCannotRectify"],
            "rectify",
          ),
    cannot_rectify_requested: () => step("hall_manager", ["approveCannotRectify", "rejectCannotRectify"], "rectify"),
    rectified: () => step("department_head", ["reply"], null),
    cannot_rectify: () => step("department_head", ["reply"], null),
    replied: () => step("department_head", ["close"], null, true),
    appealed: () => step("hall_manager", ["upholdAppeal", "rejectAppeal"], null),
    closed: () => step(null, [], null),
  };
  return byState[order.state]();
}

/**
 * The states in which a deadline of that kind runs, as nextStep says: the queue's SQL sorts and
 * filters by the same deadline the order page shows.
 */
export function statesWithDeadline(kind: "contact" | "rectify"): TWorkOrderState[] {
  return WORK_ORDER_STATE_KEYS.filter(
    (state) => nextStep({ state, stateBeforeAppeal: null, extension: "none" }).deadline === kind,
  );
}

/** The queue's search by case number: its last digits, as people read them out, or all of it. */
export const ZWorkOrderCaseNoSearch = z
  .string()
  .trim()
  .max(40, { error: "办件编号不超过 40 位" })
  .regex(/^[0-9A-Za-z-]*$/, { error: "办件编号只含数字、字母和连字符" });

/** The queue's search by staff: part of a name, or a whole badge number. */
export const ZWorkOrderStaffSearch = z.string().trim().max(20, { error: "办理人员姓名或工号不超过 20 个字" });

/** How the queue is ordered: by urgency (the default) or latest opened first. */
export const WORK_ORDER_SORTS = ["urgency", "newest"] as const;
export type TWorkOrderSort = (typeof WORK_ORDER_SORTS)[number];
