import {
  addCalendarDays,
  addWorkingDays,
  exceptionsFromSchedules,
  hallDate,
  hallDayBounds,
  type TLevel,
  type TWorkOrderState,
} from "@hcp/domain";

import type { Db } from "../client";
import { newWorkOrderRow } from "../repositories/work-order";
import type { NewWorkOrder } from "../schema";
import { SeededRandom } from "./random";

/**
 * The bad reviews' work orders (SPEC §9). 2023's are long finished: most closed on time, some
 * answered by a follow-up rating, a few closed late after escalation, an extension, upheld and
 * rejected appeals, an approved 无法整改. The recent days' orders follow the same steps but stop at
 * the seed's `now`, so their states and deadlines are live — and the oldest of them are given the
 * plans that leave an order in every open state.
 */

const HOUR = 3_600_000;
const exceptions = exceptionsFromSchedules();

type TPlan =
  | "closed"
  | "followUp"
  | "closedLate"
  | "overdue"
  | "pending"
  | "contacted"
  | "rectifying"
  | "extension"
  | "extensionClosed"
  | "cannot_rectify_requested"
  | "cannot_rectify"
  | "cannotRectifyClosed"
  | "rectified"
  | "replied"
  | "appealed"
  | "appealUpheld"
  | "appealRejected";

/** 2023: every way an order ends, at least once, then the common outcomes. */
const FINISHED_PLANS: TPlan[] = [
  "appealUpheld",
  "appealRejected",
  "extensionClosed",
  "cannotRectifyClosed",
  "closedLate",
];
/** The recent days' oldest orders: one left in each open state. */
const OPEN_PLANS: TPlan[] = [
  "pending",
  "contacted",
  "rectifying",
  "extension",
  "cannot_rectify_requested",
  "cannot_rectify",
  "rectified",
  "replied",
  "appealed",
];

interface TBadRating {
  id: number;
  case_id: number;
  hall_id: number;
  department_id: number;
  service_item_id: number;
  window_id: number | null;
  staff_id: number | null;
  rated_at: Date;
}

type TOrderFields = Pick<
  NewWorkOrder,
  | "state"
  | "state_before_appeal"
  | "extension"
  | "extension_days"
  | "contacted_at"
  | "rectified_at"
  | "replied_at"
  | "closed_at"
  | "reply"
  | "escalation"
>;

interface TEvent {
  action: string;
  role: string;
  to: TWorkOrderState;
  note: string;
  at: Date;
  detail?: unknown;
  /** what the step changes on the order besides its state */
  effect?: (order: TOrderFields) => void;
}

const CONTACT_NOTES = [
  "电话回访，群众反映等候时间较长",
  "电话回访，群众认为材料要求不清楚",
  "上门回访，了解具体诉求",
  "电话回访，群众对窗口态度不满",
];
const RECTIFY_NOTES = [
  "已对窗口人员开展业务培训",
  "已调整高峰时段窗口排班",
  "已修订办事指南并公开材料清单",
  "已约谈相关人员并纳入考核",
];
const REPLIES = [
  "您反映的问题已整改，感谢您的监督。",
  "已按您的意见改进服务流程，欢迎再次评价。",
  "已增加窗口并优化排队，感谢您的理解。",
];

function at(date: string, hour: number): Date {
  return new Date(hallDayBounds(date).start.getTime() + hour * HOUR);
}

function planOf(index: number, finished: boolean, random: SeededRandom): TPlan {
  const fixed = finished ? FINISHED_PLANS[index] : OPEN_PLANS[index];
  if (fixed) return fixed;
  if (finished) return random.chance(0.04) ? "closedLate" : random.chance(0.45) ? "followUp" : "closed";
  return random.chance(0.1) ? "overdue" : random.chance(0.45) ? "followUp" : "closed";
}

/** Every step a plan takes, with its moment; the caller keeps those that happened by `now`. */
function timeline(
  plan: TPlan,
  rating: TBadRating,
  random: SeededRandom,
  due: { contact: string; rectify: string },
): { events: TEvent[]; rectifyDue: string; followUpLevel: TLevel | null } {
  const opened = rating.rated_at;
  const day = hallDate(opened);
  let rectifyDue = due.rectify;
  const events: TEvent[] = [];
  const last = (): Date => events.at(-1)?.at ?? opened;
  const later = (hours: number): Date => new Date(last().getTime() + hours * HOUR);
  const step = (
    action: string,
    role: string,
    to: TWorkOrderState,
    note: string,
    when: Date,
    effect?: TEvent["effect"],
    detail?: unknown,
  ) => {
    events.push({ action, role, to, note, at: when, effect, detail });
  };
  const escalate = (from: TWorkOrderState, dueDate: string, level: number, note: string) =>
    step("escalate", "system", from, note, at(addCalendarDays(dueDate, 1), 1), (order) => {
      order.escalation = level;
    });
  const contact = () => {
    const when = at(due.contact, random.int(9, 11));
    step("contact", "department_head", "contacted", random.pick(CONTACT_NOTES), when, (order) => {
      order.contacted_at = when;
    });
    step("startRectification", "department_head", "rectifying", "制定整改方案", later(2));
  };
  const rectifyAt = (from: number, to: number) => at(addWorkingDays(day, random.int(from, to), exceptions), 15);
  const rectify = (when: Date) =>
    step("markRectified", "department_head", "rectified", random.pick(RECTIFY_NOTES), when, (order) => {
      order.rectified_at = when;
    });
  const reply = (when: Date) => {
    const text = random.pick(REPLIES);
    step("reply", "department_head", "replied", text, when, (order) => {
      order.reply = text;
      order.replied_at = when;
    });
  };
  const close = (when: Date) =>
    step("close", "department_head", "closed", "", when, (order) => {
      order.closed_at = when;
    });
  let followUpLevel: TLevel | null = null;

  if (plan === "pending") {
    escalate("pending", due.contact, 1, "超过回访期限，已提请部门负责人督办");
  } else if (plan === "appealed" || plan === "appealUpheld" || plan === "appealRejected") {
    const reason = plan === "appealRejected" ? "malicious" : "mistaken";
    step(
      "appeal",
      "department_head",
      "appealed",
      reason === "mistaken" ? "群众误触评价器" : "群众因个人诉求未满足恶意差评",
      later(3),
      (order) => {
        order.state_before_appeal = "pending";
      },
      { appealReason: reason },
    );
    if (plan === "appealUpheld") {
      step("upholdAppeal", "hall_manager", "closed", "经核查录像，申诉成立", at(due.contact, 16), (order) => {
        order.closed_at = at(due.contact, 16);
        order.state_before_appeal = null;
      });
    } else if (plan === "appealRejected") {
      step("rejectAppeal", "hall_manager", "pending", "证据不足，申诉不成立", at(due.contact, 9), (order) => {
        order.state_before_appeal = null;
      });
      contact();
      rectify(rectifyAt(3, 12));
      reply(later(20));
      close(later(72));
    }
  } else {
    contact();
    if (plan === "contacted") {
      events.pop();
    } else if (plan === "overdue" || plan === "rectifying") {
      escalate("rectifying", rectifyDue, 2, "超过整改期限，已提请大厅管理者督办");
    } else if (plan === "closedLate") {
      escalate("rectifying", rectifyDue, 2, "超过整改期限，已提请大厅管理者督办");
      rectify(at(addWorkingDays(rectifyDue, random.int(1, 3), exceptions), 15));
      reply(later(20));
      close(later(72));
    } else if (plan === "extension" || plan === "extensionClosed") {
      step(
        "requestExtension",
        "department_head",
        "rectifying",
        "需协调多个部门",
        at(addWorkingDays(day, 10, exceptions), 10),
        (order) => {
          order.extension = "requested";
        },
        { extensionDays: 10 },
      );
      step(
        "approveExtension",
        "hall_manager",
        "rectifying",
        "同意延期",
        at(addWorkingDays(day, 10, exceptions), 16),
        (order) => {
          order.extension = "approved";
          order.extension_days = 10;
        },
      );
      rectifyDue = addWorkingDays(rectifyDue, 10, exceptions);
      if (plan === "extensionClosed") {
        rectify(at(addWorkingDays(day, 22, exceptions), 15));
        reply(later(20));
        close(later(72));
      }
    } else if (plan === "cannot_rectify_requested" || plan === "cannot_rectify" || plan === "cannotRectifyClosed") {
      step(
        "requestCannotRectify",
        "department_head",
        "cannot_rectify_requested",
        "所提要求超出法定办理范围",
        rectifyAt(3, 8),
      );
      if (plan !== "cannot_rectify_requested")
        step("approveCannotRectify", "hall_manager", "cannot_rectify", "同意", later(4));
      if (plan === "cannotRectifyClosed") {
        reply(later(20));
        close(later(72));
      }
    } else {
      rectify(rectifyAt(3, 12));
      if (plan !== "rectified") {
        reply(later(20));
        if (plan === "followUp") {
          followUpLevel = random.chance(0.85) ? random.pick([5, 5, 4]) : 3;
          const when = later(random.int(4, 60));
          step("followUp", "citizen", "closed", "", when, (order) => {
            order.closed_at = when;
          });
        } else if (plan === "closed") {
          close(later(72));
        }
      }
    }
  }
  return { events, rectifyDue, followUpLevel };
}

/**
 * One work order per bad first rating, with its events (and a follow-up rating where the citizen
 * gave one). With `recent`, ratings from `recentFrom` on are the live ones and nothing after
 * `now` has happened yet. Returns how many orders were written.
 */
export async function insertDemoWorkOrders(
  db: Db,
  hall: { id: number; managerUserId: number; headUserIds: ReadonlyMap<number, number> },
  recent: { now: Date; recentFrom: string } | null,
): Promise<number> {
  const ratings: TBadRating[] = await db
    .selectFrom("rating")
    .select(["id", "case_id", "hall_id", "department_id", "service_item_id", "window_id", "staff_id", "rated_at"])
    .where("hall_id", "=", hall.id)
    .where("level", "<=", 2)
    .where("seq", "=", 1)
    .orderBy("rated_at")
    .orderBy("id")
    .execute();
  const random = new SeededRandom(20_231_231);
  const liveFrom = recent ? hallDayBounds(recent.recentFrom).start : null;
  const now = recent?.now ?? null;
  let followUpSerial = 0;
  let finishedIndex = 0;
  let openIndex = 0;
  for (const rating of ratings) {
    const live = liveFrom !== null && rating.rated_at >= liveFrom;
    const plan = live ? planOf(openIndex++, false, random) : planOf(finishedIndex++, true, random);
    const head = hall.headUserIds.get(rating.department_id) ?? null;
    const opened = rating.rated_at;
    const day = hallDate(opened);
    const due = { contact: addWorkingDays(day, 1, exceptions), rectify: addWorkingDays(day, 15, exceptions) };
    const planned = timeline(plan, rating, random, due);
    const happened = planned.events.filter((event) => now === null || event.at <= now);
    const order: TOrderFields = {
      state: "pending",
      state_before_appeal: null,
      extension: "none",
      extension_days: 0,
      contacted_at: null,
      rectified_at: null,
      replied_at: null,
      closed_at: null,
      reply: "",
      escalation: 0,
    };
    const rows: {
      action: string;
      role: string;
      actor: number | null;
      from: TWorkOrderState | null;
      to: TWorkOrderState;
      note: string;
      at: Date;
      detail: unknown;
    }[] = [
      { action: "open", role: "system", actor: null, from: null, to: "pending", note: "", at: opened, detail: {} },
    ];
    for (const event of happened) {
      const actor = event.role === "hall_manager" ? hall.managerUserId : event.role === "department_head" ? head : null;
      rows.push({
        action: event.action,
        role: event.role,
        actor,
        from: order.state ?? "pending",
        to: event.to,
        note: event.note,
        at: event.at,
        detail: event.detail ?? {},
      });
      event.effect?.(order);
      order.state = event.to;
    }
    const result = await db
      .insertInto("work_order")
      .values({
        ...newWorkOrderRow(rating, { contact: due.contact, rectify: planned.rectifyDue }, opened),
        ...order,
        state_before_appeal: order.state === "appealed" ? (order.state_before_appeal ?? "pending") : null,
        version: rows.length - 1,
      })
      .executeTakeFirstOrThrow();
    const workOrderId = Number(result.insertId);
    await db
      .insertInto("work_order_event")
      .values(
        rows.map((event) => ({
          work_order_id: workOrderId,
          action: event.action,
          actor_user_id: event.actor,
          actor_role: event.role,
          from_state: event.from,
          to_state: event.to,
          note: event.note,
          detail: JSON.stringify(event.detail),
          created_at: event.at,
        })),
      )
      .execute();
    const upheld = happened.find((event) => event.action === "upholdAppeal");
    if (upheld) {
      await db
        .insertInto("rating_exclusion")
        .values({
          rating_id: rating.id,
          reason: "mistaken",
          note: upheld.note,
          approved_by: hall.managerUserId,
          created_at: upheld.at,
        })
        .execute();
    }
    const followUp = happened.find((event) => event.action === "followUp");
    if (planned.followUpLevel !== null && followUp) {
      followUpSerial++;
      await db
        .insertInto("rating")
        .values({
          case_id: rating.case_id,
          seq: 2,
          level: planned.followUpLevel,
          channel: 2,
          is_default: false,
          comment: "",
          reason_version: 1,
          hall_id: rating.hall_id,
          department_id: rating.department_id,
          service_item_id: rating.service_item_id,
          window_id: rating.window_id,
          staff_id: rating.staff_id,
          prompt_id: null,
          // One series per hall: the county's halls share the rating table's unique keys.
          idempotency_key: `00000000-0000-4000-9${hall.id.toString(16).padStart(3, "0")}-${followUpSerial.toString(16).padStart(12, "0")}`,
          rated_at: followUp.at,
          received_at: followUp.at,
        })
        .execute();
    }
  }
  return ratings.length;
}
