import { escalateWorkOrder, listOverdueWorkOrders, type Db } from "@hcp/db";
import { hallDate } from "@hcp/domain";

import { audit, systemActor } from "./audit";

/** Where an escalation goes besides the console: an SMS gateway, the 12345 platform … */
export interface TNotifier {
  notify: (escalation: {
    workOrderId: number;
    hallId: number;
    departmentId: number;
    level: 1 | 2;
    reason: string;
  }) => Promise<void>;
}

/** The default: the console's queue and the order's timeline are the notice. */
export const consoleOnlyNotifier: TNotifier = { notify: () => Promise.resolve() };

/**
 * Overdue orders climb once per level: a missed contact deadline goes to the department head (1),
 * a missed rectification deadline to the hall manager (2). Each climb is an event on the order.
 */
export async function escalateOverdue(db: Db, now: Date, notifier: TNotifier = consoleOnlyNotifier): Promise<number> {
  const today = hallDate(now);
  const candidates = await listOverdueWorkOrders(db, today);
  let raised = 0;
  for (const order of candidates) {
    const level: 1 | 2 = order.rectified_at === null && order.rectify_due < today ? 2 : 1;
    const reason = level === 2 ? "超过整改期限" : "超过回访期限";
    const updated = await db.transaction().execute(async (trx) => {
      const climbed = await escalateWorkOrder(trx, {
        id: order.id,
        level,
        event: {
          action: "escalate",
          actorUserId: null,
          actorRole: "system",
          fromState: order.state,
          toState: order.state,
          note: `${reason}，已提请${level === 2 ? "大厅管理者" : "部门负责人"}督办`,
          detail: { level },
          now,
        },
      });
      if (!climbed) return false;
      // The platform itself changed the order: on the chain like any person's step.
      await audit(trx, systemActor(now), {
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
      await notifier.notify({
        workOrderId: order.id,
        hallId: order.hall_id,
        departmentId: order.department_id,
        level,
        reason,
      });
    }
  }
  return raised;
}
