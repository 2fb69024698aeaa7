import { addCalendarDays, addWorkingDays, exceptionsFromSchedules, hallDate, hallDayBounds } from "@hcp/domain";

import type { Db } from "../client";
import { newWorkOrderRow } from "../repositories/work-order";
import type { NewWorkOrder } from "../schema";
import { SeededRandom } from "./random";

/**
 * The 2023 bad reviews' work orders (SPEC §9): most closed on time, some answered by a follow-up
 * rating, a few overdue, an extension, an upheld and a rejected appeal — and at least one order in
 * every state, so every screen has something to show.
 */

const HOUR = 3_600_000;
const exceptions = exceptionsFromSchedules();

type TPlan =
  | "closed"
  | "followUp"
  | "overdue"
  | "pending"
  | "contacted"
  | "rectifying"
  | "extension"
  | "cannot_rectify_requested"
  | "cannot_rectify"
  | "rectified"
  | "replied"
  | "appealed"
  | "appealUpheld"
  | "appealRejected";

/** The special cases first (one or two each), then the common outcomes. */
const FIXED_PLANS: TPlan[] = [
  "pending",
  "pending",
  "contacted",
  "rectifying",
  "extension",
  "cannot_rectify_requested",
  "cannot_rectify",
  "rectified",
  "replied",
  "replied",
  "appealed",
  "appealUpheld",
  "appealRejected",
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

interface TEvent {
  action: string;
  role: string;
  actor: number | null;
  from: string | null;
  to: string;
  note: string;
  at: Date;
  detail?: unknown;
}

const CONTACT_NOTES = ["电话回访，群众反映等候时间较长", "电话回访，群众认为材料要求不清楚", "上门回访，了解具体诉求", "电话回访，群众对窗口态度不满"];
const RECTIFY_NOTES = ["已对窗口人员开展业务培训", "已调整高峰时段窗口排班", "已修订办事指南并公开材料清单", "已约谈相关人员并纳入考核"];
const REPLIES = ["您反映的问题已整改，感谢您的监督。", "已按您的意见改进服务流程，欢迎再次评价。", "已增加窗口并优化排队，感谢您的理解。"];

function at(date: string, hour: number): Date {
  return new Date(hallDayBounds(date).start.getTime() + hour * HOUR);
}

export async function insertDemoWorkOrders(
  db: Db,
  hall: { id: number; managerUserId: number; headUserIds: ReadonlyMap<number, number> },
): Promise<number> {
  const ratings: TBadRating[] = await db
    .selectFrom("rating")
    .select(["id", "case_id", "hall_id", "department_id", "service_item_id", "window_id", "staff_id", "rated_at"])
    .where("hall_id", "=", hall.id)
    .where("level", "<=", 2)
    .where("seq", "=", 1)
    .orderBy("id")
    .execute();
  const random = new SeededRandom(20_231_231);
  let followUpSerial = 0;
  for (const [index, rating] of ratings.entries()) {
    const plan: TPlan = FIXED_PLANS[index] ?? (random.chance(0.04) ? "overdue" : random.chance(0.45) ? "followUp" : "closed");
    const head = hall.headUserIds.get(rating.department_id) ?? null;
    const opened = rating.rated_at;
    const day = hallDate(opened);
    const contactDue = addWorkingDays(day, 1, exceptions);
    let rectifyDue = addWorkingDays(day, 15, exceptions);
    const events: TEvent[] = [{ action: "open", role: "system", actor: null, from: null, to: "pending", note: "", at: opened }];
    const order: Partial<NewWorkOrder> = { state: "pending", contacted_at: null, rectified_at: null, replied_at: null, closed_at: null, reply: "", escalation: 0 };
    const step = (action: string, role: string, to: string, note: string, when: Date, detail?: unknown) => {
      events.push({ action, role, actor: role === "hall_manager" ? hall.managerUserId : role === "department_head" ? head : null, from: order.state ?? null, to, note, at: when, detail });
      order.state = to;
    };
    const contactAt = at(contactDue, random.int(9, 11));
    const contact = () => {
      step("contact", "department_head", "contacted", random.pick(CONTACT_NOTES), contactAt);
      order.contacted_at = contactAt;
      step("startRectification", "department_head", "rectifying", "制定整改方案", new Date(contactAt.getTime() + 2 * HOUR));
    };
    const rectifyAt = () => at(addWorkingDays(day, random.int(3, 12), exceptions), 15);
    const rectify = (when: Date) => {
      step("markRectified", "department_head", "rectified", random.pick(RECTIFY_NOTES), when);
      order.rectified_at = when;
    };
    const reply = (when: Date) => {
      order.reply = random.pick(REPLIES);
      step("reply", "department_head", "replied", order.reply, when);
      order.replied_at = when;
    };
    let followUpLevel: number | null = null;

    if (plan === "pending") {
      events.push({ action: "escalate", role: "system", actor: null, from: "pending", to: "pending", note: "超过回访期限，已提请部门负责人督办", at: at(addCalendarDays(contactDue, 1), 1) });
      order.escalation = 1;
    } else if (plan === "appealed" || plan === "appealUpheld" || plan === "appealRejected") {
      const reason = plan === "appealRejected" ? "malicious" : "mistaken";
      step("appeal", "department_head", "appealed", reason === "mistaken" ? "群众误触评价器" : "群众因个人诉求未满足恶意差评", new Date(opened.getTime() + 3 * HOUR), { appealReason: reason });
      order.state_before_appeal = "pending";
      if (plan === "appealUpheld") {
        step("upholdAppeal", "hall_manager", "closed", "经核查录像，申诉成立", at(contactDue, 16));
        order.closed_at = at(contactDue, 16);
        order.state_before_appeal = null;
        await db.insertInto("rating_exclusion").values({ rating_id: rating.id, reason: "mistaken", note: "经核查录像，申诉成立", approved_by: hall.managerUserId, created_at: at(contactDue, 16) }).execute();
      } else if (plan === "appealRejected") {
        step("rejectAppeal", "hall_manager", "pending", "证据不足，申诉不成立", at(contactDue, 9));
        order.state_before_appeal = null;
        contact();
        rectify(rectifyAt());
        reply(new Date((order.rectified_at ?? opened).getTime() + 20 * HOUR));
        step("close", "department_head", "closed", "", new Date((order.replied_at ?? opened).getTime() + 72 * HOUR));
        order.closed_at = new Date((order.replied_at ?? opened).getTime() + 72 * HOUR);
      }
    } else {
      contact();
      if (plan === "contacted") {
        order.state = "contacted";
        events.pop();
      } else if (plan === "overdue" || plan === "rectifying") {
        events.push({ action: "escalate", role: "system", actor: null, from: "rectifying", to: "rectifying", note: "超过整改期限，已提请大厅管理者督办", at: at(addCalendarDays(rectifyDue, 1), 1) });
        order.escalation = 2;
      } else if (plan === "extension") {
        step("requestExtension", "department_head", "rectifying", "需协调多个部门", at(addWorkingDays(day, 10, exceptions), 10), { extensionDays: 10 });
        step("approveExtension", "hall_manager", "rectifying", "同意延期", at(addWorkingDays(day, 10, exceptions), 16));
        order.extension = "approved";
        order.extension_days = 10;
        rectifyDue = addWorkingDays(rectifyDue, 10, exceptions);
        rectify(at(addWorkingDays(day, 22, exceptions), 15));
        reply(new Date((order.rectified_at ?? opened).getTime() + 20 * HOUR));
        step("close", "department_head", "closed", "", new Date((order.replied_at ?? opened).getTime() + 72 * HOUR));
        order.closed_at = new Date((order.replied_at ?? opened).getTime() + 72 * HOUR);
      } else if (plan === "cannot_rectify_requested" || plan === "cannot_rectify") {
        step("requestCannotRectify", "department_head", "cannot_rectify_requested", "所提要求超出法定办理范围", rectifyAt());
        if (plan === "cannot_rectify") {
          step("approveCannotRectify", "hall_manager", "cannot_rectify", "同意", new Date((events.at(-1)?.at ?? opened).getTime() + 4 * HOUR));
        }
      } else {
        rectify(rectifyAt());
        if (plan !== "rectified") {
          reply(new Date((order.rectified_at ?? opened).getTime() + 20 * HOUR));
          if (plan === "followUp") {
            followUpLevel = random.chance(0.85) ? random.pick([5, 5, 4]) : 3;
            const when = new Date((order.replied_at ?? opened).getTime() + random.int(4, 60) * HOUR);
            step("followUp", "citizen", "closed", "", when);
            order.closed_at = when;
          } else if (plan === "closed") {
            const when = new Date((order.replied_at ?? opened).getTime() + 72 * HOUR);
            step("close", "department_head", "closed", "", when);
            order.closed_at = when;
          }
        }
      }
    }

    const result = await db
      .insertInto("work_order")
      .values({
        ...newWorkOrderRow(rating, { contact: contactDue, rectify: rectifyDue }, opened),
        state: order.state ?? "pending",
        state_before_appeal: order.state === "appealed" ? "pending" : null,
        extension: order.extension ?? "none",
        extension_days: order.extension_days ?? 0,
        contacted_at: order.contacted_at ?? null,
        rectified_at: order.rectified_at ?? null,
        replied_at: order.replied_at ?? null,
        closed_at: order.closed_at ?? null,
        reply: order.reply ?? "",
        escalation: order.escalation ?? 0,
        version: events.length - 1,
      })
      .executeTakeFirstOrThrow();
    const workOrderId = Number(result.insertId);
    await db
      .insertInto("work_order_event")
      .values(
        events.map((event) => ({
          work_order_id: workOrderId,
          action: event.action,
          actor_user_id: event.actor,
          actor_role: event.role,
          from_state: event.from,
          to_state: event.to,
          note: event.note,
          detail: JSON.stringify(event.detail ?? {}),
          created_at: event.at,
        })),
      )
      .execute();
    if (followUpLevel !== null) {
      followUpSerial++;
      const when = order.closed_at ?? opened;
      await db
        .insertInto("rating")
        .values({
          case_id: rating.case_id,
          seq: 2,
          level: followUpLevel,
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
          idempotency_key: `00000000-0000-4000-9000-${followUpSerial.toString(16).padStart(12, "0")}`,
          rated_at: when,
          received_at: when,
        })
        .execute();
    }
  }
  return ratings.length;
}
