import { sql, type RawBuilder } from "kysely";

import { statesWithDeadline, type TLevel, type TWorkOrderState } from "@hcp/domain";

import type { Db } from "../client";
import type { NewWorkOrder, WorkOrder } from "../schema";

export interface TWorkOrderEventInput {
  action: string;
  actorUserId: number | null;
  actorRole: string;
  fromState: TWorkOrderState | null;
  toState: TWorkOrderState;
  note: string;
  detail?: unknown;
  now: Date;
}

async function insertEvent(db: Db, workOrderId: number, event: TWorkOrderEventInput): Promise<void> {
  await db
    .insertInto("work_order_event")
    .values({
      work_order_id: workOrderId,
      action: event.action,
      actor_user_id: event.actorUserId,
      actor_role: event.actorRole,
      from_state: event.fromState,
      to_state: event.toState,
      note: event.note,
      detail: JSON.stringify(event.detail ?? {}),
      created_at: event.now,
    })
    .execute();
}

/** A bad rating's new order: waiting to be verified, no extension, with its deadlines. */
export function newWorkOrderRow(
  rating: { id: number } & Pick<NewWorkOrder, "case_id" | "hall_id" | "department_id" | "window_id" | "staff_id">,
  due: { contact: string; rectify: string },
  now: Date,
): NewWorkOrder {
  return {
    rating_id: rating.id,
    case_id: rating.case_id,
    hall_id: rating.hall_id,
    department_id: rating.department_id,
    window_id: rating.window_id,
    staff_id: rating.staff_id,
    state: "pending",
    state_before_appeal: null,
    extension: "none",
    extension_days: 0,
    created_at: now,
    contact_due: due.contact,
    rectify_due: due.rectify,
    contacted_at: null,
    rectified_at: null,
    replied_at: null,
    closed_at: null,
    reply: "",
    escalation: 0,
    version: 0,
  };
}

/** Opens an order with its first event; call inside the rating's transaction. */
export async function insertWorkOrder(db: Db, order: NewWorkOrder, opened: TWorkOrderEventInput): Promise<number> {
  const result = await db.insertInto("work_order").values(order).executeTakeFirstOrThrow();
  const id = Number(result.insertId);
  await insertEvent(db, id, opened);
  return id;
}

export async function findWorkOrder(db: Db, id: number): Promise<WorkOrder | undefined> {
  return db.selectFrom("work_order").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findWorkOrderOfCase(db: Db, caseId: number): Promise<WorkOrder | undefined> {
  return db.selectFrom("work_order").selectAll().where("case_id", "=", caseId).orderBy("id", "desc").executeTakeFirst();
}

/**
 * Applies a step if nobody else moved the order since it was read (`version`), and records its
 * event. Run it inside the caller's transaction with whatever else the step writes. Returns false
 * (writing nothing) when someone else was first.
 */
export async function applyWorkOrderStep(
  db: Db,
  step: {
    id: number;
    version: number;
    changes: Partial<Omit<WorkOrder, "id" | "version" | "rating_id" | "case_id">>;
    event: TWorkOrderEventInput;
  },
): Promise<boolean> {
  const result = await db
    .updateTable("work_order")
    .set({ ...step.changes, version: sql<number>`version + 1` })
    .where("id", "=", step.id)
    .where("version", "=", step.version)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) return false;
  await insertEvent(db, step.id, step.event);
  return true;
}

/**
 * Orders still open whose contact (level 1) or rectification (level 2) deadline passed, hall-local
 * `today`, without having climbed to that level yet.
 */
export async function listOverdueWorkOrders(db: Db, today: string) {
  return db
    .selectFrom("work_order")
    .select([
      "id",
      "hall_id",
      "department_id",
      "state",
      "escalation",
      "contacted_at",
      "rectified_at",
      "contact_due",
      "rectify_due",
    ])
    .where("state", "in", ["pending", "contacted", "rectifying", "cannot_rectify_requested"])
    .where((eb) =>
      eb.or([
        eb.and([eb("escalation", "<", 1), eb("contacted_at", "is", null), eb("contact_due", "<", today)]),
        eb.and([eb("escalation", "<", 2), eb("rectified_at", "is", null), eb("rectify_due", "<", today)]),
      ]),
    )
    .execute();
}

/**
 * Raises an order's escalation to `level` unless it is there already, with its event; call in the
 * transaction that audits it. Returns false (writing nothing) when it was already raised.
 */
export async function escalateWorkOrder(
  db: Db,
  escalation: { id: number; level: number; event: TWorkOrderEventInput },
): Promise<boolean> {
  const result = await db
    .updateTable("work_order")
    .set({ escalation: escalation.level, version: sql<number>`version + 1` })
    .where("id", "=", escalation.id)
    .where("escalation", "<", escalation.level)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) return false;
  await insertEvent(db, escalation.id, escalation.event);
  return true;
}

export interface TWorkOrderEventRow {
  id: number;
  action: string;
  actorName: string | null;
  actorRole: string;
  fromState: TWorkOrderState | null;
  toState: TWorkOrderState;
  note: string;
  detail: string;
  createdAt: Date;
}

export async function listWorkOrderEvents(db: Db, workOrderId: number): Promise<TWorkOrderEventRow[]> {
  return db
    .selectFrom("work_order_event")
    .leftJoin("user", "user.id", "work_order_event.actor_user_id")
    .select([
      "work_order_event.id",
      "work_order_event.action",
      "user.display_name as actorName",
      "work_order_event.actor_role as actorRole",
      "work_order_event.from_state as fromState",
      "work_order_event.to_state as toState",
      "work_order_event.note",
      "work_order_event.detail",
      "work_order_event.created_at as createdAt",
    ])
    .where("work_order_event.work_order_id", "=", workOrderId)
    .orderBy("work_order_event.id")
    .execute();
}

export interface TWorkOrderFilter {
  hallId: number;
  departmentId?: number;
  staffId?: number;
  windowId?: number;
  states?: readonly TWorkOrderState[];
  reasonCode?: string;
  /** created in [from, to) */
  from?: Date;
  to?: Date;
  /** open orders past a deadline as of this hall-local date */
  overdueOn?: string;
  /** the case number's last digits, as people read them out (or all of it) */
  caseNo?: string;
  /** part of the rated staff member's name, or their whole badge number */
  staff?: string;
  /** urgency: overdue first, then fewest days left, orders without a running deadline after, closed last; newest: latest opened first */
  sort: "urgency" | "newest";
  limit: number;
  offset: number;
}

export interface TWorkOrderListRow {
  id: number;
  state: TWorkOrderState;
  caseNo: string;
  itemName: string;
  departmentId: number;
  departmentName: string;
  windowCode: string | null;
  staffId: number | null;
  staffName: string | null;
  level: TLevel;
  createdAt: Date;
  contactDue: string;
  rectifyDue: string;
  contactedAt: Date | null;
  rectifiedAt: Date | null;
  escalation: number;
  extension: string;
}

/** LIKE's own characters taken literally (MariaDB escapes with a backslash). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * The due date of the deadline running now (domain nextStep): contact while the order waits
 * for its call-back, rectification until it is rectified or 无法整改 is asked; none otherwise
 * (an appeal pauses the clock). Empty while no deadline runs.
 */
function currentDue(): RawBuilder<string | null> {
  const contact = statesWithDeadline("contact");
  const rectify = statesWithDeadline("rectify");
  return sql<string | null>`(case
    when work_order.state in (${sql.join(contact)}) and work_order.contacted_at is null then work_order.contact_due
    when work_order.state in (${sql.join(rectify)}) and work_order.rectified_at is null then work_order.rectify_due
  end)`;
}

/** Urgency groups: a running deadline, then waiting without one (reply, appeal), then replied, then closed. */
function urgencyRank(): RawBuilder<number> {
  return sql<number>`(case
    when ${currentDue()} is not null then 0
    when work_order.state = 'replied' then 2
    when work_order.state = 'closed' then 3
    else 1
  end)`;
}

export async function listWorkOrders(
  db: Db,
  filter: TWorkOrderFilter,
): Promise<{ total: number; rows: TWorkOrderListRow[] }> {
  let query = db
    .selectFrom("work_order")
    .innerJoin("case", "case.id", "work_order.case_id")
    .innerJoin("service_item", "service_item.id", "case.service_item_id")
    .innerJoin("department", "department.id", "work_order.department_id")
    .innerJoin("rating", "rating.id", "work_order.rating_id")
    .leftJoin("window", "window.id", "work_order.window_id")
    .leftJoin("staff", "staff.id", "work_order.staff_id")
    .where("work_order.hall_id", "=", filter.hallId);
  if (filter.departmentId !== undefined) query = query.where("work_order.department_id", "=", filter.departmentId);
  if (filter.staffId !== undefined) query = query.where("work_order.staff_id", "=", filter.staffId);
  if (filter.windowId !== undefined) query = query.where("work_order.window_id", "=", filter.windowId);
  if (filter.states && filter.states.length > 0) query = query.where("work_order.state", "in", [...filter.states]);
  if (filter.from) query = query.where("work_order.created_at", ">=", filter.from);
  if (filter.to) query = query.where("work_order.created_at", "<", filter.to);
  if (filter.reasonCode) {
    const code = filter.reasonCode;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("rating_reason")
          .select("rating_reason.rating_id")
          .whereRef("rating_reason.rating_id", "=", "work_order.rating_id")
          .where("rating_reason.reason_code", "=", code),
      ),
    );
  }
  if (filter.overdueOn) query = query.where(sql<boolean>`${currentDue()} < ${filter.overdueOn}`);
  if (filter.caseNo) query = query.where("case.case_no", "like", `%${escapeLike(filter.caseNo)}`);
  if (filter.staff) {
    const staff = filter.staff;
    query = query.where((eb) =>
      eb.or([eb("staff.name", "like", `%${escapeLike(staff)}%`), eb("staff.badge_no", "=", staff)]),
    );
  }
  const [count, rows] = await Promise.all([
    query.select(sql<number>`count(*)`.as("total")).executeTakeFirstOrThrow(),
    query
      .select([
        "work_order.id",
        "work_order.state",
        "case.case_no as caseNo",
        "service_item.name as itemName",
        "work_order.department_id as departmentId",
        "department.name as departmentName",
        "window.code as windowCode",
        "work_order.staff_id as staffId",
        "staff.name as staffName",
        "rating.level",
        "work_order.created_at as createdAt",
        "work_order.contact_due as contactDue",
        "work_order.rectify_due as rectifyDue",
        "work_order.contacted_at as contactedAt",
        "work_order.rectified_at as rectifiedAt",
        "work_order.escalation",
        "work_order.extension",
      ])
      .$call((rows) =>
        filter.sort === "newest"
          ? rows.orderBy("work_order.id", "desc")
          : rows
              .orderBy(urgencyRank())
              .orderBy(currentDue())
              // Waiting orders oldest first; among closed ones the latest first.
              .orderBy(sql`case when work_order.state = 'closed' then -work_order.id else work_order.id end`),
      )
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
  ]);
  return { total: Number(count.total), rows };
}
