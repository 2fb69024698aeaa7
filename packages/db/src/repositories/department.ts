import { sql } from "kysely";

import type { Db } from "../client";
import type { Department } from "../schema";

/** 部门管理's row: the department as it is edited, with what it holds today. */
export interface TDepartmentAdminRow {
  id: number;
  code: string;
  name: string;
  shortName: string;
  contactName: string;
  contactPhone: string;
  sortOrder: number;
  retiredAt: Date | null;
  activeItems: number;
  activeStaff: number;
}

/** A hall's departments for 部门管理, in use first (by their order), retired after; one department when `departmentId` is set. */
export async function listDepartmentsForAdmin(
  db: Db,
  hallId: number,
  filter: { departmentId?: number } = {},
): Promise<TDepartmentAdminRow[]> {
  let query = db
    .selectFrom("department")
    .select((eb) => [
      "department.id",
      "department.code",
      "department.name",
      "department.short_name as shortName",
      "department.contact_name as contactName",
      "department.contact_phone as contactPhone",
      "department.sort_order as sortOrder",
      "department.retired_at as retiredAt",
      eb
        .selectFrom("service_item")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("service_item.department_id", "=", "department.id")
        .where("service_item.active", "=", true)
        .as("activeItems"),
      eb
        .selectFrom("staff")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("staff.department_id", "=", "department.id")
        .where("staff.active", "=", true)
        .as("activeStaff"),
    ])
    .where("department.hall_id", "=", hallId);
  if (filter.departmentId !== undefined) query = query.where("department.id", "=", filter.departmentId);
  const rows = await query
    .orderBy(sql`department.retired_at is not null`)
    .orderBy("department.sort_order")
    .orderBy("department.id")
    .execute();
  return rows.map((row) => ({ ...row, activeItems: Number(row.activeItems), activeStaff: Number(row.activeStaff) }));
}

/** The department of the hall, read under a row lock until the transaction ends. */
export async function lockDepartmentOfHall(db: Db, hallId: number, id: number): Promise<Department | undefined> {
  return db
    .selectFrom("department")
    .selectAll()
    .where("id", "=", id)
    .where("hall_id", "=", hallId)
    .forUpdate()
    .executeTakeFirst();
}

/** Another department of the hall in use under this name (names of retired ones may come back). */
export async function findActiveDepartmentNamed(
  db: Db,
  hallId: number,
  name: string,
  exceptId: number | null,
): Promise<{ id: number } | undefined> {
  let query = db
    .selectFrom("department")
    .select("id")
    .where("hall_id", "=", hallId)
    .where("name", "=", name)
    .where("retired_at", "is", null);
  if (exceptId !== null) query = query.where("id", "<>", exceptId);
  return query.executeTakeFirst();
}

/** Any department, of any hall, holding this 统一社会信用代码 (it names one organisation nationwide). */
export async function findDepartmentByCode(db: Db, code: string): Promise<{ id: number } | undefined> {
  return db.selectFrom("department").select("id").where("code", "=", code).executeTakeFirst();
}

export interface TDepartmentValues {
  code: string;
  name: string;
  short_name: string;
  contact_name: string;
  contact_phone: string;
}

/** A new department, placed after the hall's others; its id. */
export async function insertDepartment(db: Db, hallId: number, values: TDepartmentValues): Promise<number> {
  const last = await db
    .selectFrom("department")
    .select(sql<number | null>`max(sort_order)`.as("last"))
    .where("hall_id", "=", hallId)
    .executeTakeFirst();
  const result = await db
    .insertInto("department")
    .values({ ...values, hall_id: hallId, sort_order: Number(last?.last ?? 0) + 1 })
    .executeTakeFirstOrThrow();
  return Number(result.insertId);
}

export async function updateDepartment(db: Db, id: number, values: TDepartmentValues): Promise<void> {
  await db.updateTable("department").set(values).where("id", "=", id).execute();
}

/** Retires a department at `at`, or with null puts it back in use. */
export async function setDepartmentRetired(db: Db, id: number, at: Date | null): Promise<void> {
  await db.updateTable("department").set({ retired_at: at }).where("id", "=", id).execute();
}

/**
 * What still ties a department to the hall's daily work: its items in use, its staff on duty, the
 * windows in use that belong to it or receive it, its enabled accounts and its open work orders.
 */
export async function departmentUse(
  db: Db,
  id: number,
): Promise<{
  activeItems: number;
  activeStaff: number;
  activeWindows: number;
  activeUsers: number;
  openWorkOrders: number;
}> {
  const count = sql<number>`count(*)`.as("n");
  const [items, staff, windows, users, orders] = await Promise.all([
    db
      .selectFrom("service_item")
      .select(count)
      .where("department_id", "=", id)
      .where("active", "=", true)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("staff")
      .select(count)
      .where("department_id", "=", id)
      .where("active", "=", true)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("window")
      .select(sql<number>`count(distinct window.id)`.as("n"))
      .leftJoin("window_department", "window_department.window_id", "window.id")
      .where("window.active", "=", true)
      .where((eb) => eb.or([eb("window.department_id", "=", id), eb("window_department.department_id", "=", id)]))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("user")
      .select(count)
      .where("department_id", "=", id)
      .where("active", "=", true)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("work_order")
      .select(count)
      .where("department_id", "=", id)
      .where("state", "<>", "closed")
      .executeTakeFirstOrThrow(),
  ]);
  return {
    activeItems: Number(items.n),
    activeStaff: Number(staff.n),
    activeWindows: Number(windows.n),
    activeUsers: Number(users.n),
    openWorkOrders: Number(orders.n),
  };
}
