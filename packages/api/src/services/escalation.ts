import { sql } from "kysely";

import type { Db } from "@hcp/db";
import { hallDate } from "@hcp/domain";

import { audit } from "./audit";

/** Where an escalation goes besides the console: an SMS gateway, the 12345 platform … */
export interface TNotifier {
  notify: (escalation: { workOrderId: number; hallId: number; departmentId: number; level: 1 | 2; reason: string }) => Promise<void>;
}

/** The default: the console's queue and the order's timeline are the notice. */
export const consoleOnlyNotifier: TNotifier = { notify: () => Promise.resolve() };

/**
 * Overdue orders climb once per level: a missed contact deadline goes to the department head (1),
 * a missed rectification deadline to the hall manager (2). Each climb is an event on the order.
 */
export async function escalateOverdue(db: Db, now: Date, notifier: TNotifier = consoleOnlyNotifier): Promise<number> {
  const today = hallDate(now);
  const candidates = await db
    .selectFrom("work_order")
    .select(["id", "hall_id", "department_id", "state", "escalation", "contacted_at", "rectified_at", "contact_due", "rectify_due"])
    .where("state", "in", ["pending", "contacted", "rectifying", "cannot_rectify_requested"])
    .where((eb) =>
      eb.or([
        eb.and([eb("escalation", "<", 1), eb("contacted_at", "is", null), eb("contact_due", "<", today)]),
        eb.and([eb("escalation", "<", 2), eb("rectified_at", "is", null), eb("rectify_due", "<", today)]),
      ]),
    )
    .execute();
  let raised = 0;
  for (const order of candidates) {
    const level: 1 | 2 = order.rectified_at === null && order.rectify_due < today ? 2 : 1;
    const reason = level === 2 ? "超过整改期限" : "超过回访期限";
    const updated = await db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable("work_order")
        .set({ escalation: level, version: sql<number>`version + 1` })
        .where("id", "=", order.id)
        .where("escalation", "<", level)
        .executeTakeFirst();
      if (result.numUpdatedRows !== 1n) return false;
      await trx
        .insertInto("work_order_event")
        .values({
          work_order_id: order.id,
          action: "escalate",
          actor_user_id: null,
          actor_role: "system",
          from_state: order.state,
          to_state: order.state,
          note: `${reason}，已提请${level === 2 ? "大厅管理者" : "部门负责人"}督办`,
          detail: JSON.stringify({ level }),
          created_at: now,
        })
        .execute();
      // The platform itself changed the order: on the chain like any person's step.
      await audit(trx, { now: () => now, user: null, device: null }, {
        action: "workOrder.escalate",
        entity: "work_order",
        entityId: order.id,
        before: { escalation: order.escalation },
        after: { escalation: level },
        detail: { reason },
      });
      return true;
    });
    if (updated) {
      raised++;
      await notifier.notify({ workOrderId: order.id, hallId: order.hall_id, departmentId: order.department_id, level, reason });
    }
  }
  return raised;
}
